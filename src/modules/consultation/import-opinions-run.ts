/**
 * The work of one opinion file import (`import-opinions.ts`): reading and validating the file into
 * batches, copying each batch's opinions while the next one is read, then the submissions and their
 * sealed contact details; and the rejected-rows file of `--skip-invalid`.
 */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import type pg from 'pg';
import type { Tx } from '../../platform/db/database.js';
import { sealContact } from '../../platform/crypto/index.js';
import { detectDelimiter, isBlank, OpinionFileError, readOpinionRecords, type FileProblem, type OpinionRow, type OpinionValidator, type RawRecord, type SubmissionInfo } from './opinion-file.js';
import {
  contactLine,
  contactsCopy,
  CopyStream,
  copyValue,
  deleteOpinionsOf,
  opinionsCopy,
  presentExternalIds,
  reserveSubmissionIds,
  send,
  submissionLine,
  submissionsCopy,
} from './import-opinions-copy.js';
import type { ImportOpinionsOptions } from './import-opinions.js';

/** What becomes of a submission_id of the file. */
const enum Fate {
  /** None of its rows was good yet. */
  Unseen,
  /** Waiting for the look-up of its submission_id. */
  Pending,
  /** Not in the database: written under the id reserved for it. */
  New,
  /** Already in the consultation: its rows are skipped. */
  Present,
  /** One of its rows is bad: none of its rows is imported. */
  Bad,
}

/** A submission_id of the file: what the validator knows of it, and what the import makes of it. */
export interface FileSubmission extends SubmissionInfo {
  fate: Fate;
  /** submissions.id reserved for it at its first good row (used only if it turns out New). */
  dbId: number;
  unitId: number;
  channel: OpinionRow['channel'];
  contributorGroup: OpinionRow['contributorGroup'];
  /** Start of its opinions' COPY lines: submission id, consultation id, unit id. */
  head: string;
  /** submitted_at as ISO 8601. */
  iso: string;
  /** Its good rows. */
  count: number;
  /** The first contact details given on one of its rows. */
  contact: OpinionRow['contact'];
  /** Some of its opinions were copied already (they go if it turns out Bad). */
  copied: boolean;
  /** Line of its first bad row (Bad only). */
  badLine: number;
}

/** The import's record of a submission_id, made when the validator first meets it. */
export function fileSubmission(info: SubmissionInfo): FileSubmission {
  return {
    id: info.id,
    line: info.line,
    at: info.at,
    unitCode: info.unitCode,
    fate: Fate.Unseen,
    dbId: 0,
    unitId: 0,
    channel: 'other',
    contributorGroup: 'khac',
    head: '',
    iso: '',
    count: 0,
    contact: null,
    copied: false,
    badLine: 0,
  };
}

/** A batch of good rows: their COPY lines, waiting for the look-up of the submissions first met in it. */
interface Batch {
  /** The COPY lines (one per row, in order), one Buffer per chunk of the file. */
  chunks: Buffer[];
  /** The submission of each line. */
  owners: FileSubmission[];
  /** The submissions first met in this batch. */
  fresh: FileSubmission[];
  /** Which of them the consultation has already. */
  present: Promise<Set<string>> | null;
}

/** Rows validated before the submissions they introduce are looked up and written together. */
const BATCH_ROWS = 20_000;
/** Batches validated ahead of the writing (memory bound: each holds its COPY lines). */
const BATCHES_AHEAD = 2;
/** Submission ids reserved from the sequence at a time. */
const ID_BLOCK = 50_000;
const NEWLINE = 10;

function newBatch(): Batch {
  return { chunks: [], owners: [], fresh: [], present: null };
}

/** Ids of the submissions.id sequence reserved ahead, on the look-up connection. */
class ReservedIds {
  private ids: number[] = [];
  private next = 0;
  private coming: Promise<number[]> | null = null;

  constructor(private readonly reserve: (count: number) => Promise<number[]>) {}

  /** Makes sure `count` ids can be taken without waiting; asks for more ahead of need. */
  async ensure(count: number): Promise<void> {
    while (this.ids.length - this.next < count) {
      const more = await (this.coming ?? this.reserve(Math.max(count, ID_BLOCK)));
      this.coming = null;
      this.ids = this.ids.slice(this.next).concat(more);
      this.next = 0;
    }
    if (this.coming === null && this.ids.length - this.next < ID_BLOCK / 2) {
      this.coming = this.reserve(ID_BLOCK);
      this.coming.catch(() => undefined);
    }
  }

  take(): number {
    const id = this.ids[this.next++];
    if (id === undefined) throw new Error('no reserved submission id left');
    return id;
  }
}

/**
 * One import. The reader validates the file into batches; a writer chain on the transaction's
 * connection copies each batch's opinions once its look-up is back, while the reader goes on.
 */
export class ImportRun {
  rowsRead = 0;
  readonly errors: FileProblem[] = [];
  /** Every submission_id of the file, in the order met. */
  private readonly all: FileSubmission[] = [];
  /** Writing stopped (all or nothing, after the first bad row): the transaction will roll back. */
  private stopped = false;
  /** The COPY in progress, abandoned if writing stops. */
  private current: CopyStream | null = null;
  /** The writer chain, and the writing of each batch still queued on it. */
  private chain: Promise<void> = Promise.resolve();
  private readonly queued: Promise<void>[] = [];
  /** Opinions copied. */
  private copied = 0;
  /** The last query sent on the look-up connection. */
  private lookups: Promise<void> = Promise.resolve();
  private readonly ids: ReservedIds;
  private readonly consultationId: number;
  readonly validator: OpinionValidator<FileSubmission>;
  private readonly options: ImportOpinionsOptions;
  private readonly totalBytes: number;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly lookup: pg.Client,
    init: { consultationId: number; sequence: string; validator: OpinionValidator<FileSubmission>; options: ImportOpinionsOptions; totalBytes: number },
  ) {
    this.consultationId = init.consultationId;
    this.validator = init.validator;
    this.options = init.options;
    this.totalBytes = init.totalBytes;
    this.ids = new ReservedIds((count) => this.onLookup(() => reserveSubmissionIds(lookup, init.sequence, count)));
  }

  /** Runs a query on the look-up connection after the ones already sent (one at a time). */
  private onLookup<R>(query: () => Promise<R>): Promise<R> {
    const result = this.lookups.then(query);
    this.lookups = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Stops writing: what was copied goes with the rolled-back transaction. */
  private stop(reason: Error): Promise<void> {
    this.stopped = true;
    const copy = this.current;
    this.current = null;
    return copy ? copy.abort(reason) : Promise.resolve();
  }

  /** Reads and validates the whole file; batches of good rows go to the writer chain as they fill. */
  async readFile(): Promise<void> {
    const { options } = this;
    let bytesRead = 0;
    let lastReport = 0;
    let batch = newBatch();
    try {
      const batchRows = options.batchRows ?? BATCH_ROWS;
      for await (const records of readOpinionRecords(options.filePath, { onBytes: (n) => (bytesRead += n) })) {
        if (!this.stopped) await this.ids.ensure(records.length);
        for (let next = 0; next < records.length; ) {
          next = this.validate(records, next, batch, batchRows);
          if (batch.owners.length >= batchRows) {
            await this.dispatch(batch);
            batch = newBatch();
          }
        }
        if (options.onProgress && (this.rowsRead - lastReport >= 10_000 || bytesRead === this.totalBytes)) {
          lastReport = this.rowsRead;
          options.onProgress({ phase: 'reading', rowsRead: this.rowsRead, bytesRead, totalBytes: this.totalBytes });
        }
      }
      if (!this.validator.hasHeader) throw new OpinionFileError({ line: 1, message: 'Tệp trống: thiếu dòng tiêu đề.' });
      await this.dispatch(batch);
      await this.chain;
    } catch (error) {
      await this.stop(error as Error);
      await this.chain.catch(() => undefined);
      throw error;
    }
  }

  /**
   * Validates records from `start` into the batch (errors, submissions, and the COPY lines of good
   * rows) until the batch holds `batchRows` lines; the index of the next record.
   */
  private validate(records: RawRecord[], start: number, batch: Batch, batchRows: number): number {
    const { validator, consultationId } = this;
    // The COPY lines, encoded as they are made (UTF-8 takes at most 3 bytes per UTF-16 unit).
    let out = Buffer.allocUnsafe(Math.min(records.length - start, batchRows) * 512);
    let size = 0;
    let i = start;
    while (i < records.length && batch.owners.length < batchRows) {
      const record = records[i++] as RawRecord;
      if (isBlank(record)) continue;
      if (!validator.hasHeader) {
        validator.header(record);
        continue;
      }
      this.rowsRead++;
      const checked = validator.row(record);
      const row = checked.row;
      if (!row) {
        this.errors.push({ line: record.line, message: checked.problem });
        if (checked.submission) this.markBad(checked.submission, record.line);
        if (!this.options.skipInvalid && !this.stopped) void this.stop(new Error('a bad row: nothing will be imported'));
        continue;
      }
      const submission = checked.submission;
      if (submission.fate === Fate.Unseen) {
        const dbId = this.stopped ? 0 : this.ids.take();
        submission.fate = Fate.Pending;
        submission.dbId = dbId;
        submission.unitId = row.unitId;
        submission.channel = row.channel;
        submission.contributorGroup = row.contributorGroup;
        submission.head = `${dbId}\t${consultationId}\t${row.unitId}\t`;
        submission.iso = row.submittedAt.toISOString();
        this.all.push(submission);
        batch.fresh.push(submission);
      }
      if (submission.fate === Fate.Bad) continue;
      submission.count++;
      submission.contact ??= row.contact;
      if (this.stopped) continue;
      // Contact details never go to opinions: only sealed, per submission, into submission_contacts.
      const line = `${submission.head}${row.documentId}\t${copyValue(row.sectionRef)}\t${row.stance}\t${copyValue(row.text)}\t${row.textKey}\t${submission.iso}\n`;
      if (size + line.length * 3 > out.length) {
        const larger = Buffer.allocUnsafe(Math.max(out.length * 2, size + line.length * 3));
        out.copy(larger, 0, 0, size);
        out = larger;
      }
      size += out.write(line, size, 'utf8');
      batch.owners.push(submission);
    }
    if (size > 0 && !this.stopped) batch.chunks.push(out.subarray(0, size));
    return i;
  }

  private markBad(submission: FileSubmission, line: number): void {
    if (submission.fate === Fate.Bad) return;
    if (submission.fate === Fate.Unseen) this.all.push(submission);
    submission.fate = Fate.Bad;
    submission.badLine = line;
  }

  /**
   * Starts the look-up of the batch's new submission_ids and queues its writing; waits only when
   * the writer is more than BATCHES_AHEAD batches behind.
   */
  private async dispatch(batch: Batch): Promise<void> {
    if (this.stopped) return;
    if (batch.fresh.length > 0) {
      const ids = batch.fresh.map((s) => s.id);
      batch.present = this.onLookup(() => presentExternalIds(this.lookup, this.consultationId, ids));
      batch.present.catch(() => undefined);
    }
    this.chain = this.chain.then(() => this.write(batch));
    this.queued.push(this.chain);
    this.chain.catch(() => undefined);
    while (this.queued.length > BATCHES_AHEAD) await this.queued.shift();
  }

  /** Copies the opinions of one batch's new submissions, once the batch's look-up is back. */
  private async write(batch: Batch): Promise<void> {
    const present = batch.present ? await batch.present : new Set<string>();
    for (const s of batch.fresh) if (s.fate === Fate.Pending) s.fate = present.has(s.id) ? Fate.Present : Fate.New;
    // The lines written are settled now: a submission found bad while they are being copied loses
    // its opinions before the commit (finish).
    const lines = this.keptLines(batch);
    let count = 0;
    for (const s of batch.owners) {
      if (s.fate !== Fate.New) continue;
      s.copied = true;
      count++;
    }
    try {
      await this.copy(opinionsCopy, lines, count);
    } catch (error) {
      // Writing stopped on purpose (a bad row): the error is the abandoned COPY's.
      if (this.stopped) return;
      throw error;
    }
  }

  /** The batch's COPY lines of new submissions (all of them, unless some turned out present or bad). */
  private keptLines(batch: Batch): Buffer[] {
    const { owners, chunks } = batch;
    if (owners.every((s) => s.fate === Fate.New)) return chunks;
    const kept: Buffer[] = [];
    let line = 0;
    for (const chunk of chunks) {
      let start = 0;
      let keepFrom = -1;
      while (start < chunk.length) {
        const keep = owners[line++]?.fate === Fate.New;
        if (keep && keepFrom === -1) keepFrom = start;
        if (!keep && keepFrom !== -1) {
          kept.push(chunk.subarray(keepFrom, start));
          keepFrom = -1;
        }
        start = chunk.indexOf(NEWLINE, start) + 1;
      }
      if (keepFrom !== -1) kept.push(chunk.subarray(keepFrom));
    }
    return kept;
  }

  /** One COPY statement on the transaction's connection; checks the server copied every line. */
  private async copy(statement: string, data: (string | Buffer)[], lines: number): Promise<void> {
    if (this.stopped || lines === 0) return;
    const copy = new CopyStream(this.client, statement);
    this.current = copy;
    for (const part of data) await copy.write(part);
    const copied = await copy.end();
    this.current = null;
    if (copied !== lines) throw new Error(`${statement}: ${copied} rows copied, ${lines} sent`);
    if (statement === opinionsCopy) this.copied += copied;
  }

  /** The receiving units of the file's good submissions. */
  receivingUnits(): number[] {
    const units = new Set<number>();
    for (const s of this.all) if (s.fate !== Fate.Bad) units.add(s.unitId);
    return [...units];
  }

  /** The submission a row names, if the file has it. */
  submissionOf(externalId: string): FileSubmission | undefined {
    return this.validator.submission(externalId);
  }

  /**
   * Once the file is read: removes the opinions of submissions that turned out bad after some were
   * copied, then copies the new submissions (their opinion counts now known) and their sealed
   * contact details. The import's figures.
   */
  async finish(tx: Tx): Promise<{ submissions: number; opinions: number; alreadyPresent: number }> {
    const all = this.all;
    const removed = await deleteOpinionsOf(
      tx,
      all.filter((s) => s.fate === Fate.Bad && s.copied).map((s) => s.dbId),
    );
    const written = all.filter((s) => s.fate === Fate.New);
    const opinions = written.reduce((n, s) => n + s.count, 0);
    if (this.copied - removed !== opinions) throw new Error(`opinions copied ${this.copied}, removed ${removed}, expected ${opinions}`);
    const { actor, contactKey } = this.options;
    const field = (v: string) => (v === '' ? null : v);
    const submissions = new CopyStream(this.client, submissionsCopy);
    this.current = submissions;
    // Contact details are sealed while the server takes the submissions in.
    let lines = '';
    let contacts = '';
    let sealed = 0;
    for (const s of written) {
      lines += submissionLine(this.consultationId, actor.userId, { id: s.dbId, externalId: s.id, unitId: s.unitId, channel: s.channel, contributorGroup: s.contributorGroup, at: s.iso, opinionCount: s.count });
      if (s.contact) {
        contacts += contactLine(s.dbId, s.unitId, sealContact({ name: field(s.contact.name), phone: field(s.contact.phone), idNumber: field(s.contact.idNumber) }, contactKey()));
        sealed++;
      }
      if (lines.length > 1 << 20) {
        await submissions.write(lines);
        lines = '';
      }
    }
    await submissions.write(lines);
    const copied = await submissions.end();
    this.current = null;
    if (copied !== written.length) throw new Error(`${copied} submissions copied, ${written.length} sent`);
    await this.copy(contactsCopy, [contacts], sealed);
    return { submissions: written.length, opinions, alreadyPresent: all.filter((s) => s.fate === Fate.Present).length };
  }
}

/**
 * Second pass over the input (`skipInvalid`): writes the rejected records as they were, plus a
 * `reason` column, to `output`; returns the good rows of rejected submissions, rejected with them.
 */
export async function writeRejectedFile(input: string, output: string, run: ImportRun): Promise<{ line: number; reason: string }[]> {
  const reasons = new Map(run.errors.map((e) => [e.line, e.message]));
  const alsoRejected: { line: number; reason: string }[] = [];
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
      let reason = header ? 'reason' : reasons.get(record.line);
      if (header && csv) delimiter = detectDelimiter(record.raw ?? '');
      if (!header && reason === undefined) {
        const submission = run.submissionOf(run.validator.cell(record, 'submission_id'));
        if (submission?.fate !== Fate.Bad) continue;
        reason = `Lượt góp ý "${submission.id}" bị loại cả lượt vì dòng ${submission.badLine} của lượt này không hợp lệ.`;
        alsoRejected.push({ line: record.line, reason });
      }
      header = false;
      if (reason === undefined) continue;
      data += csv && record.raw !== undefined ? `${record.raw}${delimiter}${quote(reason)}\r\n` : stringify([[...record.cells, reason]], { record_delimiter: 'windows' });
    }
    await send(out, failed, data);
  }
  out.end();
  await failed;
  return alsoRejected;
}
