/**
 * The reading side of one opinion file import (`import-opinions.ts`): reading and validating the
 * file into batches, looking up the submission_ids each batch introduces on a second connection,
 * and handing the batches to the writer (`import-writer.ts`) while the next ones are read.
 */
import type pg from 'pg';
import type { WeeklySchedule } from '../../../platform/time/index.js';
import { importCells, tallyKey, textCountHeads, type ImportCells } from './import-figures.js';
import type { Tx } from '../../../platform/db/database.js';
import { isBlank, type OpinionValidator } from './opinion-file.js';
import { OpinionFileError, readOpinionRecords, type FileProblem, type RawRecord } from './opinion-file-read.js';
import { Fate, type FileSubmission } from './file-submission.js';
import { ImportWriter, newBatch, type Batch } from './import-writer.js';
import { opinionRow, presentExternalIds, reserveSubmissionIds } from './repository.js';
import { ReservedIds } from './reserved-ids.js';
import type { ImportOpinionsOptions } from './types.js';
import type { UnitPaths } from './unit-paths.js';

/** Rows validated before the submissions they introduce are looked up and written together. */
const BATCH_ROWS = 20_000;
/** Batches validated ahead of the writing (memory bound: each holds its COPY rows). */
const BATCHES_AHEAD = 2;

/**
 * One import. The reader validates the file into batches; the writer copies each batch's
 * opinions, then its new submissions, once its look-up is back, while the reader goes on.
 */
export class ImportRun {
  rowsRead = 0;
  readonly errors: FileProblem[] = [];
  /** Every submission_id of the file, in the order met. */
  private readonly all: FileSubmission[] = [];
  /** The last query sent on the look-up connection. */
  private lookups: Promise<void> = Promise.resolve();
  private readonly ids: ReservedIds;
  private readonly writer: ImportWriter;
  private readonly consultationId: number;
  readonly validator: OpinionValidator<FileSubmission>;
  private readonly options: ImportOpinionsOptions;
  private readonly totalBytes: number;
  private readonly paths: UnitPaths;

  constructor(
    client: pg.PoolClient,
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
    this.options = init.options;
    this.totalBytes = init.totalBytes;
    this.paths = init.paths;
    this.ids = new ReservedIds((count) => this.onLookup(() => reserveSubmissionIds(lookup, init.sequence, count)));
    this.writer = new ImportWriter(client, { consultationId: init.consultationId, userId: init.options.actor.userId, contactKey: init.options.contactKey });
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

  /** Reads and validates the whole file; batches of good rows go to the writer chain as they fill. */
  async readFile(): Promise<void> {
    const { options } = this;
    let bytesRead = 0;
    let lastReport = 0;
    let batch = newBatch();
    try {
      const batchRows = options.batchRows ?? BATCH_ROWS;
      for await (const records of readOpinionRecords(options.filePath, { onBytes: (n) => (bytesRead += n) })) {
        if (!this.writer.stopped) await this.ids.ensure(records.length);
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
      await this.writer.drain();
    } catch (error) {
      await this.writer.stop(error as Error);
      await this.writer.drain(true);
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
        if (!this.options.skipInvalid && !this.writer.stopped) void this.writer.stop(new Error('a bad row: nothing will be imported'));
        continue;
      }
      const submission = checked.submission;
      if (submission.fate === Fate.Unseen) {
        submission.fate = Fate.Pending;
        submission.dbId = this.writer.stopped ? 0 : this.ids.take();
        submission.unitId = row.unitId;
        submission.channel = row.channel;
        submission.contributorGroup = row.contributorGroup;
        submission.atMs = row.submittedAt.getTime();
        this.all.push(submission);
        batch.fresh.push(submission);
      }
      if (submission.fate === Fate.Bad) continue;
      submission.count++;
      submission.tallies.push(tallyKey(row.documentId, row.stance));
      submission.contact ??= row.contact;
      if (this.writer.stopped) continue;
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
    if (this.writer.stopped) return;
    if (batch.fresh.length > 0) {
      const ids = batch.fresh.map((s) => s.id);
      batch.present = this.onLookup(() => presentExternalIds(this.lookup, this.consultationId, ids));
      batch.present.catch(() => undefined);
    }
    await this.writer.enqueue(batch, BATCHES_AHEAD);
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
  finish(tx: Tx): Promise<{ submissions: number; opinions: number; alreadyPresent: number }> {
    return this.writer.finish(tx, this.all);
  }

  /** The weekly figures' breakdown cells of the submissions written (after `finish`), and the levels their text counts are kept for. */
  figures(schedule: WeeklySchedule): { cells: ImportCells; heads: ReturnType<typeof textCountHeads> } {
    const written = this.all.filter((s) => s.fate === Fate.New);
    return { cells: importCells(written, this.paths, schedule), heads: textCountHeads(written, this.paths) };
  }
}
