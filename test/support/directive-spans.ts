/** The parser's span checks (shared by its property tests): every spanned field slices back to the text it was read from. */
import { expect } from 'vitest';
import type { ParsedDirective, Section, Span } from '../../src/core/vn-document/index.js';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/**
 * A canonical number/symbol was read from its span: each of its parts is in the span, in upper case,
 * without spaces and dashes, Ư as U and TW as TU — the parser canonicalises the order ("01/CĐ-TW" and
 * "646/QĐ/QUTW" are Party numbers: 01-CĐ/TW, 646-QĐ/QUTW), a lost hyphen ("09 KH/ĐU"), an OCR'd Ư and a
 * central body's "TƯ" (TW); the parts, not their punctuation, are the text's.
 */
function symbolFromSpan(span: string, value: string): void {
  const key = (t: string) => bare(t).toUpperCase().replace(/Ư/g, 'U').replace(/TW/g, 'TU');
  for (const part of value.split(/[-/]/).filter((x) => bare(x) !== '')) expect(key(span)).toContain(key(part));
}

/** Without spaces and dashes: "12 KL/TW" (a space for the hyphen) is read as 12-KL/TW. */
const bare = (s: string) => s.replace(/[\s\u2010-\u2015\u2212-]/g, '');

/** Every spanned field slices back to the text it was read from. */
export function checkSpans(p: ParsedDirective): void {
  const slice = (span: Span) => {
    expect(span[0]).toBeGreaterThanOrEqual(0);
    expect(span[1]).toBeLessThanOrEqual(p.text.length);
    expect(span[0]).toBeLessThanOrEqual(span[1]);
    return p.text.slice(span[0], span[1]);
  };
  const sameText = (f: { value: string; span: Span } | null) => f && expect(squash(slice(f.span))).toBe(f.value);
  sameText(p.issuer);
  sameText(p.place);
  sameText(p.subject);
  p.recipients.forEach(sameText);
  p.distribution.forEach(sameText);
  if (p.numberSymbol) symbolFromSpan(slice(p.numberSymbol.span), p.numberSymbol.value);
  if (p.docType) expect(slice(p.docType.span).length).toBeGreaterThan(0);
  if (p.date) {
    const dateText = slice(p.date.span);
    // A month may be written in words ("tháng bốn").
    const { year, month, day } = p.date.value;
    for (const n of [year, day]) if (n !== null) expect(dateText).toMatch(new RegExp(`(?<!\\d)0?${n}(?!\\d)`));
    if (month !== null) expect(dateText).toMatch(new RegExp(`(?<!\\d)0?${month}(?!\\d)|tháng\\s+\\p{L}`, 'u'));
  }
  if (p.signer) {
    const sig = squash(slice(p.signer.span));
    const { authority, ...rest } = p.signer.value;
    // The authority is canonical ("TM" without its full stop is read as "TM.").
    if (authority) expect(sig.replace(/[\s./]/g, '')).toContain(authority.replace(/[\s./]/g, ''));
    for (const part of Object.values(rest)) if (part) expect(sig).toContain(part);
  }
  for (const r of p.references) if (r.numberSymbol) symbolFromSpan(slice(r.span), r.numberSymbol);
  for (const d of p.deadlines) expect(slice(d.span)).toBe(d.text);
  for (const f of p.footnotes) expect(slice(f.span)).toBe(f.text);
  const walk = (s: Section[]) => s.forEach((x) => (expect(slice(x.span)).toBe(x.text), walk(x.children)));
  walk(p.sections);
}
