/**
 * Scoring of the directive corpus (test/fixtures/directives-corpus/README.md, "Scoring"): eight
 * fields per case, right when equal under the comparisons of compare.ts (null = null is right);
 * references matched by canonical number/symbol, recall and precision over the whole corpus.
 */
import { sameDate, sameExact, sameIssuer, sameLoose, sameSubject, sameSymbol, symbolKey, type CaseDate } from './compare.js';
import type { CaseConvention, CaseForm, CorpusCase, ExpectedFields } from './corpus.js';
import { CASE_FIELDS, caseFieldValue, type CaseField } from '../../src/core/vn-document/corpus-case.js';

export const FIELDS = CASE_FIELDS;
export type Field = CaseField;
type Value = string | CaseDate | null;

/** What the parser read, reduced to the scored fields (plain values, no spans); references by number/symbol only (those without one do not count). */
export type GotFields = Omit<ExpectedFields, 'references'> & { references: string[] };

/** The scored fields of a parse result (ParsedDirective has `{value, span}` fields). */
export function gotFields(p: {
  docType: { value: string } | null;
  numberSymbol: { value: string } | null;
  date: { value: CaseDate } | null;
  issuer: { value: string } | null;
  subject: { value: string } | null;
  signer: { value: { authority: string | null; title: string | null; name: string | null } } | null;
  references: { numberSymbol: string | null }[];
}): GotFields {
  const s = p.signer?.value ?? null;
  return {
    docType: p.docType?.value ?? null,
    numberSymbol: p.numberSymbol?.value ?? null,
    date: p.date ? { year: p.date.value.year, month: p.date.value.month, day: p.date.value.day } : null,
    issuer: p.issuer?.value ?? null,
    subject: p.subject?.value ?? null,
    signer: s ? { authority: s.authority, title: s.title, name: s.name } : null,
    references: p.references.flatMap((r) => (r.numberSymbol ? [r.numberSymbol] : [])),
  };
}


const COMPARE: Record<Field, (e: never, g: never) => boolean> = {
  docType: sameExact,
  numberSymbol: sameSymbol,
  date: sameDate,
  issuer: sameIssuer,
  subject: sameSubject,
  'signer.authority': sameLoose,
  'signer.title': sameLoose,
  'signer.name': sameLoose,
};

export function fieldRight(field: Field, expected: Value, got: Value): boolean {
  return (COMPARE[field] as (e: Value, g: Value) => boolean)(expected, got);
}

export interface FieldMiss {
  id: string;
  field: Field;
  expected: Value;
  got: Value;
}

export interface CaseScore {
  id: string;
  convention: CaseConvention;
  form: CaseForm;
  right: Record<Field, boolean>;
  misses: FieldMiss[];
  /** Expected references the parser found / missed, and found ones not expected (canonical numbers/symbols). */
  refsFound: string[];
  refsMissing: string[];
  refsExtra: string[];
}


export function scoreCase(c: Pick<CorpusCase, 'id' | 'convention' | 'form' | 'expected'>, got: GotFields): CaseScore {
  const right = {} as Record<Field, boolean>;
  const misses: FieldMiss[] = [];
  for (const field of FIELDS) {
    const e = caseFieldValue(c.expected, field);
    const g = caseFieldValue(got, field);
    right[field] = fieldRight(field, e, g);
    if (!right[field]) misses.push({ id: c.id, field, expected: e, got: g });
  }
  const expectedRefs = new Set(c.expected.references.map((r) => symbolKey(r.numberSymbol)));
  const gotRefs = new Set(got.references.map(symbolKey));
  return {
    id: c.id,
    convention: c.convention,
    form: c.form,
    right,
    misses,
    refsFound: [...expectedRefs].filter((r) => gotRefs.has(r)),
    refsMissing: [...expectedRefs].filter((r) => !gotRefs.has(r)),
    refsExtra: [...gotRefs].filter((r) => !expectedRefs.has(r)),
  };
}

export const SCOPES = ['party', 'state', 'overall'] as const;
export type Scope = (typeof SCOPES)[number];

export interface Ratio {
  right: number;
  total: number;
  /** right / total, or null when there is nothing to count. */
  value: number | null;
}

const ratio = (right: number, total: number): Ratio => ({ right, total, value: total === 0 ? null : right / total });

export interface Summary {
  cases: Record<Scope, number>;
  byForm: Record<CaseForm, number>;
  fields: Record<Field, Record<Scope, Ratio>>;
  overall: Record<Scope, Ratio>;
  recall: Record<Scope, Ratio>;
  precision: Record<Scope, Ratio>;
}

export function summarize(scores: CaseScore[]): Summary {
  const inScope = (scope: Scope) => scores.filter((s) => scope === 'overall' || s.convention === scope);
  const per = <T>(f: (list: CaseScore[]) => T) => Object.fromEntries(SCOPES.map((scope) => [scope, f(inScope(scope))])) as Record<Scope, T>;
  const sum = (list: CaseScore[], f: (s: CaseScore) => number) => list.reduce((n, s) => n + f(s), 0);
  const fields = Object.fromEntries(FIELDS.map((field) => [field, per((list) => ratio(sum(list, (s) => (s.right[field] ? 1 : 0)), list.length))])) as Summary['fields'];
  return {
    cases: per((list) => list.length),
    byForm: { full: 0, truncated: 0, news: 0, ocr: 0, ...Object.fromEntries(['full', 'truncated', 'news', 'ocr'].map((f) => [f, scores.filter((s) => s.form === f).length])) },
    fields,
    overall: per((list) => ratio(sum(list, (s) => FIELDS.filter((f) => s.right[f]).length), list.length * FIELDS.length)),
    recall: per((list) => ratio(sum(list, (s) => s.refsFound.length), sum(list, (s) => s.refsFound.length + s.refsMissing.length))),
    precision: per((list) => ratio(sum(list, (s) => s.refsFound.length), sum(list, (s) => s.refsFound.length + s.refsExtra.length))),
  };
}

/** Every ratio of the summary with its label ("docType party", "references recall overall" …), for `--min`. */
export function summaryLines(s: Summary): { label: string; ratio: Ratio }[] {
  const lines: { label: string; ratio: Ratio }[] = [];
  for (const field of FIELDS) for (const scope of SCOPES) lines.push({ label: `${field} ${scope}`, ratio: s.fields[field][scope] });
  for (const scope of SCOPES) lines.push({ label: `fields ${scope}`, ratio: s.overall[scope] });
  for (const scope of SCOPES) lines.push({ label: `references recall ${scope}`, ratio: s.recall[scope] });
  for (const scope of SCOPES) lines.push({ label: `references precision ${scope}`, ratio: s.precision[scope] });
  return lines;
}

/** The lines below `min` (lines with nothing to count are not below anything). */
export function linesBelow(s: Summary, min: number): string[] {
  return summaryLines(s)
    .filter((l) => l.ratio.value !== null && l.ratio.value < min)
    .map((l) => l.label);
}
