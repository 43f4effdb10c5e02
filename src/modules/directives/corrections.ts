/**
 * Corrections as corpus cases (issue 15, item 5): every registered directive whose reviewed fields
 * differ from what the parser read becomes a case of the parser's corpus
 * (test/fixtures/directives-corpus/README.md) — the text it was read from, the reviewed values as
 * `expected`, the corrected field names and the parser's values of those fields. Compared after
 * Unicode normalisation and with spaces folded, so a field the reviewer left alone never counts.
 */
import type { Actor } from '../../platform/access/roles.js';
import { requireSystemAdmin } from '../../platform/access/scope.js';
import type { Db } from '../../platform/db/database.js';
import { fail } from '../../platform/errors.js';
import { normalizeVi } from '../../platform/vn/index.js';
import { CASE_FIELDS, caseFieldValue, type CaseDate, type CaseFields, type CaseReference } from '../../core/vn-document/corpus-case.js';
import { selectCorrectionRows, type CorrectionRow } from './corrections-repository.js';
import { selectUnitIdByCode } from './unit-repository.js';

export type { CaseFields };

export const CORRECTABLE_FIELDS = [...CASE_FIELDS, 'references'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export interface CorrectionCase {
  id: string;
  source: string;
  convention: 'party' | 'state';
  form: 'full';
  issuedYear: number;
  hard: string;
  expected: CaseFields;
  text: string;
  corrected: CorrectableField[];
  parsed: Partial<Record<CorrectableField, unknown>>;
}

/** A number/symbol in the corpus's canonical spelling: NFC, no spaces, plain hyphens. */
const canonicalSymbol = (s: string | null | undefined) => (s ? normalizeVi(s).replace(/\s+/g, '').replace(/[\u2010-\u2015\u2212]/g, '-') || null : null);
const fold = (s: string | null | undefined) => (s ? normalizeVi(s).replace(/\s+/g, ' ').trim() || null : null);
const dateOf = (d: CaseDate | null | undefined): CaseDate | null => (d && (d.year !== null || d.month !== null || d.day !== null) ? { year: d.year, month: d.month, day: d.day } : null);

interface ParsedJson {
  docType?: { value: string } | null;
  numberSymbol?: { value: string } | null;
  date?: { value: CaseDate } | null;
  issuer?: { value: string } | null;
  subject?: { value: string } | null;
  convention?: 'party' | 'state' | null;
  signer?: { value: { authority: string | null; title: string | null; name: string | null } } | null;
  references?: { docType: string | null; numberSymbol: string | null; date: CaseDate | null }[];
}

/** The fields of a parse stored in `directives.parsed`, in the corpus's shape. */
export function parsedFields(parsed: ParsedJson): CaseFields {
  const s = parsed.signer?.value ?? null;
  return {
    docType: parsed.docType?.value ?? null,
    numberSymbol: canonicalSymbol(parsed.numberSymbol?.value),
    date: dateOf(parsed.date?.value),
    issuer: fold(parsed.issuer?.value),
    subject: fold(parsed.subject?.value),
    signer: s ? { authority: fold(s.authority), title: fold(s.title), name: fold(s.name) } : null,
    references: uniqueReferences((parsed.references ?? []).map((r) => ({ docType: r.docType, numberSymbol: canonicalSymbol(r.numberSymbol) ?? '', date: dateOf(r.date) })), null),
  };
}

function uniqueReferences(refs: CaseReference[], own: string | null): CaseReference[] {
  const seen = new Set<string>();
  return refs.filter((r) => r.numberSymbol !== '' && r.numberSymbol !== own && !seen.has(r.numberSymbol) && seen.add(r.numberSymbol));
}

/** The reviewed fields of a registered directive, in the corpus's shape. */
export function reviewedFields(row: CorrectionRow): CaseFields {
  const numberSymbol = canonicalSymbol(row.numberSymbol);
  const s = row.signer;
  const signer = s && (s.authority || s.title || s.name) ? { authority: fold(s.authority), title: fold(s.title), name: fold(s.name) } : null;
  return {
    docType: fold(row.docType),
    numberSymbol,
    date: dateOf({ year: row.issuedYear, month: row.issuedMonth, day: row.issuedDay }),
    issuer: fold(row.issuerName),
    subject: fold(row.subject),
    signer,
    references: uniqueReferences(
      row.references.map((r) => ({ docType: fold(r.docType), numberSymbol: canonicalSymbol(r.numberSymbol) ?? '', date: dateOf({ year: r.year, month: r.month, day: r.day }) })),
      numberSymbol,
    ),
  };
}

function valueOf(f: CaseFields, field: CorrectableField): unknown {
  return field === 'references' ? f.references : caseFieldValue(f, field);
}

const sameRefs = (a: CaseReference[], b: CaseReference[]) => JSON.stringify(a.map((r) => r.numberSymbol).sort()) === JSON.stringify(b.map((r) => r.numberSymbol).sort());

/** The fields whose reviewed value differs from the parser's. */
export function correctedFields(reviewed: CaseFields, parsed: CaseFields): CorrectableField[] {
  return CORRECTABLE_FIELDS.filter((field) =>
    field === 'references' ? !sameRefs(reviewed.references, parsed.references) : JSON.stringify(valueOf(reviewed, field)) !== JSON.stringify(valueOf(parsed, field)),
  );
}

export function correctionCase(row: CorrectionRow, registeredYear: number): CorrectionCase | null {
  const parsedJson = (row.parsed ?? {}) as ParsedJson;
  const parsed = parsedFields(parsedJson);
  const expected = reviewedFields(row);
  const corrected = correctedFields(expected, parsed);
  if (corrected.length === 0) return null;
  const numberSymbol = expected.numberSymbol ?? '';
  const convention = row.convention ?? parsedJson.convention ?? (/^\d*-[^/]+\//u.test(numberSymbol) ? 'party' : 'state');
  return {
    id: `c-${row.id}`,
    source: `lantoa:directive/${row.id}`,
    convention,
    form: 'full',
    issuedYear: expected.date?.year ?? parsed.date?.year ?? registeredYear,
    hard: `corrected by a user: ${corrected.join(', ')}`,
    expected,
    text: row.sourceText ?? row.bodyText,
    corrected,
    parsed: Object.fromEntries(corrected.map((f) => [f, valueOf(parsed, f)])),
  };
}

/**
 * The corrected registrations of the registers of a unit's subtree (all registers without
 * `unitCode`), written on or after `since`, as corpus cases. System administrators only: the texts
 * leave the units' registers.
 */
export async function listCorrections(db: Db, options: { actor: Actor; unitCode?: string | undefined; since?: Date | undefined }): Promise<CorrectionCase[]> {
  requireSystemAdmin(options.actor);
  let unitId: number | null = null;
  if (options.unitCode !== undefined) {
    unitId = (await selectUnitIdByCode(db, options.unitCode)) ?? null;
    if (unitId === null) fail('UNIT_NOT_FOUND');
  }
  const rows = await selectCorrectionRows(db, { unitId, since: options.since ?? null });
  return rows.flatMap((row) => correctionCase(row, row.registeredYear) ?? []);
}
