/**
 * The work of one opinion file import (`import-opinions.ts`): reading and validating the file into
 * batches; copying each batch's opinions, then the submissions it introduced (with their figures
 * queue rows and sealed contact details), while the next batches are read; the corrections made
 * once the file is read; and the rejected-rows file of `--skip-invalid`.
 */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import type pg from 'pg';
import type { Tx } from '../../../platform/db/database.js';
import { BinaryRows } from '../../../platform/db/copy-binary.js';
import { detectDelimiter, isBlank, OpinionFileError, readOpinionRecords, type FileProblem, type OpinionRow, type OpinionValidator, type RawRecord, type SubmissionInfo } from './opinion-file.js';
import {
  contactRow,
  contactsCopy,
  correctOpinionCounts,
  CopyStream,
  deleteOpinionsOf,
  deleteSubmissions,
  figureQueueCopy,
  figureQueueRow,
  opinionRow,
  opinionsCopy,
  presentExternalIds,
  reserveSubmissionIds,
  send,
  submissionRow,
  submissionsCopy,
  type SubmissionRow,
} from './repository.js';
import type { ImportOpinionsOptions } from './import-opinions.js';
import { prepareContact, sealedContact } from '../intake/store.js';

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
  /** submitted_at in Unix milliseconds. */
  atMs: number;
  /** Its good rows. */
  count: number;
  /** The first contact details given on one of its rows. */
  contact: OpinionRow['contact'];
  /** Some of its opinions were copied already (they go if it turns out Bad). */
  copied: boolean;
  /** Its submissions row (and queue row) was copied, with this opinion count (-1: not yet). */
  writtenCount: number;
  /** Its sealed contact details were copied. */
  contactWritten: boolean;
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
    channelSeen: info.channelSeen,
    groupSeen: info.groupSeen,
    contactSeen: info.contactSeen,
    contactLine: info.contactLine,
    fate: Fate.Unseen,
    dbId: 0,
    unitId: 0,
    channel: 'other',
    contributorGroup: 'khac',
    atMs: 0,
    count: 0,
    contact: null,
    copied: false,
    writtenCount: -1,
    contactWritten: false,
    badLine: 0,
  };
}

/** A batch of good rows: their COPY rows, waiting for the look-up of the submissions first met in it. */
interface Batch {
  /** The opinions' binary COPY rows, in order. */
  rows: BinaryRows;
  /** Where each row ends in `rows`. */
  ends: number[];
  /** The submission of each row. */
  owners: FileSubmission[];
  /** The submissions first met in this batch. */
  fresh: FileSubmission[];
  /** Which of them the consultation has already. */
  present: Promise<Set<string>> | null;
}

/** Rows validated before the submissions they introduce are looked up and written together. */
const BATCH_ROWS = 20_000;
/** Batches validated ahead of the writing (memory bound: each holds its COPY rows). */
const BATCHES_AHEAD = 2;
/** Submission ids reserved from the sequence at a time. */
const ID_BLOCK = 50_000;

function newBatch(): Batch {
  return { rows: new BinaryRows(1 << 20), ends: [], owners: [], fresh: [], present: null };
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

/** Each unit's path from the root of its tree (root first, the unit last), as the figures queue keeps it. */
export class UnitPaths {
  private readonly paths = new Map<number, readonly number[]>();

  constructor(private readonly parents: ReadonlyMap<number, number | null>) {}

  of(unitId: number): readonly number[] {
    const known = this.paths.get(unitId);
    if (known) return known;
    const parent = this.parents.get(unitId);
    if (parent === undefined) throw new Error(`unit ${unitId} is not in the tree`);
    const path = parent === null ? [unitId] : [...this.of(parent), unitId];
    this.paths.set(unitId, path);
    return path;
  }
}

/**
 * One import. The reader validates the file into batches; a writer chain on the transaction's
 * connection copies each batch's opinions, then its new submissions, once its look-up is back,
 * while the reader goes on.
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
  private readonly paths: UnitPaths;
  readonly validator: OpinionValidator<FileSubmission>;
  private readonly options: ImportOpinionsOptions;
  private readonly totalBytes: number;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly lookup: pg.Client,
    init: {
      consultationId: number;
      sequence: string;
      validator: OpinionValidator<FileSubmission>;
      paths: UnitPaths;
      options: ImportOpinionsOptions;
      totalBytes: number;
    },
  ) {
    this.consultationId = init.consultationId;
    this.validator = init.validator;
    this.paths = init.paths;
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
   * Validates records from `start` into the batch (errors, submissions, and the COPY rows of good
   * rows) until the batch holds `batchRows` rows; the index of the next record.
   */
  private validate(records: RawRecord[], start: number, batch: Batch, batchRows: number): number {
    const { validator, consultationId } = this;
    const { rows, ends, owners } = batch;
    let i = start;
    while (i < records.length && owners.length < batchRows) {
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
        submission.fate = Fate.Pending;
        submission.dbId = this.stopped ? 0 : this.ids.take();
        submission.unitId = row.unitId;
        submission.channel = row.channel;
        submission.contributorGroup = row.contributorGroup;
        submission.atMs = row.submittedAt.getTime();
        this.all.push(submission);
        batch.fresh.push(submission);
      }
      if (submission.fate === Fate.Bad) continue;
      submission.count++;
      submission.contact ??= row.contact;
      if (this.stopped) continue;
      opinionRow(rows, submission.dbId, consultationId, submission.unitId, submission.atMs, row);
      ends.push(rows.length);
      owners.push(submission);
    }
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

  /**
   * Copies the opinions of one batch's new submissions once the batch's look-up is back, then the
   * submissions first met in the batch, with the opinion counts read so far (finish corrects those
   * that gain rows later), their figures queue rows and sealed contact details.
   */
  private async write(batch: Batch): Promise<void> {
    const present = batch.present ? await batch.present : new Set<string>();
    for (const s of batch.fresh) if (s.fate === Fate.Pending) s.fate = present.has(s.id) ? Fate.Present : Fate.New;
    // The rows written are settled now: a submission found bad while they are being copied loses
    // its opinions and its row before the commit (finish).
    const kept = this.keptRows(batch);
    let count = 0;
    for (const s of batch.owners) {
      if (s.fate !== Fate.New) continue;
      s.copied = true;
      count++;
    }
    try {
      const opinions = this.copy(opinionsCopy, kept, count);
      // Made while the server takes the opinions in (sealing is the costly part).
      const submissions = this.submissionRows(batch.fresh.filter((s) => s.fate === Fate.New));
      await opinions;
      await this.copy(submissionsCopy, [submissions.submissions.view()], submissions.count);
      await this.copy(figureQueueCopy, [submissions.queue.view()], submissions.count);
      await this.copy(contactsCopy, [submissions.contacts.view()], submissions.sealed);
    } catch (error) {
      // Writing stopped on purpose (a bad row): the error is the abandoned COPY's.
      if (this.stopped) return;
      throw error;
    }
  }

  /** The batch's COPY rows of new submissions (all of them, unless some turned out present or bad). */
  private keptRows(batch: Batch): Buffer[] {
    const { owners, ends } = batch;
    const rows = batch.rows.view();
    if (owners.every((s) => s.fate === Fate.New)) return [rows];
    const kept: Buffer[] = [];
    let keepFrom = -1;
    for (let i = 0; i < owners.length; i++) {
      const start = i === 0 ? 0 : (ends[i - 1] as number);
      const keep = owners[i]?.fate === Fate.New;
      if (keep && keepFrom === -1) keepFrom = start;
      if (!keep && keepFrom !== -1) {
        kept.push(rows.subarray(keepFrom, start));
        keepFrom = -1;
      }
    }
    if (keepFrom !== -1) kept.push(rows.subarray(keepFrom));
    return kept;
  }

  /** The COPY rows of new submissions: theirs, their queue rows and (if any) their sealed contact details. */
  private submissionRows(list: FileSubmission[]): { submissions: BinaryRows; queue: BinaryRows; contacts: BinaryRows; count: number; sealed: number } {
    const { consultationId, options } = this;
    const submissions = new BinaryRows(Math.max(list.length, 1) * 96);
    const queue = new BinaryRows(Math.max(list.length, 1) * 128);
    const contacts = new BinaryRows(1 << 16);
    let sealed = 0;
    if (this.stopped) return { submissions, queue, contacts, count: 0, sealed };
    for (const s of list) {
      const row = this.submissionRowOf(s);
      submissionRow(submissions, consultationId, options.actor.userId, row);
      figureQueueRow(queue, consultationId, row, this.paths.of(s.unitId));
      s.writtenCount = s.count;
      const contact = this.seal(s.contact);
      if (contact !== null) {
        contactRow(contacts, s.dbId, s.unitId, contact);
        s.contactWritten = true;
        sealed++;
      }
    }
    return { submissions, queue, contacts, count: list.length, sealed };
  }

  private submissionRowOf(s: FileSubmission): SubmissionRow {
    return { id: s.dbId, externalId: s.id, unitId: s.unitId, channel: s.channel, contributorGroup: s.contributorGroup, at: s.atMs, opinionCount: s.count };
  }

  /** Contact details sealed as every intake path stores them (`prepareContact`), or null when none was given. */
  private seal(contact: OpinionRow['contact']): string | null {
    return sealedContact(prepareContact(contact), this.options.contactKey);
  }

  /** One binary COPY statement on the transaction's connection; checks the server copied every row. */
  private async copy(statement: string, data: Buffer[], rows: number): Promise<void> {
    if (this.stopped || rows === 0) return;
    const copy = new CopyStream(this.client, statement);
    this.current = copy;
    for (const part of data) await copy.write(part);
    const copied = await copy.end();
    this.current = null;
    if (copied !== rows) throw new Error(`${statement}: ${copied} rows copied, ${rows} sent`);
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
   * Once the file is read: removes what was copied of submissions that turned out bad, corrects
   * the opinion counts of submissions that gained rows after they were copied, and copies the
   * contact details first given on such later rows. The import's figures.
   */
  async finish(tx: Tx): Promise<{ submissions: number; opinions: number; alreadyPresent: number }> {
    const all = this.all;
    const bad = all.filter((s) => s.fate === Fate.Bad);
    const removed = await deleteOpinionsOf(
      tx,
      bad.filter((s) => s.copied).map((s) => s.dbId),
    );
    await deleteSubmissions(
      tx,
      bad.filter((s) => s.writtenCount >= 0).map((s) => s.dbId),
    );
    const written = all.filter((s) => s.fate === Fate.New);
    if (written.some((s) => s.writtenCount < 0)) throw new Error('a new submission was not copied');
    const opinions = written.reduce((n, s) => n + s.count, 0);
    if (this.copied - removed !== opinions) throw new Error(`opinions copied ${this.copied}, removed ${removed}, expected ${opinions}`);
    const grown = written.filter((s) => s.count !== s.writtenCount);
    await correctOpinionCounts(
      tx,
      grown.map((s) => s.dbId),
      grown.map((s) => s.count),
    );
    // Contact details first given on a row read after their submission was copied.
    const contacts = new BinaryRows(1 << 12);
    let late = 0;
    for (const s of written) {
      const contact = s.contactWritten ? null : this.seal(s.contact);
      if (contact === null) continue;
      contactRow(contacts, s.dbId, s.unitId, contact);
      late++;
    }
    await this.copy(contactsCopy, [contacts.view()], late);
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
