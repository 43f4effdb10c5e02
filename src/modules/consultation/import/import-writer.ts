import type pg from 'pg';
import type { Tx } from '../../../platform/db/database.js';
import { BinaryRows } from '../../../platform/db/copy-binary.js';
import { prepareContact, sealedContact } from '../intake/store.js';
import { Fate, type FileSubmission } from './file-submission.js';
import type { OpinionRow } from './opinion-file.js';
import {
  contactRow,
  contactsCopy,
  correctOpinionCounts,
  CopyStream,
  deleteOpinionsOf,
  deleteSubmissions,
  opinionsCopy,
  submissionRow,
  submissionsCopy,
  type SubmissionRow,
} from './repository.js';
import { invariant } from '../../../platform/errors.js';

/**
 * The writing side of an import (`ImportRun` reads): a chain on the transaction's connection that
 * copies each batch's opinions, then the submissions it introduced (with their sealed contact
 * details; the import folds them into the weekly figures itself before it commits), and, once the file is read, the corrections made before the commit.
 */

/** A batch of good rows: their COPY rows, waiting for the look-up of the submissions first met in it. */
export interface Batch {
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

export function newBatch(): Batch {
  return { rows: new BinaryRows(1 << 20), ends: [], owners: [], fresh: [], present: null };
}

export class ImportWriter {
  /** Writing stopped (all or nothing, after the first bad row): the transaction will roll back. */
  stopped = false;
  /** The COPY in progress, abandoned if writing stops. */
  private current: CopyStream | null = null;
  /** The writer chain, and the writing of each batch still queued on it. */
  private chain: Promise<void> = Promise.resolve();
  private readonly queued: Promise<void>[] = [];
  /** Opinions copied. */
  private copied = 0;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly init: { consultationId: number; userId: number | null; contactKey: () => Buffer },
  ) {}

  /** Stops writing: what was copied goes with the rolled-back transaction. */
  stop(reason: Error): Promise<void> {
    this.stopped = true;
    const copy = this.current;
    this.current = null;
    return copy ? copy.abort(reason) : Promise.resolve();
  }

  /** Queues the writing of a batch; returns once at most `ahead` batches wait on the chain. */
  async enqueue(batch: Batch, ahead: number): Promise<void> {
    this.chain = this.chain.then(() => this.write(batch));
    this.queued.push(this.chain);
    this.chain.catch(() => undefined);
    while (this.queued.length > ahead) await this.queued.shift();
  }

  /** Waits for every queued batch (`settled`: whatever the outcome). */
  drain(settled = false): Promise<void> {
    return settled ? this.chain.catch(() => undefined) : this.chain;
  }

  /**
   * Copies the opinions of one batch's new submissions once the batch's look-up is back, then the
   * submissions first met in the batch, with the opinion counts read so far (finish corrects those
   * that gain rows later) and their sealed contact details.
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

  /** The COPY rows of new submissions: theirs and (if any) their sealed contact details. */
  private submissionRows(list: FileSubmission[]): { submissions: BinaryRows; contacts: BinaryRows; count: number; sealed: number } {
    const { consultationId, userId } = this.init;
    const submissions = new BinaryRows(Math.max(list.length, 1) * 96);
    const contacts = new BinaryRows(1 << 16);
    let sealed = 0;
    if (this.stopped) return { submissions, contacts, count: 0, sealed };
    for (const s of list) {
      const row = this.submissionRowOf(s);
      submissionRow(submissions, consultationId, userId, row);
      s.writtenCount = s.count;
      const contact = this.seal(s.contact);
      if (contact !== null) {
        contactRow(contacts, s.dbId, s.unitId, contact);
        s.contactWritten = true;
        sealed++;
      }
    }
    return { submissions, contacts, count: list.length, sealed };
  }

  private submissionRowOf(s: FileSubmission): SubmissionRow {
    return { id: s.dbId, externalId: s.id, unitId: s.unitId, channel: s.channel, contributorGroup: s.contributorGroup, at: s.atMs, opinionCount: s.count };
  }

  /** Contact details sealed as every intake path stores them (`prepareContact`), or null when none was given. */
  private seal(contact: OpinionRow['contact']): string | null {
    return sealedContact(prepareContact(contact), this.init.contactKey);
  }

  /** One binary COPY statement on the transaction's connection; checks the server copied every row. */
  private async copy(statement: string, data: Buffer[], rows: number): Promise<void> {
    if (this.stopped || rows === 0) return;
    const copy = new CopyStream(this.client, statement);
    this.current = copy;
    for (const part of data) await copy.write(part);
    const copied = await copy.end();
    this.current = null;
    invariant(copied === rows, `${statement}: ${copied} rows copied, ${rows} sent`);
    if (statement === opinionsCopy) this.copied += copied;
  }

  /**
   * Once the file is read: removes what was copied of submissions that turned out bad, corrects
   * the opinion counts of submissions that gained rows after they were copied, and copies the
   * contact details first given on such later rows. The import's figures.
   */
  async finish(tx: Tx, all: FileSubmission[]): Promise<{ submissions: number; opinions: number; alreadyPresent: number }> {
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
    invariant(!written.some((s) => s.writtenCount < 0), 'a new submission was not copied');
    const opinions = written.reduce((n, s) => n + s.count, 0);
    invariant(this.copied - removed === opinions, `opinions copied ${this.copied}, removed ${removed}, expected ${opinions}`);
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
