import { lockUnitPeriod, recordSubmitted, selectLatestVersion, sendSubmitted, type LevelDeadlines } from '../../../core/period-reports/index.js';
import type { Actor } from '../../../platform/access/roles.js';
import { checkUnitRank, requireUnitRole } from '../../../platform/access/scope.js';
import type { Db, Queryable } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { toSafeJson } from '../../../platform/vn/index.js';
import { formIndicators, type ReportContent } from '../../../shared/report-form.js';
import { valuesSentUp } from '../consolidate/aggregate.js';
import { ownFigures } from '../consolidate/figures.js';
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

/** A unit's report context open for a submit: the unit is expected and the regime receiving. */
type SubmitContext = ReportContext & { expected: NonNullable<ReportContext['expected']> };

/**
 * The submit's first statement: the actor's role on the unit and the report's place. Refuses as the
 * separate reads would, in their order: access, the place, a unit that does not report, an archived regime.
 */
async function openForSubmit(q: Queryable, options: SubmitOptions): Promise<SubmitContext> {
  const { rank, place } = await selectSubmitPlace(q, options, options.actor);
  checkUnitRank(options.unitId, rank, 'editor');
  const ctx = reportContextOf(place, options);
  const expected = ctx.expected;
  if (!expected) fail('REPORT_ISSUER_DOES_NOT_REPORT');
  if (ctx.regime.archived) fail('REPORT_REGIME_NOT_RECEIVING');
  return { ...ctx, expected };
}

const ledgerKey = (ctx: SubmitContext) => ({ subject: regimeSubject(ctx.regime.id), unitId: ctx.unit.id, periodKey: ctx.period.key });

/**
 * The snapshot a version freezes: the content checked against the form (every problem at once; a
 * report already sent is refused first, as read-only), and for a unit that receives, its direct
 * children's latest versions not returned (with their submission ids) consolidated with its own
 * values by each indicator's rule.
 */
async function freeze(q: Queryable, ctx: SubmitContext, content: ReportContent): Promise<SubmissionSnapshot> {
  const problems = validateValues(ctx.regime.form, content.values, { noActivity: content.noActivity });
  if (problems.length > 0) {
    const latest = await selectLatestVersion(q, ledgerKey(ctx));
    if (latest && latest.state !== 'returned') fail('REPORT_READ_ONLY', { version: latest.version, state: latest.state });
    fail('REPORT_VALUES_INVALID', { count: problems.length, problems });
  }
  const children: FrozenChild[] = [];
  if (ctx.receives) {
    for (const c of await selectReportingChildren(q, ctx.ref, ctx.unit.id)) {
      if (c.submissionId === null || c.version === null || c.state === 'returned') continue;
      children.push({ unitId: c.unitId, code: c.code, name: c.name, submissionId: c.submissionId, version: c.version, values: c.values ?? {} });
    }
  }
  const own = { values: content.values, noActivity: content.noActivity };
  const values = valuesSentUp(formIndicators(ctx.regime.form), own, ctx.receives ? children : null);
  return { own: content, values, children, narrative: content.narrative };
}

/**
 * What the ledger's send needs of a submit: the unit's deadline and recipient in the expected set,
 * its own values as typed figures for the live sums, its draft set to what was sent (in the same statement).
 */
function sendInput(ctx: SubmitContext, options: SubmitOptions, snapshot: SubmissionSnapshot, locked: boolean) {
  return {
    actor: options.actor,
    subject: regimeSubject(ctx.regime.id),
    unitId: ctx.unit.id,
    period: ctx.period.period,
    deadlines: { otherwise: { kind: 'fixed', at: ctx.expected.deadline.toISOString() } } satisfies LevelDeadlines,
    recipientUnitId: ctx.expected.recipientUnitId,
    now: options.now,
    snapshot,
    figures: ownFigures(formIndicators(ctx.regime.form), snapshot.own),
    checked: { kind: ctx.unit.kind, locked },
    refuseLive: (latest: { version: number; state: string }) => fail('REPORT_READ_ONLY', { version: latest.version, state: latest.state }),
    alongside: draftFromSentVersion(ctx.period.id),
  };
}

/**
 * An editor of the unit submits its report of the period (the content given, or its draft): a new
 * frozen version in the ledger, late when sent at or after the unit's deadline in the period's
 * expected set (to the millisecond), sent to its recipient there; the draft becomes what was sent.
 * Audited `period_report.submit`, event `period-report.submitted` (core/period-reports).
 *
 * Round trips (issue 13, the deadline rush). With the content given (the web app, the CLI, imports):
 * two statements and no BEGIN/COMMIT — the access check and the place in one (`selectSubmitPlace`),
 * then core's `sendSubmitted`: the unit's period lock, the newest version, the version with its audit
 * row, event and draft, in one statement that is its own transaction (all or nothing); a receiving
 * unit reads its children in between. Without content, the draft is read under the lock, so one
 * transaction: place, lock, draft, the write. A period this process has not seen opened in the last
 * minute costs the separate access check first (nobody outside the unit opens a period) and the opening.
 */
export async function submitReport(db: Db, options: SubmitOptions): Promise<SubmitResult> {
  if (!periodTrusted(options)) {
    await requireUnitRole(db, options.actor, [options.unitId], 'editor');
    await ensureReportPeriod(db, options);
  }
  const given = options.content;
  const row = given
    ? await openForSubmit(db, options).then(async (ctx) => sendSubmitted(db, sendInput(ctx, options, await freeze(db, ctx, toSafeJson(given)), false)))
    : await db.transaction(async (tx) => {
        const ctx = await openForSubmit(tx, options);
        await lockUnitPeriod(tx, ledgerKey(ctx));
        const content = (await selectDraft(tx, ctx.period.id, ctx.unit.id))?.content ?? emptyContent(ctx.regime.form);
        return recordSubmitted(tx, sendInput(ctx, options, await freeze(tx, ctx, content), true));
      });
  return { submissionId: row.id, version: row.version, late: row.late };
}
