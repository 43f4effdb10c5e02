import type { Actor } from '../../platform/access/roles.js';
import { requireRoleSomewhere } from '../../platform/access/scope.js';
import { fail } from '../../platform/errors.js';
import { parseDirective } from '../../core/vn-document/index.js';
import type { ParsedDirective, Section } from '../../core/vn-document/types.js';
import { searchKey } from '../../platform/vn/index.js';
import { proposeFromParsed } from './propose/index.js';
import { proposalTextMaxChars } from './propose-schemas.js';

/**
 * The proposal the "new campaign" page reviews: the plan's structure read from its text (nothing
 * saved), the normalised text its spans point into, and the plan's title and citation from its
 * header. Only someone who could create a plan somewhere (editor or above) may ask.
 */
export function proposeFromText(actor: Actor, text: string) {
  requireRoleSomewhere(actor, 'editor');
  if (!text.trim()) fail('DIRECTIVE_TEXT_REQUIRED');
  if (text.length > proposalTextMaxChars) fail('TEXT_TOO_LONG', { chars: text.length, maxChars: proposalTextMaxChars });
  const parsed = parseDirective(text);
  return { ...proposeFromParsed(parsed), text: parsed.text, title: parsed.subject?.value ?? null, reference: referenceOf(parsed), ...purposeOf(parsed) };
}

/** "Kế hoạch số 25-KH/BTGDVTU ngày 10/11/2025 của Ban Tuyên giáo và Dân vận Tỉnh ủy Lai Châu" as far as the header tells. */
export function referenceOf(parsed: ParsedDirective): string | null {
  const symbol = parsed.numberSymbol?.value;
  if (!symbol) return null;
  const type = parsed.docType?.value ?? 'Văn bản';
  const d = parsed.date?.value;
  const date = d?.day && d.month && d.year ? ` ngày ${d.day}/${d.month}/${d.year}` : '';
  const issuer = parsed.issuer?.value ? ` của ${parsed.issuer.value}` : '';
  return `${type} số ${symbol}${date}${issuer}`;
}

const subtreeEnd = (s: Section): number => {
  const last = s.children.at(-1);
  return last ? Math.max(s.span[1], subtreeEnd(last)) : s.span[1];
};
/** What a heading holds: the text of its items, from the first one to the end of the last. */
const bodyOf = (text: string, s: Section) => text.slice(s.children[0]?.span[0] ?? s.span[1], subtreeEnd(s)).trim();

/**
 * "I. MỤC ĐÍCH, YÊU CẦU" with its "1. Mục đích" and "2. Yêu cầu" (or a single "Mục đích" / "Yêu cầu"
 * heading): the plan's purpose and requirements as written, empty when the plan has no such part.
 */
export function purposeOf(parsed: ParsedDirective): { purpose: string; requirements: string } {
  const out = { purpose: '', requirements: '' };
  const key = (s: Section) => searchKey(s.text);
  for (const top of parsed.sections) {
    const k = key(top);
    if (!k.startsWith('muc dich') && !k.startsWith('yeu cau')) continue;
    const parts = top.children.filter((c) => /^(muc dich|yeu cau)\b/u.test(key(c)));
    if (parts.length === 0) {
      if (k.startsWith('muc dich') && !out.purpose) out.purpose = bodyOf(parsed.text, top);
      else if (!out.requirements) out.requirements = bodyOf(parsed.text, top);
      continue;
    }
    for (const part of parts) {
      if (key(part).startsWith('muc dich')) out.purpose ||= bodyOf(parsed.text, part);
      else out.requirements ||= bodyOf(parsed.text, part);
    }
  }
  return out;
}
