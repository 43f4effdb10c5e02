/** The JSON object of `lantoa directives parse --json` (issue 3, point 2): values without spans, plus `spans`. */
import type { DeadlineRule, ParsedDirective, PartialDate, ReferenceRelation, Section, Signer, Span } from './types.js';

export interface SectionJson {
  marker: string;
  text: string;
  children: SectionJson[];
}

export interface ParseJson {
  docType: string | null;
  convention: 'party' | 'state' | null;
  numberSymbol: string | null;
  number: string | null;
  issuer: string | null;
  place: string | null;
  date: PartialDate | null;
  subject: string | null;
  recipients: string[];
  distribution: string[];
  signer: Signer | null;
  references: { docType: string | null; numberSymbol: string | null; date: PartialDate | null; issuer: string | null; relation: ReferenceRelation }[];
  deadlines: { text: string; rule: DeadlineRule }[];
  sections: SectionJson[];
  footnotes: { marker: string; text: string }[];
  warnings: string[];
  /** Where each field came from in `text` of the parser ([start, end) offsets). */
  spans: Record<string, Span | Span[] | null>;
}

const sectionJson = (s: Section): SectionJson => ({ marker: s.marker, text: s.text, children: s.children.map(sectionJson) });

export function toParseJson(p: ParsedDirective): ParseJson {
  return {
    docType: p.docType?.value ?? null,
    convention: p.convention,
    numberSymbol: p.numberSymbol?.value ?? null,
    number: p.number,
    issuer: p.issuer?.value ?? null,
    place: p.place?.value ?? null,
    date: p.date ? { year: p.date.value.year, month: p.date.value.month, day: p.date.value.day } : null,
    subject: p.subject?.value ?? null,
    recipients: p.recipients.map((r) => r.value),
    distribution: p.distribution.map((d) => d.value),
    signer: p.signer ? { ...p.signer.value } : null,
    references: p.references.map((r) => ({ docType: r.docType, numberSymbol: r.numberSymbol, date: r.date, issuer: r.issuer, relation: r.relation })),
    deadlines: p.deadlines.map((d) => ({ text: d.text, rule: d.rule })),
    sections: p.sections.map(sectionJson),
    footnotes: p.footnotes.map((f) => ({ marker: f.marker, text: f.text })),
    warnings: p.warnings,
    spans: {
      docType: p.docType?.span ?? null,
      numberSymbol: p.numberSymbol?.span ?? null,
      issuer: p.issuer?.span ?? null,
      place: p.place?.span ?? null,
      date: p.date?.span ?? null,
      subject: p.subject?.span ?? null,
      recipients: p.recipients.map((r) => r.span),
      distribution: p.distribution.map((d) => d.span),
      signer: p.signer?.span ?? null,
      references: p.references.map((r) => r.span),
      deadlines: p.deadlines.map((d) => d.span),
    },
  };
}
