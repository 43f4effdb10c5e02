import type { Actor } from '../../platform/access/roles.js';
import { requireRoleSomewhere } from '../../platform/access/scope.js';
import { fail } from '../../platform/errors.js';
import { parseDirective } from '../../core/vn-document/index.js';
import type { ParsedDirective } from '../../core/vn-document/types.js';
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
  return { ...proposeFromParsed(parsed), text: parsed.text, title: parsed.subject?.value ?? null, reference: referenceOf(parsed) };
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
