import type { ParsedDirective, Span } from '../../core/vn-document/types.js';

export interface Highlight {
  field: string;
  start: number;
  end: number;
}

/** Where each extracted field came from in the text, for the review form and the detail page. */
export function highlightsOf(parsed: ParsedDirective): Highlight[] {
  const out: Highlight[] = [];
  const add = (field: string, span: Span | undefined) => {
    if (span && span[1] > span[0]) out.push({ field, start: span[0], end: span[1] });
  };
  add('docType', parsed.docType?.span);
  add('numberSymbol', parsed.numberSymbol?.span);
  add('issuer', parsed.issuer?.span);
  add('place', parsed.place?.span);
  add('date', parsed.date?.span);
  add('subject', parsed.subject?.span);
  add('signer', parsed.signer?.span);
  parsed.recipients.forEach((r, i) => add(`recipients.${i}`, r.span));
  parsed.distribution.forEach((r, i) => add(`distribution.${i}`, r.span));
  parsed.references.forEach((r, i) => add(`references.${i}`, r.span));
  parsed.deadlines.forEach((d, i) => add(`deadlines.${i}`, d.span));
  return out.sort((a, b) => a.start - b.start);
}
