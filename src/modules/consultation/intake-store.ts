import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../platform/db/database.js';
import type { Channel, ContributorGroup, Stance } from './tables.js';
import { sealContact, type ContactDetails } from '../../platform/crypto/index.js';
import type { Actor } from '../../platform/access/roles.js';
import { fail } from '../../platform/errors.js';
import { reasonText } from '../../shared/error-reasons.js';
import { fastNormalizeVi, normalizeVi } from '../../platform/vn/index.js';
import { subtreeIdsOf } from '../../core/unit-tree/index.js';
import type { ContactInput } from './intake-schemas.js';
import { settle, writeSubmissions } from './intake-write.js';

/**
 * What every intake path shares: the consultation as intake needs it, the checks of opinions
 * against its documents and sections, and `storeSubmission`, which writes one submission with its
 * opinions (and sealed contact) idempotently inside the caller's transaction.
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

/** The consultation with its document codes, in one query; NOT_FOUND when there is none. */
export async function loadIntakeConsultation(db: Queryable, code: string): Promise<IntakeConsultation> {
  const result = await db.execute<{ id: number; code: string; title: string; opens_at: Date | string; closes_at: Date | string | null; all_units: boolean; documents: [string, number][] | null }>(sql`
    select c.id, c.code, c.title, c.opens_at, c.closes_at, c.all_units,
           (select json_agg(json_build_array(d.code, d.id) order by d.position) from consultation_documents d where d.consultation_id = c.id) as documents
    from consultations c where c.code = ${code}`);
  const row = result.rows[0];
  if (!row) fail('CONSULTATION_NOT_FOUND', { code });
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    opensAt: new Date(row.opens_at),
    closesAt: row.closes_at === null ? null : new Date(row.closes_at),
    allUnits: row.all_units,
    documents: new Map(row.documents ?? []),
  };
}

/** Throws unless the consultation takes feedback at `now` (between its opening and its closing). */
export function requireOpen(consultation: IntakeConsultation, now: Date): void {
  if (now < consultation.opensAt) fail('CONSULTATION_NOT_OPEN_YET', { code: consultation.code });
  if (consultation.closesAt && now >= consultation.closesAt) fail('CONSULTATION_CLOSED', { code: consultation.code });
}

/**
 * SQL condition: the unit `u` takes part in the consultation (every unit by default; otherwise the
 * units listed and their subtrees) and is not dissolved, unless `dissolvedToo` (the file import:
 * a file may carry what a unit received before it was dissolved).
 */
export function participates(consultation: Pick<IntakeConsultation, 'id' | 'allUnits'>, options: { dissolvedToo?: boolean } = {}): ReturnType<typeof sql> {
  const active = options.dissolvedToo ? sql`true` : sql`(u.active_to is null or u.active_to >= (now() at time zone 'Asia/Ho_Chi_Minh')::date)`;
  if (consultation.allUnits) return active;
  return sql`${active} and u.id in ${subtreeIdsOf(sql`select unit_id from consultation_units where consultation_id = ${consultation.id}`)}`;
}

/** UNIT_NOT_TAKING_PART on the form field that named the receiving unit. */
export function notTakingPart(field: 'unitCode' | 'unitId'): never {
  fail('UNIT_NOT_TAKING_PART', [{ path: [field], message: reasonText('UNIT_NOT_TAKING_PART') }]);
}

/** The id of a unit taking part in the consultation, by code or id; VALIDATION_FAILED when none. */
export async function participatingUnitId(db: Queryable, consultation: IntakeConsultation, unit: { code: string } | { id: number }): Promise<number> {
  const which = 'code' in unit ? sql`u.code = ${unit.code}` : sql`u.id = ${unit.id}`;
  const result = await db.execute<{ id: number }>(sql`select u.id from units u where ${which} and ${participates(consultation)}`);
  const row = result.rows[0];
  if (!row) {
    notTakingPart('code' in unit ? 'unitCode' : 'unitId');
  }
  return row.id;
}

export interface OpinionInput {
  documentCode: string;
  sectionRef?: string | null | undefined;
  stance: Stance;
  text?: string | undefined;
}

export interface PreparedOpinion {
  documentId: number;
  sectionRef: string | null;
  stance: Stance;
  body: string;
}

type Problem = { path: (string | number)[]; message: string };

/**
 * Checks opinions against the consultation (documents, and sections through `hasSection`) and the
 * VNeID rules — "Không tán thành" needs a reason, "Đồng ý một phần" needs text, a staff "none" needs
 * text — and returns them ready to store (texts NFC, trimmed). VALIDATION_FAILED lists every problem.
 */
export function checkOpinions(consultation: IntakeConsultation, input: OpinionInput[], hasSection: (documentId: number, ref: string) => boolean): PreparedOpinion[] {
  return finishOpinions(input, collectProblems(consultation, input), hasSection);
}

/** `checkOpinions` with the sections looked up in the database (one query, only when a section is named). */
export async function prepareOpinions(db: Queryable, consultation: IntakeConsultation, input: OpinionInput[]): Promise<PreparedOpinion[]> {
  const collected = collectProblems(consultation, input);
  const withSection = collected.prepared.filter((o) => o.sectionRef !== null && o.documentId !== 0);
  const known = new Set<string>();
  if (withSection.length > 0) {
    const found = await db.execute<{ document_id: number; ref: string }>(sql`
      select s.document_id, s.ref from document_sections s
      join unnest(${pgArray(withSection.map((o) => o.documentId))}::int[], ${pgArray(withSection.map((o) => o.sectionRef))}::text[]) as q(document_id, ref)
        on s.document_id = q.document_id and s.ref = q.ref`);
    for (const r of found.rows) known.add(sectionKey(r.document_id, r.ref));
  }
  return finishOpinions(input, collected, (documentId, ref) => known.has(sectionKey(documentId, ref)));
}

export const sectionKey = (documentId: number, ref: string) => `${documentId}\u0000${ref}`;

function collectProblems(consultation: IntakeConsultation, input: OpinionInput[]): { prepared: PreparedOpinion[]; list: Problem[] } {
  const list: Problem[] = [];
  const prepared = input.map((o, i) => {
    const label = input.length > 1 ? `Ý kiến ${i + 1}: ` : '';
    const documentId = consultation.documents.get(o.documentCode.trim());
    if (documentId === undefined) list.push({ path: ['opinions', i, 'documentCode'], message: `${label}không có dự thảo mã "${o.documentCode}".` });
    const body = normalizeVi(o.text ?? '').trim();
    if (body === '') {
      if (o.stance === 'disagree') list.push({ path: ['opinions', i, 'text'], message: `${label}"Không tán thành" cần nêu lý do.` });
      else if (o.stance === 'partial') list.push({ path: ['opinions', i, 'text'], message: `${label}"Đồng ý một phần" cần nêu nội dung góp ý.` });
      else if (o.stance === 'none') list.push({ path: ['opinions', i, 'text'], message: `${label}cần nội dung ý kiến.` });
    }
    const sectionRef = o.sectionRef?.trim() ? o.sectionRef.trim() : null;
    return { documentId: documentId ?? 0, sectionRef, stance: o.stance, body };
  });
  return { prepared, list };
}

function finishOpinions(input: OpinionInput[], collected: { prepared: PreparedOpinion[]; list: Problem[] }, hasSection: (documentId: number, ref: string) => boolean): PreparedOpinion[] {
  const { prepared, list } = collected;
  prepared.forEach((o, i) => {
    if (o.sectionRef === null || o.documentId === 0 || hasSection(o.documentId, o.sectionRef)) return;
    list.push({ path: ['opinions', i, 'sectionRef'], message: `${input.length > 1 ? `Ý kiến ${i + 1}: ` : ''}dự thảo không có phần "${o.sectionRef}".` });
  });
  if (list.length > 0) fail('OPINIONS_INVALID', list, { message: list.map((p) => p.message).join(' ') });
  return prepared;
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

export interface SubmissionToStore {
  consultationId: number;
  /** Unique within the consultation: `web:<uuid>`, `staff:<uuid>`, `meeting:<uuid>` or a file's submission_id. */
  externalId: string;
  unitId: number;
  channel: Channel;
  contributorGroup: ContributorGroup;
  submittedAt: Date;
  selfSubmitted: boolean;
  enteredByUserId: number | null;
  opinions: PreparedOpinion[];
  /** Output of `sealedContact` (never the plain details). */
  sealedContact: string | null;
  /** The audit row (entity `submission`), written in the same statement when the submission is created. */
  audit?: { actor: Actor; action: string; after: unknown } | null;
}

export interface StoredSubmission {
  submissionId: number;
  opinions: number;
  /** False when a submission with this external id already existed: nothing was written. */
  created: boolean;
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
