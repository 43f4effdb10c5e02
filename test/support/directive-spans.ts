/** The parser's span checks (shared by its property tests): every spanned field slices back to the text it was read from. */
import { expect } from 'vitest';
import type { ParsedDirective, Section, Span } from '../../src/core/vn-document/index.js';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const compact = (s: string) => s.replace(/[\s\u2010-\u2015\u2212]/g, (c) => (/\s/.test(c) ? '' : '-'));
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
  if (p.numberSymbol) expect(compact(slice(p.numberSymbol.span))).toBe(p.numberSymbol.value);
  if (p.docType) expect(slice(p.docType.span).length).toBeGreaterThan(0);
  if (p.date) {
    const dateText = slice(p.date.span);
    for (const n of [p.date.value.year, p.date.value.month, p.date.value.day]) if (n !== null) expect(dateText).toMatch(new RegExp(`(?<!\\d)0?${n}(?!\\d)`));
  }
  if (p.signer) {
    const sig = squash(slice(p.signer.span));
    for (const part of Object.values(p.signer.value)) if (part) expect(sig).toContain(part);
  }
  for (const r of p.references) {
    const src = bare(slice(r.span));
    // Every part of the canonical symbol comes from the span (a Party number reposted in State order,
    // "01/CĐ-TW", is canonically "01-CĐ/TW": the parts, not their order, are the text's).
    if (r.numberSymbol) for (const part of r.numberSymbol.split(/[-/]/).map(bare).filter(Boolean)) expect(src).toContain(part);
  }
  for (const d of p.deadlines) expect(slice(d.span)).toBe(d.text);
  for (const f of p.footnotes) expect(slice(f.span)).toBe(f.text);
  const walk = (s: Section[]) => s.forEach((x) => (expect(slice(x.span)).toBe(x.text), walk(x.children)));
  walk(p.sections);
}
