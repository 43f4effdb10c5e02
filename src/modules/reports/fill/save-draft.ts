import { lockUnitPeriod, selectLatestVersion } from '../../../core/period-reports/index.js';
import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import type { Db, Tx } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { toSafeJson } from '../../../platform/vn/index.js';
import type { ReportContent } from '../../../shared/report-form.js';
import { ensureReportPeriod, loadReportContext, type ReportAddress, type ReportContext } from './context.js';
import { upsertDraft } from './repository.js';
import { regimeSubject } from './subject.js';

/** A unit's report context open for edit: the unit is expected, and the newest version it sent (0 when none) was returned. */
export type EditContext = ReportContext & { expected: NonNullable<ReportContext['expected']>; latestVersion: number };

/**
 * What filling needs before it writes, inside the caller's transaction: a unit expected in the
 * period (the issuer only receives), a regime not archived, and nothing under review or approved
 * (the unit's period is locked, as every send of it).
 */
export async function openForEdit(tx: Tx, address: ReportAddress): Promise<EditContext> {
  const ctx = await loadReportContext(tx, address);
  const expected = ctx.expected;
  if (!expected) fail('REPORT_ISSUER_DOES_NOT_REPORT');
  if (ctx.regime.archived) fail('REPORT_REGIME_NOT_RECEIVING');
  const key = { subject: regimeSubject(ctx.regime.id), unitId: ctx.unit.id, periodKey: ctx.period.key };
  await lockUnitPeriod(tx, key);
  const latest = await selectLatestVersion(tx, key);
  if (latest && latest.state !== 'returned') fail('REPORT_READ_ONLY', { version: latest.version, state: latest.state });
  return { ...ctx, expected, latestVersion: latest?.version ?? 0 };
}

/**
 * Saves a unit's working copy (autosave; "no activity" is its flag). Only an editor of the unit, and
 * only while its period's report is open for edit (not sent, or returned). No audit row: drafts are
 * not decisions; the submitted versions are.
 */
export async function saveDraft(db: Db, options: ReportAddress & { actor: Actor; content: ReportContent; now?: Date | undefined }): Promise<{ savedAt: Date }> {
  await requireUnitRole(db, options.actor, [options.unitId], 'editor');
  await ensureReportPeriod(db, options);
  return db.transaction(async (tx) => {
    const ctx = await openForEdit(tx, options);
    const savedAt = await upsertDraft(tx, { periodId: ctx.period.id, unitId: ctx.unit.id, content: toSafeJson(options.content), userId: options.actor.userId, at: options.now ?? new Date() });
    return { savedAt };
  });
}
