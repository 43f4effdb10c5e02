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
