/**
 * Imports a filled XLSX template as a unit's report of a period: parsed in a worker with limits,
 * every bad cell listed ({sheet, cell, message}; 422, nothing saved), otherwise the unit's draft is
 * replaced by the file's content — the same content the web page saves, the pre-filled figures kept
 * as Lan Tỏa computed them — with the audit row `report.import` in the same transaction. The same
 * file imported twice gives the same draft. With `submit`, the draft is then submitted through the
 * flow's `submitReport` (its own checks, version and deadline).
 */
import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { parseInWorker } from '../../../platform/files/parse-in-worker.js';
import type { ReportContent } from '../../../shared/report-form.js';
import type { ReportAddress } from '../fill/context.js';
import { getReport } from '../fill/get-report.js';
import { upsertDraft } from '../fill/repository.js';
import { openForEdit } from '../fill/save-draft.js';
import { submitReport, type SubmitResult } from '../fill/submit-report.js';
import { ensurePeriod } from '../periods/index.js';
import type { ParsedReportFile } from './import-xlsx.js';

/** Largest filled template accepted (a template is tens of KB). */
export const REPORT_FILE_BYTES = 10 * 1024 * 1024;

export interface ReportImportResult {
  savedAt: Date;
  /** The version submitted, with `submit`; null otherwise. */
  submitted: SubmitResult | null;
}

export async function importReportFile(db: Db, options: ReportAddress & { actor: Actor; data: Buffer; fileName: string; submit?: boolean; now?: Date }): Promise<ReportImportResult> {
  const { actor } = options;
  await requireUnitRole(db, actor, [options.unitId], 'editor');
  await ensurePeriod(db, options.regimeId, options.closingDate);
  const view = await getReport(db, options);
  const expected = { regimeCode: view.regime.code, unitCode: view.unit.code, closingDate: view.period.closingDate };
  const parsed = await parseInWorker<ParsedReportFile>({ module: new URL('./import-xlsx.js', import.meta.url), exportName: 'parseReportWorkbook', args: [options.data, view.form, expected] });
  if (parsed.errors.length > 0) fail('REPORT_IMPORT_REJECTED', { errorCount: parsed.errors.length, errors: parsed.errors });
  // Pre-filled figures are Lan Tỏa's, never the file's: kept as computed, so an override stays visible.
  const content: ReportContent = { ...parsed.content, prefilled: view.content.prefilled };
  const savedAt = await db.transaction(async (tx) => {
    const ctx = await openForEdit(tx, options);
    const at = await upsertDraft(tx, { periodId: ctx.period.id, unitId: ctx.unit.id, content, userId: actor.userId, at: options.now ?? new Date() });
    await recordAudit(tx, actor, {
      action: 'report.import',
      entityType: 'report_regime',
      entityId: ctx.regime.id,
      unitId: ctx.unit.id,
      after: { period: ctx.period.key, fileName: options.fileName, values: Object.keys(content.values).length, submit: options.submit === true },
    });
    return at;
  });
  const submitted = options.submit ? await submitReport(db, { ...options, content, now: options.now }) : null;
  return { savedAt, submitted };
}
