import type { Db, Tx } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { requireUnitRole } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { fail } from '../../platform/errors.js';
import { emitEvent } from '../../platform/jobs/index.js';
import { isLate, type Period } from '../../platform/time/index.js';
import { selectUnitHeights } from '../unit-tree/index.js';
import { heightsNeeded, levelDeadline, type LevelDeadlines } from './deadline-rule.js';
import { insertSubmission, lockUnitPeriod, selectLatestVersion, selectUnitPlace, type Subject, type SubmissionRow } from './repository.js';

export interface SubmissionInput {
  subject: Subject;
  unitId: number;
  period: Period;
  /** The subject's per-level deadline rule; the unit's level (kind, height) picks its deadline. */
  deadlines: LevelDeadlines;
  /** What is frozen: computed by the caller inside the same transaction. */
  snapshot: unknown;
  submittedByUserId: number | null;
  /** Who receives (reviews) it: the unit's parent when absent. */
  recipientUnitId?: number | null;
  now?: Date | undefined;
  /**
   * What the caller read in this transaction after taking the unit's period lock (`lockUnitPeriod`):
   * the newest version's number (0 when none; the caller refused a live one) and the unit's kind — so
   * they are not read twice in one send.
   */
  checked?: { latestVersion: number; kind: string } | undefined;
}

/** Locks the unit's period and refuses a second live version: the newest version's number (0 when none). */
async function checkUnitPeriod(tx: Tx, key: { subject: Subject; unitId: number; periodKey: string }): Promise<{ latestVersion: number }> {
  await lockUnitPeriod(tx, key);
  const latest = await selectLatestVersion(tx, key);
  if (latest && latest.state !== 'returned') fail('PERIOD_REPORT_SUBMITTED', { unitId: key.unitId, periodKey: key.periodKey, version: latest.version });
  return { latestVersion: latest?.version ?? 0 };
}

/**
 * Records a version of a unit's report for a period inside the caller's transaction — the building
 * block of every "submit" (the caller has checked access and writes its own audit row and event).
 * The deadline is the one of the unit's level; late when sent at or after it. Version 1 first; a
 * new version only after the last one was returned (else PERIOD_REPORT_SUBMITTED). Serialised per
 * unit and period, so two concurrent sends make one version and one refusal.
 */
export async function recordSubmission(tx: Tx, input: SubmissionInput): Promise<SubmissionRow> {
  const { subject, unitId, period } = input;
  const key = { subject, unitId, periodKey: period.key };
  const checked = input.checked ?? (await checkUnitPeriod(tx, key));
  // The parent is read only when it is the recipient by default.
  const place = input.checked && input.recipientUnitId !== undefined ? { kind: input.checked.kind, parentId: null } : await selectUnitPlace(tx, unitId);
  if (!place) fail('UNIT_NOT_FOUND');
  const cap = heightsNeeded(input.deadlines);
  const height = cap === 0 ? 0 : ((await selectUnitHeights(tx, [unitId], cap)).get(unitId) ?? 0);
  const deadline = levelDeadline(period, input.deadlines, { kind: place.kind, height });
  const submittedAt = input.now ?? new Date();
  const row = await insertSubmission(tx, {
    subjectKind: subject.kind,
    subjectId: subject.id,
    unitId,
    recipientUnitId: input.recipientUnitId === undefined ? place.parentId : input.recipientUnitId,
    periodKey: period.key,
    periodStart: period.start,
    periodEnd: period.end,
    deadline,
    version: checked.latestVersion + 1,
    submittedAt,
    submittedByUserId: input.submittedByUserId,
    late: isLate(submittedAt, deadline),
    snapshot: input.snapshot,
  });
  if (!row) fail('PERIOD_REPORT_SUBMITTED', { unitId, periodKey: period.key });
  return row;
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
 * actor is an editor of the unit and computed the snapshot (with `checked`: under the unit's period
 * lock): the version, its audit row `period_report.submit` and the event `period-report.submitted`.
 */
export async function recordSubmitted(tx: Tx, options: Omit<SubmissionInput, 'submittedByUserId'> & { actor: Actor }): Promise<SubmissionRow> {
  const { actor, ...input } = options;
  const row = await recordSubmission(tx, { ...input, submittedByUserId: actor.userId });
  const summary = { subjectKind: row.subjectKind, subjectId: row.subjectId, unitId: row.unitId, periodKey: row.periodKey, version: row.version, late: row.late };
  await recordAudit(tx, actor, { action: 'period_report.submit', entityType: 'period_report_submission', entityId: row.id, unitId: row.unitId, after: summary });
  await emitEvent(tx, 'period-report.submitted', { submissionId: row.id, ...summary });
  return row;
}
