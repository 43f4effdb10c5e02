import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db, Tx } from '../../platform/db/database.js';
import * as schema from '../../platform/db/schema/index.js';
import type { Actor } from '../../platform/access/roles.js';
import { requireUnitRole } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { sealContact } from '../../platform/crypto/index.js';
import { detectDelimiter, isBlank, OpinionFileError, OpinionValidator, readOpinionRecords, type FileProblem, type OpinionRow } from './opinion-file.js';
import { selectConsultationByCode } from './repository.js';

export interface ImportProgress {
  phase: 'reading' | 'writing';
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
}

export interface ImportOpinionsOptions {
  actor: Actor;
  consultationCode: string;
  filePath: string;
  /** Import the good rows and write the rejected ones to `<name>.rejected.csv` beside the input. */
  skipInvalid?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** The key that seals contributors' contact details (read only when a row carries some). */
  contactKey: () => Buffer;
}

export interface ImportOpinionsResult {
  rowsRead: number;
  /** Submissions added by this import. */
  submissions: number;
  /** Opinions added by this import. */
  opinions: number;
  /** Submissions of the file that were already present (same submission_id), hence skipped. */
  alreadyPresent: number;
  rejected: { line: number; reason: string }[];
  /** Where the rejected rows were written (`skipInvalid` only), or null. */
  rejectedFile: string | null;
}

interface SubmissionSummary {
  unitId: number;
  submittedAt: Date;
  channel: string;
  contributorGroup: string;
  count: number;
  /** The contributor's contact details, sealed (platform/crypto); only ever stored in submission_contacts. */
  sealedContact: string | null;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const NEEDS_ESCAPE = /[\\\t\n\r]/;
/** A value in COPY's text format. */
function copyValue(value: string | null): string {
  if (value === null) return '\\N';
  return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c) : value;
}

/** Writes to a COPY stream, waiting for drain, and failing as soon as the stream fails. */
async function send(stream: Writable, failed: Promise<unknown>, data: string): Promise<void> {
  if (data !== '' && !stream.write(data)) await Promise.race([once(stream, 'drain'), failed]);
}

export function rejectedFileFor(filePath: string): string {
  const { dir, name } = path.parse(filePath);
  return path.join(dir, `${name}.rejected.csv`);
}

/**
 * Imports opinions from a CSV or XLSX file in the interchange format, in one transaction: the file is
 * streamed, validated row by row and copied (COPY FROM STDIN) into temporary staging tables; then
 * set-based SQL adds the submissions not yet present and their opinions. A submission_id already
 * present in the consultation is skipped (`alreadyPresent`), so importing a file twice adds nothing.
 * By default any bad row rejects the whole file (IMPORT_REJECTED listing every bad row); with
 * `skipInvalid` the good submissions are imported and the rejected rows written beside the input.
 */
export async function importOpinions(db: Db, options: ImportOpinionsOptions): Promise<ImportOpinionsResult> {
  const { actor, filePath } = options;
  const consultation = await selectConsultationByCode(db, options.consultationCode.trim());
  if (!consultation) throw new AppError('NOT_FOUND', `Không có đợt lấy ý kiến mã "${options.consultationCode}".`);
  const totalBytes = (await stat(filePath).catch(() => null))?.size;
  if (totalBytes === undefined) throw new AppError('VALIDATION_FAILED', `Không mở được tệp "${filePath}".`);

  const client = await poolOf(db).connect();
  try {
    const conn = drizzle(client, { schema });
    return await conn.transaction(async (tx) => {
      const maps = await loadMaps(tx, consultation.id, consultation.allUnits);
      await tx.execute(sql`create temp table opinion_stage (line int, submission_id text, document_id int, section_ref text, stance text, body text, text_key text) on commit drop`);
      await tx.execute(sql`create temp table submission_stage (external_id text, unit_id int, channel text, contributor_group text, submitted_at timestamptz, opinion_count int, sealed_contact text) on commit drop`);
      await tx.execute(sql`create temp table submission_new (id bigint, external_id text, unit_id int, submitted_at timestamptz) on commit drop`);

      const read = await streamIntoStage(client, filePath, new OpinionValidator(maps), options, totalBytes);
      const { errors, summaries, badSubmissions } = read;
      if (errors.length > 0 && !options.skipInvalid) {
        errors.sort((a, b) => a.line - b.line);
        throw new AppError('IMPORT_REJECTED', `Tệp có ${errors.length.toLocaleString('vi-VN')} dòng không hợp lệ; chưa có ý kiến nào được ghi. Hãy sửa các dòng được liệt kê rồi nhập lại (hoặc dùng --skip-invalid).`, {
          errors,
          rowsRead: read.rowsRead,
        });
      }
      options.onProgress?.({ phase: 'writing', rowsRead: read.rowsRead, bytesRead: totalBytes, totalBytes });

      const rejected = errors.map((e) => ({ line: e.line, reason: e.message }));
      if (badSubmissions.size > 0) {
        // Good rows of a submission that has a bad row are rejected with it.
        const rows = await tx.execute<{ line: number; submission_id: string }>(
          sql`select line, submission_id from opinion_stage where submission_id = any(${sql.param([...badSubmissions.keys()])}::text[])`,
        );
        for (const r of rows.rows) {
          rejected.push({ line: r.line, reason: `Lượt góp ý "${r.submission_id}" bị loại cả lượt vì dòng ${badSubmissions.get(r.submission_id) ?? '?'} của lượt này không hợp lệ.` });
        }
      }
      rejected.sort((a, b) => a.line - b.line);

      await requireUnitRole(tx, actor, [...new Set([...summaries.values()].map((s) => s.unitId))], 'editor');
      await copySubmissions(client, summaries);
      const written = await writeRows(tx, consultation.id, actor.userId);
      const alreadyPresent = summaries.size - written.submissions;

      let rejectedFile: string | null = null;
      if (options.skipInvalid && rejected.length > 0) {
        rejectedFile = rejectedFileFor(filePath);
        await writeRejectedFile(filePath, rejectedFile, new Map(rejected.map((r) => [r.line, r.reason])));
      }
      const result: ImportOpinionsResult = { rowsRead: read.rowsRead, submissions: written.submissions, opinions: written.opinions, alreadyPresent, rejected, rejectedFile };
      await tx.insert(schema.opinionImports).values({
        consultationId: consultation.id,
        fileName: path.basename(filePath),
        rowsRead: result.rowsRead,
        submissions: result.submissions,
        opinions: result.opinions,
        alreadyPresent,
        rejected: rejected.length,
        importedByUserId: actor.userId,
      });
      await recordAudit(tx, actor, {
        action: 'consultation.import',
        entityType: 'consultation',
        entityId: consultation.id,
        unitId: null,
        after: { file: path.basename(filePath), rowsRead: result.rowsRead, submissions: result.submissions, opinions: result.opinions, alreadyPresent, rejected: rejected.length },
      });
      return result;
    });
  } catch (error) {
    if (error instanceof OpinionFileError) {
      throw new AppError('IMPORT_REJECTED', `${error.message} Chưa có ý kiến nào được ghi.`, { errors: [error.problem], rowsRead: 0 });
    }
    throw error;
  } finally {
    client.release();
  }
}

/** The pool behind the drizzle instance (COPY needs a raw connection, the transaction's own). */
function poolOf(db: Db): pg.Pool {
  const client = (db as unknown as { $client?: pg.Pool }).$client;
  if (!client || typeof client.connect !== 'function' || !('totalCount' in client)) throw new Error('importOpinions needs a drizzle instance over a pg.Pool');
  return client;
}

async function loadMaps(tx: Tx, consultationId: number, allUnits: boolean) {
  const units = await tx.execute<{ id: number; code: string }>(
    allUnits ? sql`select id, code from units` : sql`select u.id, u.code from units u join consultation_units cu on cu.unit_id = u.id where cu.consultation_id = ${consultationId}`,
  );
  const documents = await tx.execute<{ id: number; code: string }>(sql`select id, code from consultation_documents where consultation_id = ${consultationId}`);
  return { units: new Map(units.rows.map((u) => [u.code, u.id])), documents: new Map(documents.rows.map((d) => [d.code, d.id])) };
}

interface StageResult {
  rowsRead: number;
  errors: FileProblem[];
  summaries: Map<string, SubmissionSummary>;
  /** submission_id → line of its first bad row. */
  badSubmissions: Map<string, number>;
}

/** Reads the whole file, validating every row and copying the good ones into opinion_stage. */
async function streamIntoStage(client: pg.PoolClient, filePath: string, validator: OpinionValidator, options: ImportOpinionsOptions, totalBytes: number): Promise<StageResult> {
  const copy = client.query(copyFrom('copy opinion_stage (line, submission_id, document_id, section_ref, stance, body, text_key) from stdin'));
  const failed = finished(copy);
  failed.catch(() => undefined);
  const result: StageResult = { rowsRead: 0, errors: [], summaries: new Map(), badSubmissions: new Map() };
  let bytesRead = 0;
  let lastReport = 0;
  try {
    for await (const batch of readOpinionRecords(filePath, { onBytes: (n) => (bytesRead += n) })) {
      let data = '';
      for (const record of batch) {
        if (isBlank(record)) continue;
        if (!validator.hasHeader) {
          validator.header(record);
          continue;
        }
        result.rowsRead++;
        const checked = validator.row(record);
        if (checked.row) {
          summarise(result, checked.row, options.contactKey);
          // Once a row is bad and nothing will be imported, there is no point copying more.
          if (result.errors.length === 0 || options.skipInvalid) data += stageLine(checked.row);
        } else {
          result.errors.push({ line: record.line, message: checked.problem });
          const id = validator.cell(record, 'submission_id');
          if (id !== '' && !result.badSubmissions.has(id)) result.badSubmissions.set(id, record.line);
        }
      }
      await send(copy, failed, data);
      if (options.onProgress && (result.rowsRead - lastReport >= 10_000 || bytesRead === totalBytes)) {
        lastReport = result.rowsRead;
        options.onProgress({ phase: 'reading', rowsRead: result.rowsRead, bytesRead, totalBytes });
      }
    }
    if (!validator.hasHeader) throw new OpinionFileError({ line: 1, message: 'Tệp trống: thiếu dòng tiêu đề.' });
  } catch (error) {
    copy.destroy(error as Error);
    await failed.catch(() => undefined);
    throw error;
  }
  copy.end();
  await failed;
  for (const id of result.badSubmissions.keys()) result.summaries.delete(id);
  return result;
}

/** Adds a good row to its submission's summary; the first contact details of a submission are sealed at once. */
function summarise(result: StageResult, row: OpinionRow, contactKey: () => Buffer): void {
  const known = result.summaries.get(row.submissionId);
  const seal = () => {
    if (!row.contact) return null;
    const field = (v: string) => (v === '' ? null : v);
    return sealContact({ name: field(row.contact.name), phone: field(row.contact.phone), idNumber: field(row.contact.idNumber) }, contactKey());
  };
  if (known) {
    known.count++;
    if (known.sealedContact === null && row.contact) known.sealedContact = seal();
  } else {
    result.summaries.set(row.submissionId, { unitId: row.unitId, submittedAt: row.submittedAt, channel: row.channel, contributorGroup: row.contributorGroup, count: 1, sealedContact: seal() });
  }
}

// Contact details never go to the opinion stage: only sealed, per submission, into submission_contacts.
function stageLine(row: OpinionRow): string {
  return `${row.line}\t${copyValue(row.submissionId)}\t${row.documentId}\t${copyValue(row.sectionRef)}\t${row.stance}\t${copyValue(row.text)}\t${copyValue(row.textKey)}\n`;
}

async function copySubmissions(client: pg.PoolClient, summaries: Map<string, SubmissionSummary>): Promise<void> {
  const copy = client.query(copyFrom('copy submission_stage (external_id, unit_id, channel, contributor_group, submitted_at, opinion_count, sealed_contact) from stdin'));
  const failed = finished(copy);
  failed.catch(() => undefined);
  let data = '';
  for (const [id, s] of summaries) {
    data += `${copyValue(id)}\t${s.unitId}\t${s.channel}\t${s.contributorGroup}\t${s.submittedAt.toISOString()}\t${s.count}\t${copyValue(s.sealedContact)}\n`;
    if (data.length > 1 << 20) {
      await send(copy, failed, data);
      data = '';
    }
  }
  await send(copy, failed, data);
  copy.end();
  await failed;
}

/**
 * Adds the staged submissions that are not present yet and their opinions. Imports of one
 * consultation are serialised from here to the commit; the unique (consultation_id, external_id)
 * with `on conflict do nothing` also keeps out a submission another writer added meanwhile.
 */
async function writeRows(tx: Tx, consultationId: number, userId: number | null): Promise<{ submissions: number; opinions: number }> {
  await tx.execute(sql`select pg_advisory_xact_lock(7407004, ${consultationId})`);
  const inserted = await tx.execute(sql`
    with ins as (
      insert into submissions (consultation_id, external_id, unit_id, channel, contributor_group, submitted_at, self_submitted, opinion_count, entered_by_user_id)
      select ${consultationId}, external_id, unit_id, channel, contributor_group, submitted_at, channel in ('vneid', 'web'), opinion_count, ${userId}::int
      from submission_stage
      on conflict (consultation_id, external_id) do nothing
      returning id, external_id, unit_id, submitted_at)
    insert into submission_new select id, external_id, unit_id, submitted_at from ins`);
  await tx.execute(sql`analyze submission_new`);
  const opinions = await tx.execute(sql`
    insert into opinions (submission_id, consultation_id, unit_id, document_id, section_ref, stance, body, text_key, submitted_at)
    select n.id, ${consultationId}, n.unit_id, o.document_id, o.section_ref, o.stance, o.body, o.text_key, n.submitted_at
    from opinion_stage o join submission_new n on n.external_id = o.submission_id`);
  // Contact details stay with the receiving unit, sealed; nothing else ever reads them into a report.
  await tx.execute(sql`
    insert into submission_contacts (submission_id, unit_id, sealed, consent)
    select n.id, n.unit_id, s.sealed_contact, false
    from submission_new n join submission_stage s on s.external_id = n.external_id
    where s.sealed_contact is not null`);
  return { submissions: inserted.rowCount ?? 0, opinions: opinions.rowCount ?? 0 };
}

/** Second pass over the input: the rejected records as they were, plus a `reason` column. */
async function writeRejectedFile(input: string, output: string, reasons: Map<number, string>): Promise<void> {
  const out = createWriteStream(output, { encoding: 'utf8' });
  const failed = finished(out);
  failed.catch(() => undefined);
  const csv = /\.csv$/i.test(input);
  let delimiter = ',';
  let header = true;
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  await send(out, failed, '\uFEFF');
  for await (const batch of readOpinionRecords(input, { keepRaw: true })) {
    let data = '';
    for (const record of batch) {
      if (isBlank(record)) continue;
      const reason = header ? 'reason' : reasons.get(record.line);
      if (header && csv) delimiter = detectDelimiter(record.raw ?? '');
      header = false;
      if (reason === undefined) continue;
      data += csv && record.raw !== undefined ? `${record.raw}${delimiter}${quote(reason)}\r\n` : stringify([[...record.cells, reason]], { record_delimiter: 'windows' });
    }
    await send(out, failed, data);
  }
  out.end();
  await failed;
}
