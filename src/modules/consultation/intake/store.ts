import type { Queryable } from '../../../platform/db/database.js';
import { sealContact, type ContactDetails } from '../../../platform/crypto/index.js';
import { fail } from '../../../platform/errors.js';
import { reasonText } from '../../../shared/error-reasons.js';
import { fastNormalizeVi } from '../../../platform/vn/index.js';
import { loadConsultation, type Consultation } from '../repository.js';
import type { ContactInput } from './schemas.js';
import { selectParticipatingUnitId } from './repository.js';
import { settle, writeSubmissions } from './repository-write.js';
import type { StoredSubmission, SubmissionToStore } from './submission.js';

/**
 * What every intake path shares: the consultation as intake needs it, the receiving unit, the
 * contact details, and `storeSubmission`, which writes one submission with its opinions (and sealed
 * contact) idempotently inside the caller's transaction. The checks of opinions are in
 * `check-opinions.ts`.
 */

export interface IntakeConsultation {
  id: number;
  code: string;
  title: string;
  opensAt: Date;
  closesAt: Date | null;
  allUnits: boolean;
  /** Document code → id. */
  documents: Map<string, number>;
}

/** The consultation as intake needs it, from the module's one loader. */
export function intakeConsultation(consultation: Consultation): IntakeConsultation {
  const { id, code, title, opensAt, closesAt, allUnits } = consultation;
  return { id, code, title, opensAt, closesAt, allUnits, documents: new Map(consultation.documents.map((d) => [d.code, d.id])) };
}

/** The consultation with its document codes (`loadConsultation`); NOT_FOUND when there is none. */
export async function loadIntakeConsultation(db: Queryable, code: string): Promise<IntakeConsultation> {
  return intakeConsultation(await loadConsultation(db, code));
}

/** Throws unless the consultation takes feedback at `now` (between its opening and its closing). */
export function requireOpen(consultation: IntakeConsultation, now: Date): void {
  if (now < consultation.opensAt) fail('CONSULTATION_NOT_OPEN_YET', { code: consultation.code });
  if (consultation.closesAt && now >= consultation.closesAt) fail('CONSULTATION_CLOSED', { code: consultation.code });
}

/** UNIT_NOT_TAKING_PART on the form field that named the receiving unit. */
export function notTakingPart(field: 'unitCode' | 'unitId'): never {
  fail('UNIT_NOT_TAKING_PART', [{ path: [field], message: reasonText('UNIT_NOT_TAKING_PART') }]);
}

/** The id of a unit taking part in the consultation, by code or id; VALIDATION_FAILED when none. */
export async function participatingUnitId(db: Queryable, consultation: IntakeConsultation, unit: { code: string } | { id: number }): Promise<number> {
  const id = await selectParticipatingUnitId(db, consultation, unit);
  if (id === null) notTakingPart('code' in unit ? 'unitCode' : 'unitId');
  return id;
}

/** Contact details as stored, from every intake path (form, staff entry, file import): trimmed, NFC, spaces collapsed, phone without separators; null when nothing was given. */
export function prepareContact(contact: Pick<ContactInput, 'name' | 'phone' | 'idNumber'> | null | undefined): ContactDetails | null {
  if (!contact) return null;
  const clean = (v: string | null | undefined) => {
    const t = fastNormalizeVi(v ?? '').trim().replace(/\s+/g, ' ');
    return t === '' ? null : t;
  };
  const details = { name: clean(contact.name), phone: clean(contact.phone)?.replace(/[\s.-]/g, '') ?? null, idNumber: clean(contact.idNumber) };
  return details.name || details.phone || details.idNumber ? details : null;
}

export function sealedContact(contact: ContactDetails | null, key: () => Buffer): string | null {
  return contact ? sealContact(contact, key()) : null;
}

/**
 * Writes one submission with its opinions (counting fields copied onto each), its sealed contact and its audit row,
 * in one SQL statement on `db` (the caller's transaction, or autocommit; see `writeSubmissions`). Idempotent on
 * (consultation, externalId): `on conflict do nothing` makes a concurrent duplicate wait for the
 * first writer and then write nothing; the stored submission is then returned with `created: false`.
 */
export async function storeSubmission(db: Queryable, input: SubmissionToStore): Promise<StoredSubmission> {
  const [outcome] = await writeSubmissions(db, [{ ...input, unit: { id: input.unitId }, audit: input.audit ?? null }], { byCode: false, guard: false });
  if (!outcome) fail('UNEXPECTED');
  return settle(db, { consultationId: input.consultationId, externalId: input.externalId, opinions: input.opinions.length }, outcome);
}
