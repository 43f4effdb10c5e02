/**
 * The database side of the opinion file import (`import-opinions.ts`): the COPY statements and
 * their lines, the look-ups made on a second connection while the first one copies (which
 * submission_ids are present already, new submission ids from the identity sequence), and the
 * corrections made before the commit. All SQL of the import lives here.
 */
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Tx } from '../../../platform/db/database.js';
import { type BinaryRows, COPY_BINARY_HEADER, COPY_BINARY_TRAILER } from '../../../platform/db/copy-binary.js';
import { opinionImports, type Channel, type ContributorGroup, type Stance } from '../tables.js';
import { participates } from '../intake/repository.js';
import { invariant } from '../../../platform/errors.js';

/** Writes to a stream, waiting for drain, and failing as soon as the stream fails. */
export async function send(stream: Writable, failed: Promise<unknown>, data: string | Buffer): Promise<void> {
  if (data.length > 0 && !stream.write(data)) await Promise.race([once(stream, 'drain'), failed]);
}

/** A COPY … FROM STDIN (FORMAT binary) on the transaction's connection. */
export class CopyStream {
  private readonly stream: Writable & { rowCount?: number };
  private readonly failed: Promise<unknown>;

  constructor(client: pg.PoolClient, statement: string) {
    this.stream = client.query(copyFrom(statement));
    this.failed = finished(this.stream);
    this.failed.catch(() => undefined);
    this.stream.write(COPY_BINARY_HEADER);
  }

  write(data: Buffer): Promise<void> {
    return send(this.stream, this.failed, data);
  }

  /** Ends the COPY; the number of rows it wrote. */
  async end(): Promise<number> {
    this.stream.end(COPY_BINARY_TRAILER);
    await this.failed;
    return this.stream.rowCount ?? 0;
  }

  /** Abandons the COPY (the server fails the statement; the transaction must then roll back). */
  async abort(reason: Error): Promise<void> {
    this.stream.destroy(reason);
    await this.failed.catch(() => undefined);
  }
}

/** Binary rows: submission_id, consultation_id, unit_id, document_id, section_ref, stance, body, text_key, submitted_at. */
export const opinionsCopy =
  'copy opinions (submission_id, consultation_id, unit_id, document_id, section_ref, stance, body, text_key, submitted_at) from stdin (format binary)';

export interface OpinionFields {
  documentId: number;
  sectionRef: string | null;
  stance: Stance;
  text: string;
  textKey: string;
}

/** One row of opinionsCopy; `at` is submitted_at in Unix milliseconds. Contact details never go to opinions. */
export function opinionRow(rows: BinaryRows, submissionId: number, consultationId: number, unitId: number, at: number, o: OpinionFields): void {
  rows.row(9).int8(submissionId).int4(consultationId).int4(unitId).int4(o.documentId).text(o.sectionRef).text(o.stance).text(o.text).text(o.textKey).timestamptz(at);
}

/**
 * COPY writes the given ids into the identity column. Within the import's transaction the figures
 * trigger stands aside (queueFiguresByWriter): the import folds its submissions itself.
 */
export const submissionsCopy =
  'copy submissions (id, consultation_id, external_id, unit_id, channel, contributor_group, submitted_at, self_submitted, opinion_count, entered_by_user_id) from stdin (format binary)';

export interface SubmissionRow {
  id: number;
  externalId: string;
  unitId: number;
  channel: Channel;
  contributorGroup: ContributorGroup;
  /** submitted_at in Unix milliseconds. */
  at: number;
  opinionCount: number;
}

export function submissionRow(rows: BinaryRows, consultationId: number, userId: number | null, s: SubmissionRow): void {
  const self = s.channel === 'vneid' || s.channel === 'web';
  rows.row(10).int8(s.id).int4(consultationId).text(s.externalId).int4(s.unitId).text(s.channel).text(s.contributorGroup).timestamptz(s.at).bool(self).int4(s.opinionCount).int4OrNull(userId);
}

/** Contact details stay with the receiving unit, sealed; nothing else ever reads them into a report. */
export const contactsCopy = 'copy submission_contacts (submission_id, unit_id, sealed, consent) from stdin (format binary)';

export function contactRow(rows: BinaryRows, submissionId: number, unitId: number, sealed: string): void {
  rows.row(4).int8(submissionId).int4(unitId).text(sealed).bool(false);
}

/** Imports of one consultation are serialised, from before the first look-up to the commit. */
export async function lockConsultationImports(tx: Tx, consultationId: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7407004, ${consultationId})`);
}

/** The identity sequence of submissions.id (reserved ids let opinions be copied as they are read). */
export async function submissionSequence(tx: Tx): Promise<string> {
  const result = await tx.execute<{ name: string }>(sql`select pg_get_serial_sequence('submissions', 'id') as name`);
  const name = result.rows[0]?.name;
  invariant(name, 'submissions.id has no identity sequence');
  return name;
}

/**
 * In one read of `units`: unit code → id of the units that may receive the consultation's opinions
 * (the web form's rule, `participates`, dissolved units included: a file may carry what they
 * received before), and every unit's parent (the import computes the paths it queues from them);
 * then document code → id.
 */
export async function loadMaps(tx: Tx, consultation: { id: number; allUnits: boolean }) {
  const units = await tx.execute<{ id: number; code: string; parent_id: number | null; takes_part: boolean }>(
    sql`select u.id, u.code, u.parent_id, ${participates(consultation, { dissolvedToo: true })} as takes_part from units u`,
  );
  const documents = await tx.execute<{ id: number; code: string }>(sql`select id, code from consultation_documents where consultation_id = ${consultation.id}`);
  return {
    units: new Map(units.rows.filter((u) => u.takes_part).map((u) => [u.code, u.id])),
    parents: new Map(units.rows.map((u) => [u.id, u.parent_id])),
    documents: new Map(documents.rows.map((d) => [d.code, d.id])),
  };
}

/**
 * Until the commit, the figures trigger of `submissions` leaves the submissions this transaction
 * inserts to the writer (migration 0008): the file import folds them into the weekly figures itself
 * before it commits (figures/repository-import.ts), so they are never queued.
 */
export async function queueFiguresByWriter(tx: Tx): Promise<void> {
  await tx.execute(sql`select set_config('lantoa.writer_queues_figures', 'on', true)`);
}

/** On the look-up connection (committed data): which of `externalIds` the consultation has already. */
export async function presentExternalIds(lookup: pg.Client, consultationId: number, externalIds: string[]): Promise<Set<string>> {
  // One text parameter, split by the server: submission_ids hold no control character (validated).
  const result = await lookup.query<{ present: string[] }>(
    `select array(select external_id from submissions where consultation_id = $1 and external_id = any(string_to_array($2, E'\\n'))) as present`,
    [consultationId, externalIds.join('\n')],
  );
  return new Set(result.rows[0]?.present ?? []);
}

/** On the look-up connection: `count` new values of the submissions.id sequence, in increasing order. */
export async function reserveSubmissionIds(lookup: pg.Client, sequence: string, count: number): Promise<number[]> {
  const result = await lookup.query<{ ids: string }>(`select array_to_string(array(select nextval($1::regclass) from generate_series(1, $2)), ',') as ids`, [sequence, count]);
  const ids = result.rows[0]?.ids ?? '';
  return ids === '' ? [] : ids.split(',').map(Number);
}

/** Removes the opinions already copied for submissions that turned out to have a bad row (`skipInvalid`). */
export async function deleteOpinionsOf(tx: Tx, submissionIds: number[]): Promise<number> {
  if (submissionIds.length === 0) return 0;
  const result = await tx.execute(sql`delete from opinions where submission_id = any(${sql.param(submissionIds)}::bigint[])`);
  return result.rowCount ?? 0;
}

/** Removes submissions already copied that turned out to have a bad row, with their queue rows (contacts go by cascade). */
export async function deleteSubmissions(tx: Tx, submissionIds: number[]): Promise<void> {
  if (submissionIds.length === 0) return;
  await tx.execute(sql`delete from consultation_figure_queue where submission_id = any(${sql.param(submissionIds)}::bigint[])`);
  await tx.execute(sql`delete from submissions where id = any(${sql.param(submissionIds)}::bigint[])`);
}

/** Sets the opinion counts of submissions copied before their last rows were read, and of their queue rows. */
export async function correctOpinionCounts(tx: Tx, submissionIds: number[], counts: number[]): Promise<void> {
  if (submissionIds.length === 0) return;
  const ids = sql.param(submissionIds);
  const ns = sql.param(counts);
  await tx.execute(sql`update submissions s set opinion_count = f.n from unnest(${ids}::bigint[], ${ns}::int[]) as f(id, n) where s.id = f.id`);
  await tx.execute(sql`update consultation_figure_queue q set opinion_count = f.n from unnest(${ids}::bigint[], ${ns}::int[]) as f(id, n) where q.submission_id = f.id`);
}

/** True for the unique-key violation of (consultation_id, external_id) on submissions. */
export function isDuplicateSubmission(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } } | null;
  const pgError = e?.code ? e : e?.cause;
  return pgError?.code === '23505' && pgError.constraint === 'submissions_external_key';
}

/** The record of an import run (who imported which file, with what result). */
export async function insertImportRecord(tx: Tx, values: typeof opinionImports.$inferInsert): Promise<void> {
  await tx.insert(opinionImports).values(values);
}
