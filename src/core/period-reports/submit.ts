import type { Db, Queryable, Tx } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { requireUnitRole } from '../../platform/access/scope.js';
import { fail } from '../../platform/errors.js';
import { isLate, type Period } from '../../platform/time/index.js';
import { selectUnitHeights } from '../unit-tree/index.js';
import { heightsNeeded, levelDeadline, type LevelDeadlines } from './deadline-rule.js';
import { writeVersion, type AlongsideWrite, type VersionFigures, type VersionValues, type VersionWrite } from './record-repository.js';
import { lockUnitPeriod, selectLatestVersion, selectUnitPlace, type Subject, type SubmissionRow } from './repository.js';
import type { PeriodReportState } from './tables.js';

export interface SubmissionInput {
  subject: Subject;
  unitId: number;
  period: Period;
  /** The subject's per-level deadline rule; the unit's level (kind, height) picks its deadline. */
  deadlines: LevelDeadlines;
  /** What is frozen: computed by the caller inside the same transaction. */
  snapshot: unknown;
  /** The version's typed numbers for set-based sums (record-repository `VersionFigures`); none when absent. */
  figures?: VersionFigures | null | undefined;
  submittedByUserId: number | null;
  /** Who receives (reviews) it: the unit's parent when absent. */
  recipientUnitId?: number | null;
  now?: Date | undefined;
  /**
   * What the caller read already, so a send does not read it twice: the unit's kind (with
   * `recipientUnitId` given, the unit is not read), and whether it holds the unit's period lock in
   * this transaction (`lockUnitPeriod`).
   */
  checked?: { kind: string; locked: boolean } | undefined;
  /** The caller's answer when a version under review or approved stands in the way (default PERIOD_REPORT_SUBMITTED). */
  refuseLive?: ((latest: { version: number; state: PeriodReportState }) => never) | undefined;
  /** A write of the caller's that commits in the same statement as the version (see AlongsideWrite). */
  alongside?: AlongsideWrite | undefined;
}

/**
 * Records a version of a unit's report for a period inside the caller's transaction — the building
 * block of every "submit" (the caller has checked access and writes its own audit row and event).
 * The deadline is the one of the unit's level; late when sent at or after it. Version 1 first; a
 * new version only after the last one was returned (else PERIOD_REPORT_SUBMITTED). Serialised per
 * unit and period, so two concurrent sends make one version and one refusal.
 */
export async function recordSubmission(tx: Tx, input: SubmissionInput): Promise<SubmissionRow> {
  if (!input.checked?.locked) await lockUnitPeriod(tx, { subject: input.subject, unitId: input.unitId, periodKey: input.period.key });
  return refusedOrRow(await writeVersion(tx, await versionValues(tx, input), { audited: null, alongside: input.alongside }), input);
}

/** The row of the version to write: the deadline of the unit's level (its kind and height read when the rule needs them), the recipient, late or not. */
async function versionValues(q: Queryable, input: SubmissionInput): Promise<VersionValues> {
  const { subject, unitId, period } = input;
  // The parent is read only when it is the recipient by default.
  const place = input.checked && input.recipientUnitId !== undefined ? { kind: input.checked.kind, parentId: null } : await selectUnitPlace(q, unitId);
  if (!place) fail('UNIT_NOT_FOUND');
  const cap = heightsNeeded(input.deadlines);
  const height = cap === 0 ? 0 : ((await selectUnitHeights(q, [unitId], cap)).get(unitId) ?? 0);
  const deadline = levelDeadline(period, input.deadlines, { kind: place.kind, height });
  const submittedAt = input.now ?? new Date();
  return {
    subjectKind: subject.kind,
    subjectId: subject.id,
    unitId,
    recipientUnitId: input.recipientUnitId === undefined ? place.parentId : input.recipientUnitId,
    periodKey: period.key,
    periodStart: period.start,
    periodEnd: period.end,
    deadline,
    submittedAt,
    submittedByUserId: input.submittedByUserId,
    late: isLate(submittedAt, deadline),
    snapshot: input.snapshot,
    figures: input.figures ?? null,
  };
}

/** The written row, or the refusal: the caller's for a live version (`refuseLive`), else PERIOD_REPORT_SUBMITTED. */
function refusedOrRow(written: VersionWrite, input: SubmissionInput): SubmissionRow {
  if (written.row) return written.row;
  const live = written.latest && written.latest.state !== 'returned' ? written.latest : null;
  if (live && input.refuseLive) input.refuseLive(live);
  return fail('PERIOD_REPORT_SUBMITTED', { unitId: input.unitId, periodKey: input.period.key, ...(live ? { version: live.version } : {}) });
}

/**
 * An editor of the unit submits its report of a period: one transaction with its audit row
 * (`period_report.submit`) and the event `period-report.submitted`. `freeze` computes the snapshot
 * inside the transaction, after the unit's period is locked.
 */
export async function submitPeriodReport(
  db: Db,
  options: Omit<SubmissionInput, 'snapshot' | 'submittedByUserId'> & { actor: Actor; freeze: (tx: Tx) => Promise<unknown> },
): Promise<SubmissionRow> {
  const { actor, freeze, ...input } = options;
  await requireUnitRole(db, actor, [input.unitId], 'editor');
  return db.transaction(async (tx) => {
    await lockUnitPeriod(tx, { subject: input.subject, unitId: input.unitId, periodKey: input.period.key });
    const snapshot = await freeze(tx);
    return recordSubmitted(tx, { ...input, actor, snapshot });
  });
}

/**
 * The send of submitPeriodReport inside the caller's transaction, for a caller that has checked the
 * actor is an editor of the unit and computed the snapshot: the version, its audit row
 * `period_report.submit` and the event `period-report.submitted`, written in one statement.
 */
export async function recordSubmitted(tx: Tx, options: Omit<SubmissionInput, 'submittedByUserId'> & { actor: Actor }): Promise<SubmissionRow> {
  const { actor, ...input } = options;
  const full = { ...input, submittedByUserId: actor.userId };
  if (!input.checked?.locked) await lockUnitPeriod(tx, { subject: input.subject, unitId: input.unitId, periodKey: input.period.key });
  return refusedOrRow(await writeVersion(tx, await versionValues(tx, full), { audited: actor, alongside: input.alongside }), full);
}

/**
 * recordSubmitted as ONE statement on its own (its own transaction, no BEGIN/COMMIT round trips), for
 * a caller whose snapshot does not depend on what the lock protects (the content is given, not read
 * from a draft): the statement takes the unit's period lock, reads the newest version and writes the
 * version, its audit row, event and the caller's `alongside` write, all or nothing. Refused: the
 * newest version is read again — the statement's snapshot predates the lock, so a version committed
 * while it waited is seen only then — and the answer is the one recordSubmitted would give.
 */
export async function sendSubmitted(db: Db, options: Omit<SubmissionInput, 'submittedByUserId'> & { actor: Actor }): Promise<SubmissionRow> {
  const { actor, ...input } = options;
  const full = { ...input, submittedByUserId: actor.userId };
  const written = await writeVersion(db, await versionValues(db, full), { audited: actor, alongside: input.alongside });
  if (written.row) return written.row;
  const latest = await selectLatestVersion(db, { subject: input.subject, unitId: input.unitId, periodKey: input.period.key });
  return refusedOrRow({ latest: latest ? { version: latest.version, state: latest.state } : null }, full);
}
