import { recordSubmitted, selectLatestVersion } from '../../../core/period-reports/index.js';
import type { Actor } from '../../../platform/access/roles.js';
import { checkUnitRank, requireUnitRole } from '../../../platform/access/scope.js';
import type { Db, Tx } from '../../../platform/db/database.js';
import { fail, invariant } from '../../../platform/errors.js';
import { toSafeJson } from '../../../platform/vn/index.js';
import { formIndicators, type ReportContent } from '../../../shared/report-form.js';
import { valuesSentUp } from '../consolidate/aggregate.js';
import { selectReportingChildren } from '../consolidate/repository.js';
import type { FrozenChild, SubmissionSnapshot } from '../types.js';
import { ensureReportPeriod, periodTrusted, reportContextOf, type ReportAddress, type ReportContext } from './context.js';
import { emptyContent } from './prefill.js';
import { draftFromSentVersion, selectDraft } from './repository.js';
import { selectSubmitPlace } from './repository-submit.js';
import { regimeSubject } from './subject.js';
import { validateValues } from './validate-values.js';

export interface SubmitResult {
  submissionId: number;
  version: number;
  late: boolean;
}

type SubmitOptions = ReportAddress & { actor: Actor; content?: ReportContent | undefined; now?: Date | undefined };

/** A unit's report context open for a submit: the unit is expected, the regime receiving, the unit's period locked. */
type SubmitContext = ReportContext & { expected: NonNullable<ReportContext['expected']> };

/**
 * The submit's first statement: the actor's role on the unit, the report's place and the unit's
 * period lock. Refuses as the separate reads would, in their order: access, the place, a unit that
 * does not report, an archived regime.
 */
async function openForSubmit(tx: Tx, options: SubmitOptions): Promise<SubmitContext> {
  const { rank, place, locked } = await selectSubmitPlace(tx, options, options.actor, 'editor');
  checkUnitRank(options.unitId, rank, 'editor');
  const ctx = reportContextOf(place, options);
  const expected = ctx.expected;
  if (!expected) fail('REPORT_ISSUER_DOES_NOT_REPORT');
  if (ctx.regime.archived) fail('REPORT_REGIME_NOT_RECEIVING');
  invariant(locked, 'the unit’s period lock is taken with the checks just passed');
  return { ...ctx, expected };
}

/** REPORT_READ_ONLY when the unit's newest version is under review or approved (read under the lock). */
async function refuseIfSent(tx: Tx, ctx: SubmitContext): Promise<void> {
  const latest = await selectLatestVersion(tx, { subject: regimeSubject(ctx.regime.id), unitId: ctx.unit.id, periodKey: ctx.period.key });
  if (latest && latest.state !== 'returned') fail('REPORT_READ_ONLY', { version: latest.version, state: latest.state });
}

/**
 * The snapshot a version freezes, inside the submit's transaction: the content checked against the
 * form (every problem at once; a report already sent is refused first, as read-only), and for a unit
 * that receives, its direct children's latest versions not returned (with their submission ids)
 * consolidated with its own values by each indicator's rule.
 */
async function freeze(tx: Tx, ctx: SubmitContext, options: SubmitOptions): Promise<SubmissionSnapshot> {
  const content = options.content ? toSafeJson(options.content) : ((await selectDraft(tx, ctx.period.id, ctx.unit.id))?.content ?? emptyContent(ctx.regime.form));
  const problems = validateValues(ctx.regime.form, content.values, { noActivity: content.noActivity });
  if (problems.length > 0) {
    await refuseIfSent(tx, ctx);
    fail('REPORT_VALUES_INVALID', { count: problems.length, problems });
  }
  const children: FrozenChild[] = [];
  if (ctx.receives) {
    for (const c of await selectReportingChildren(tx, ctx.ref, ctx.unit.id)) {
      if (c.submissionId === null || c.version === null || c.state === 'returned') continue;
      children.push({ unitId: c.unitId, code: c.code, name: c.name, submissionId: c.submissionId, version: c.version, values: c.values ?? {} });
    }
  }
  const own = { values: content.values, noActivity: content.noActivity };
  const values = valuesSentUp(formIndicators(ctx.regime.form), own, ctx.receives ? children : null);
  return { own: content, values, children, narrative: content.narrative };
}

/**
 * An editor of the unit submits its report of the period (its draft, or the content given): a new
 * frozen version in the ledger, late when sent at or after the unit's deadline in the period's
 * expected set (to the millisecond), sent to its recipient there; the draft becomes what was sent.
 * Audited `period_report.submit`, event `period-report.submitted` (core/period-reports).
 *
 * Round trips (issue 13, the deadline rush): one transaction of two statements — the access check,
 * the place and the lock in one (`selectSubmitPlace`), then the version with its audit row, event and
 * draft in one (core's `recordSubmitted`); a receiving unit reads its children in between, a submit
 * without content its draft. A period this process has not seen opened in the last minute costs the
 * separate access check first (nobody outside the unit opens a period) and the opening.
 */
export async function submitReport(db: Db, options: SubmitOptions): Promise<SubmitResult> {
  if (!periodTrusted(options)) {
    await requireUnitRole(db, options.actor, [options.unitId], 'editor');
    await ensureReportPeriod(db, options);
  }
  const row = await db.transaction(async (tx) => {
    const ctx = await openForSubmit(tx, options);
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
      checked: { kind: ctx.unit.kind },
      refuseLive: (latest) => fail('REPORT_READ_ONLY', { version: latest.version, state: latest.state }),
      alongside: draftFromSentVersion(ctx.period.id),
    });
  });
  return { submissionId: row.id, version: row.version, late: row.late };
}
