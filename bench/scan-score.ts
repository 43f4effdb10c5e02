/**
 * Scoring of a parsed scan against the hand-read fields, by the corpus README's rules
 * (test/fixtures/directives-corpus/README.md): eight fields — docType, numberSymbol, date, issuer,
 * subject, signer authority, title and name — compared without regard to case, spaces, tone-mark
 * placement (ủy/uỷ) and end punctuation; null = null is right.
 */
import { toneKey } from '../src/platform/vn/index.js';
import type { ParseJson } from '../src/core/vn-document/index.js';

export interface ExpectedFields {
  docType: string | null;
  numberSymbol: string | null;
  date: { year: number | null; month: number | null; day: number | null } | null;
  issuer: string | null;
  subject: string | null;
  signer: { authority: string | null; title: string | null; name: string | null } | null;
}

export const FIELDS = ['docType', 'numberSymbol', 'date', 'issuer', 'subject', 'signer.authority', 'signer.title', 'signer.name'] as const;

const fold = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') return JSON.stringify(v);
  return toneKey(v).toLowerCase().replace(/\s+/gu, ' ').replace(/[\s.,;:]+$/u, '').trim();
};

function valueOf(fields: ExpectedFields | ParseJson, field: (typeof FIELDS)[number]): unknown {
  if (field.startsWith('signer.')) {
    const signer = fields.signer as Record<string, unknown> | null;
    return signer ? (signer[field.slice(7)] ?? null) : null;
  }
  if (field === 'numberSymbol') return typeof fields.numberSymbol === 'string' ? fields.numberSymbol.replace(/\s+/g, '') : null;
  return (fields as unknown as Record<string, unknown>)[field] ?? null;
}

export interface FieldScore {
  field: (typeof FIELDS)[number];
  right: boolean;
  expected: unknown;
  found: unknown;
}

export function scoreFields(expected: ExpectedFields, found: ParseJson): FieldScore[] {
  return FIELDS.map((field) => {
    const e = valueOf(expected, field);
    const f = valueOf(found, field);
    return { field, right: fold(e) === fold(f), expected: e, found: f };
  });
}
