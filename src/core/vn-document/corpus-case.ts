/**
 * The scored fields of a parser corpus case (test/fixtures/directives-corpus/README.md): what the
 * evaluation script compares, and what `lantoa directives corrections` exports as new cases.
 */
import type { PartialDate } from './types.js';

export type CaseDate = PartialDate;

export interface CaseReference {
  docType: string | null;
  numberSymbol: string;
  date: CaseDate | null;
}

export interface CaseFields {
  docType: string | null;
  numberSymbol: string | null;
  date: CaseDate | null;
  issuer: string | null;
  subject: string | null;
  signer: { authority: string | null; title: string | null; name: string | null } | null;
  references: CaseReference[];
}

/** The eight scored fields of a case, the signer's parts written as paths. */
export const CASE_FIELDS = ['docType', 'numberSymbol', 'date', 'issuer', 'subject', 'signer.authority', 'signer.title', 'signer.name'] as const;
export type CaseField = (typeof CASE_FIELDS)[number];

/** A scored field's value ('signer.title' → the signer's title; null without a signer). */
export function caseFieldValue(f: Omit<CaseFields, 'references'>, field: CaseField): string | CaseDate | null {
  switch (field) {
    case 'signer.authority':
      return f.signer?.authority ?? null;
    case 'signer.title':
      return f.signer?.title ?? null;
    case 'signer.name':
      return f.signer?.name ?? null;
    default:
      return f[field];
  }
}
