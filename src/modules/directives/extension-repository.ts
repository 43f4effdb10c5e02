import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../platform/db/database.js';
import { subtreeIdsOf } from '../../core/unit-tree/index.js';

/** SQL of the directives' extension points (module.ts: figures, items due). */

/**
 * Directives registered in [start, end) in the registers of a unit's subtree, and directives issued
 * by the subtree's units whose (full) issue date falls in the period's Vietnam dates [start, end).
 */
export async function selectSubtreeDirectiveCounts(db: Queryable, options: { unitId: number; start: Date; end: Date }): Promise<{ registered: number; issued: number }> {
  const result = await db.execute<{ registered: number; issued: number }>(sql`
    with sub as ${subtreeIdsOf(sql`select ${options.unitId}::int`)}
    select
      (select count(*)::int from directives d
        where d.owner_unit_id in (select id from sub) and d.created_at >= ${options.start} and d.created_at < ${options.end}) as registered,
      (select count(*)::int from directives d
        where coalesce(d.issuer_unit_id, d.owner_unit_id) in (select id from sub)
          and d.issued_year is not null and d.issued_month is not null and d.issued_day is not null
          and make_date(d.issued_year, d.issued_month, d.issued_day) >= (${options.start}::timestamptz at time zone 'Asia/Ho_Chi_Minh')::date
          and make_date(d.issued_year, d.issued_month, d.issued_day) < (${options.end}::timestamptz at time zone 'Asia/Ho_Chi_Minh')::date) as issued`);
  return result.rows[0] ?? { registered: 0, issued: 0 };
}

export interface PendingDirective {
  directiveId: number;
  unitId: number;
  docType: string | null;
  numberSymbol: string | null;
  subject: string | null;
}

/**
 * For the given units, the directives addressed to them (their Kính gửi; for a document without
 * one, its Nơi nhận — as the cascade counts them) that the unit has neither acknowledged nor
 * implemented (no directive of the unit's own "implements" it), newest first.
 */
export async function selectPendingDirectives(db: Queryable, unitIds: readonly number[]): Promise<PendingDirective[]> {
  if (unitIds.length === 0) return [];
  const result = await db.execute<{ directive_id: number; unit_id: number; doc_type: string | null; number_symbol: string | null; subject: string | null }>(sql`
    select d.id as directive_id, a.unit_id, d.doc_type, d.number_symbol, d.subject
    from (select distinct a.directive_id, a.unit_id from directive_addressees a
          where a.unit_id = any(${pgArray([...new Set(unitIds)])}::int[])
            and (a.role = 'recipient'
                 or not exists (select 1 from directive_addressees r where r.directive_id = a.directive_id and r.role = 'recipient' and r.unit_id is not null))) a
    join directives d on d.id = a.directive_id
    where not exists (select 1 from directive_acknowledgements k where k.directive_id = a.directive_id and k.unit_id = a.unit_id)
      and not exists (
        select 1 from directive_references r join directives y on y.id = r.directive_id
        where r.relation = 'implements' and r.target_id = a.directive_id and coalesce(y.issuer_unit_id, y.owner_unit_id) = a.unit_id)
    order by d.created_at desc, d.id desc, a.unit_id`);
  return result.rows.map((r) => ({ directiveId: r.directive_id, unitId: r.unit_id, docType: r.doc_type, numberSymbol: r.number_symbol, subject: r.subject }));
}

export interface WaitingDraft {
  draftId: number;
  unitId: number;
  docType: string | null;
  subject: string | null;
  updatedAt: Date;
}

/** For the given units, their drafts of implementing directives still being drafted (not issued), most recently edited first. */
export async function selectWaitingDrafts(db: Queryable, unitIds: readonly number[]): Promise<WaitingDraft[]> {
  if (unitIds.length === 0) return [];
  const result = await db.execute<{ id: number; unit_id: number; doc_type: string | null; subject: string | null; updated_at: string | Date }>(sql`
    select d.id, d.unit_id, d.content->>'docType' as doc_type, d.content->>'subject' as subject, d.updated_at
    from directive_drafts d
    where d.unit_id = any(${pgArray([...new Set(unitIds)])}::int[]) and d.status = 'draft'
    order by d.updated_at desc, d.id desc`);
  return result.rows.map((r) => ({ draftId: r.id, unitId: r.unit_id, docType: r.doc_type, subject: r.subject, updatedAt: new Date(r.updated_at) }));
}
