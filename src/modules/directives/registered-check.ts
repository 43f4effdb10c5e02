import type { Tx } from '../../platform/db/database.js';
import { fail } from '../../platform/errors.js';
import { dedupKey } from '../../platform/vn/index.js';
import { selectRegisteredCandidates, type RegisteredCandidate } from './repository.js';

/** The fields of a directive about to be registered that say whether it is already in the register. */
export interface RegistrationProbe {
  ownerUnitId: number;
  docType: string | null;
  numberSymbol: string | null;
  symbolKey: string | null;
  issuerName: string | null;
  issuerUnitId: number | null;
  issuedYear: number | null;
  issuedMonth: number | null;
  issuedDay: number | null;
  bodyText: string;
}

/**
 * Same issuer: the same linked unit when both are linked, else the same name (case, tones and
 * punctuation aside); a side with no issuer at all does not tell two directives apart.
 */
export function sameIssuer(a: Pick<RegistrationProbe, 'issuerName' | 'issuerUnitId'>, b: Pick<RegistrationProbe, 'issuerName' | 'issuerUnitId'>): boolean {
  if (a.issuerUnitId !== null && b.issuerUnitId !== null) return a.issuerUnitId === b.issuerUnitId;
  if (a.issuerName && b.issuerName) return dedupKey(a.issuerName) === dedupKey(b.issuerName);
  return true;
}

/** "ngày 21/10/2025", "tháng 1/2026", "năm 2026" or nothing, as far as the date is known. */
function dateText(d: Pick<RegisteredCandidate, 'issuedYear' | 'issuedMonth' | 'issuedDay'>): string | null {
  if (d.issuedYear === null) return null;
  if (d.issuedMonth === null) return `năm ${d.issuedYear}`;
  const month = String(d.issuedMonth).padStart(2, '0');
  if (d.issuedDay === null) return `tháng ${month}/${d.issuedYear}`;
  return `ngày ${String(d.issuedDay).padStart(2, '0')}/${month}/${d.issuedYear}`;
}

/**
 * How a registered directive is named to a person: "Công văn 134-CV/TU ngày 21/10/2025"; a blank
 * number is said so ("Công văn không số tháng 01/2026"), never printed as "-CV/ĐU".
 */
export function registeredTitle(d: Pick<RegisteredCandidate, 'docType' | 'numberSymbol' | 'issuedYear' | 'issuedMonth' | 'issuedDay'>, hasNumber: boolean): string {
  const number = hasNumber && d.numberSymbol ? d.numberSymbol : 'không số';
  return [d.docType ?? 'Văn bản', number, dateText(d)].filter(Boolean).join(' ');
}

/** The registered directive the probe duplicates: same number, issuer and date, or (blank number) the same text. */
export function findRegistered(probe: RegistrationProbe, candidates: readonly RegisteredCandidate[]): RegisteredCandidate | null {
  if (probe.symbolKey) return candidates.find((c) => sameIssuer(probe, c)) ?? null;
  const key = dedupKey(probe.bodyText);
  return candidates.find((c) => c.bodyText !== null && dedupKey(c.bodyText) === key) ?? null;
}

/**
 * Refuses to register a second copy of a directive already in the unit's register, pointing at the
 * existing one (DIRECTIVE_ALREADY_REGISTERED with its id and title). Another unit's register may
 * hold the same document; a correction goes through correctDirective.
 */
export async function assertNotRegistered(tx: Tx, probe: RegistrationProbe): Promise<void> {
  const candidates = await selectRegisteredCandidates(tx, probe);
  const existing = findRegistered(probe, candidates);
  if (!existing) return;
  fail('DIRECTIVE_ALREADY_REGISTERED', {
    directiveId: existing.id,
    title: registeredTitle(existing, probe.symbolKey !== null),
    subject: existing.subject,
  });
}
