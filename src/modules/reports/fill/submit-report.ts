import { recordSubmitted } from '../../../core/period-reports/index.js';
import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import type { Db, Tx } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { toSafeJson } from '../../../platform/vn/index.js';
import { formIndicators, type ReportContent } from '../../../shared/report-form.js';
import { valuesSentUp } from '../consolidate/aggregate.js';
import { selectReportingChildren } from '../consolidate/repository.js';
import type { FrozenChild, SubmissionSnapshot } from '../types.js';
import { ensureReportPeriod, type ReportAddress } from './context.js';
import { emptyContent } from './prefill.js';
import { selectDraft, upsertDraft } from './repository.js';
import { openForEdit, type EditContext } from './save-draft.js';
import { regimeSubject } from './subject.js';
import { validateValues } from './validate-values.js';

export interface SubmitResult {
  submissionId: number;
  version: number;
  late: boolean;
}

type SubmitOptions = ReportAddress & { actor: Actor; content?: ReportContent | undefined; now?: Date | undefined };

/**
 * The snapshot a version freezes, inside the submit's transaction: the content checked against the
 * form (every problem at once), and for a unit that receives, its direct children's latest versions
 * not returned (with their submission ids) consolidated with its own values by each indicator's rule.
 */
async function freeze(tx: Tx, ctx: EditContext, options: SubmitOptions): Promise<SubmissionSnapshot> {
  const content = options.content ? toSafeJson(options.content) : ((await selectDraft(tx, ctx.period.id, ctx.unit.id))?.content ?? emptyContent(ctx.regime.form));
  const problems = validateValues(ctx.regime.form, content.values, { noActivity: content.noActivity });
  if (problems.length > 0) fail('REPORT_VALUES_INVALID', { count: problems.length, problems });
  const children: FrozenChild[] = [];
  if (ctx.receives) {
    for (const c of await selectReportingChildren(tx, ctx.ref, ctx.unit.id)) {
      if (c.submissionId === null || c.version === null || c.state === 'returned') continue;
      children.push({ unitId: c.unitId, code: c.code, name: c.name, submissionId: c.submissionId, version: c.version, values: c.values ?? {} });
    }
  }
  const own = { values: content.values, noActivity: content.noActivity };
  const values = valuesSentUp(formIndicators(ctx.regime.form), own, ctx.receives ? children : null);
  await upsertDraft(tx, { periodId: ctx.period.id, unitId: ctx.unit.id, content, userId: options.actor.userId, at: options.now ?? new Date() });
  return { own: content, values, children, narrative: content.narrative };
}

/**
 * An editor of the unit submits its report of the period (its draft, or the content given): a new
 * frozen version in the ledger, late when sent at or after the unit's deadline in the period's
 * expected set (to the millisecond), sent to its recipient there. Audited `period_report.submit`,
 * event `period-report.submitted` (core/period-reports). One access check, then one transaction that
 * reads the unit's place once (under its period's lock) and writes the draft, version, audit and event.
 */
export async function submitReport(db: Db, options: SubmitOptions): Promise<SubmitResult> {
  await requireUnitRole(db, options.actor, [options.unitId], 'editor');
  await ensureReportPeriod(db, options);
  const row = await db.transaction(async (tx) => {
    const ctx = await openForEdit(tx, options);
    const snapshot = await freeze(tx, ctx, options);
    return recordSubmitted(tx, {
      actor: options.actor,
      subject: regimeSubject(ctx.regime.id),
      unitId: ctx.unit.id,
      period: ctx.period.period,
      deadlines: { otherwise: { kind: 'fixed', at: ctx.expected.deadline.toISOString() } },
      recipientUnitId: ctx.expected.recipientUnitId,
      now: options.now,
      snapshot,
      checked: { latestVersion: ctx.latestVersion, kind: ctx.unit.kind },
    });
  });
  return { submissionId: row.id, version: row.version, late: row.late };
}
