import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../platform/db/database.js';
import { subtreeIdsOf } from '../../core/unit-tree/index.js';

/** SQL of `lantoa directives corrections`: registered directives with what the parser read and what the reviewer kept. */

export interface CorrectionRow {
  id: number;
  convention: 'party' | 'state' | null;
  docType: string | null;
  numberSymbol: string | null;
  issuerName: string | null;
  issuedYear: number | null;
  issuedMonth: number | null;
  issuedDay: number | null;
  subject: string | null;
  signer: { authority: string | null; title: string | null; name: string | null } | null;
  /** The parser's full output (ParsedDirective as JSON) when the directive was last written. */
  parsed: unknown;
  sourceText: string | null;
  bodyText: string;
  /** The year of the registration, Vietnam time. */
  registeredYear: number;
  /** The reviewed references' numbers/symbols (those with one), in order. */
  references: { docType: string | null; numberSymbol: string; year: number | null; month: number | null; day: number | null }[];
}

/**
 * Every directive with a stored parse, of the registers of `unitId`'s subtree (all registers when
 * null), written (registered or corrected) on or after `since`; oldest first.
 */
export async function selectCorrectionRows(db: Queryable, options: { unitId: number | null; since: Date | null }): Promise<CorrectionRow[]> {
  const inUnits = options.unitId === null ? sql`true` : sql`d.owner_unit_id in ${subtreeIdsOf(sql`select ${options.unitId}::int`)}`;
  const since = options.since === null ? sql`true` : sql`d.updated_at >= ${options.since}`;
  const rows = await db.execute<Omit<CorrectionRow, 'references'>>(sql`
    select d.id, d.convention, d.doc_type as "docType", d.number_symbol as "numberSymbol", d.issuer_name as "issuerName",
      d.issued_year as "issuedYear", d.issued_month as "issuedMonth", d.issued_day as "issuedDay", d.subject, d.signer,
      d.parsed, d.source_text as "sourceText", d.body_text as "bodyText",
      extract(year from d.created_at at time zone 'Asia/Ho_Chi_Minh')::int as "registeredYear"
    from directives d
    where d.parsed is not null and ${inUnits} and ${since}
    order by d.id`);
  if (rows.rows.length === 0) return [];
  const refs = await db.execute<{ directiveId: number } & CorrectionRow['references'][number]>(sql`
    select r.directive_id as "directiveId", r.doc_type as "docType", r.number_symbol as "numberSymbol", r.ref_year as year, r.ref_month as month, r.ref_day as day
    from directive_references r
    where r.directive_id = any(${pgArray(rows.rows.map((r) => r.id))}::int[]) and r.number_symbol is not null
    order by r.directive_id, r.position`);
  const byDirective = new Map<number, CorrectionRow['references']>();
  for (const { directiveId, ...ref } of refs.rows) byDirective.set(directiveId, [...(byDirective.get(directiveId) ?? []), ref]);
  return rows.rows.map((r) => ({ ...r, references: byDirective.get(r.id) ?? [] }));
}
