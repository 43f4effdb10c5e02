/**
 * The reports module's downloads, for a viewer of the unit (a sibling's report is NOT_FOUND, as
 * every read): the DOCX of a unit's report, the DOCX and XLSX of its consolidation, and the XLSX
 * template to fill offline. The period is opened on demand (its expected set fixed then), as the
 * regime's period list does. `consolidationFile` is also what `lantoa reports consolidate --docx /
 * --xlsx` writes.
 */
import { selectIssuingUnit } from '../../../core/official-docx/index.js';
import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import type { Db, Queryable } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import type { ReportForm } from '../../../shared/report-form.js';
import { consolidateReport } from '../consolidate/consolidate.js';
import { loadReportContext, type ReportAddress } from '../fill/context.js';
import { getReport } from '../fill/get-report.js';
import { selectUnitBrief } from '../fill/repository.js';
import { ensurePeriod } from '../periods/index.js';
import type { ConsolidatedReport } from '../types.js';
import { renderConsolidationXlsx } from './consolidation-xlsx.js';
import { renderConsolidationDocx, renderUnitReportDocx, type ReportDocumentContext } from './report-docx.js';
import { renderReportTemplate } from './template-xlsx.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface DocumentFile {
  body: Buffer;
  fileName: string;
  contentType: string;
}

type Options = ReportAddress & { actor: Actor };

/** The heading data of a document of `unitId` in the regime's period: layout, signer, recipient. */
async function documentContext(db: Queryable, address: ReportAddress, now: Date): Promise<{ context: ReportDocumentContext; form: ReportForm }> {
  const ctx = await loadReportContext(db, address);
  const unit = await selectIssuingUnit(db, address.unitId);
  if (!unit) fail('UNIT_NOT_FOUND');
  const recipient = ctx.expected ? ((await selectUnitBrief(db, ctx.expected.recipientUnitId)) ?? null) : null;
  return {
    context: { regime: { code: ctx.regime.code, name: ctx.regime.name }, schedule: ctx.regime.schedule, unit, recipient: recipient && { code: recipient.code, name: recipient.name }, generatedAt: now },
    form: ctx.regime.form,
  };
}

/** Access first (a unit outside the actor's scope is NOT_FOUND), then the period, opened if it was not. */
async function open(db: Db, options: Options): Promise<void> {
  await requireUnitRole(db, options.actor, [options.unitId], 'viewer');
  await ensurePeriod(db, options.regimeId, options.closingDate);
}

const baseName = (kind: string, regimeCode: string, unitCode: string, closingDate: string) => `${kind} ${regimeCode} ${unitCode} ${closingDate}`;

/** The DOCX of a unit's own report (its draft, or the pre-filled content when it has none yet). */
export async function exportReportDocx(db: Db, options: Options & { now?: Date }): Promise<DocumentFile> {
  await open(db, options);
  const view = await getReport(db, options);
  const { context } = await documentContext(db, options, options.now ?? new Date());
  const body = await renderUnitReportDocx(context, { form: view.form, period: view.period, content: view.content });
  return { body, fileName: `${baseName('Báo cáo', view.regime.code, view.unit.code, view.period.closingDate)}.docx`, contentType: DOCX_TYPE };
}

/** A consolidation already computed, as DOCX or XLSX (also the CLI's `reports consolidate --docx/--xlsx`). */
export async function consolidationFile(db: Queryable, report: ConsolidatedReport, format: 'docx' | 'xlsx', now = new Date()): Promise<DocumentFile> {
  const address = { regimeId: report.regime.id, closingDate: report.period.closingDate, unitId: report.unit.id };
  const { context, form } = await documentContext(db, address, now);
  const name = baseName('Tổng hợp báo cáo', report.regime.code, report.unit.code, report.period.closingDate);
  if (format === 'xlsx') return { body: await renderConsolidationXlsx(form, report), fileName: `${name}.xlsx`, contentType: XLSX_TYPE };
  return { body: await renderConsolidationDocx(context, form, report), fileName: `${name}.docx`, contentType: DOCX_TYPE };
}

/** The DOCX or XLSX of a unit's consolidation of the period. */
export async function exportConsolidation(db: Db, options: Options & { format: 'docx' | 'xlsx'; now?: Date }): Promise<DocumentFile> {
  await open(db, options);
  const report = await consolidateReport(db, options);
  return consolidationFile(db, report, options.format, options.now);
}

/** The XLSX template of the unit's report, filled with its draft (or the pre-filled figures). */
export async function exportReportTemplate(db: Db, options: Options): Promise<DocumentFile> {
  await open(db, options);
  const view = await getReport(db, options);
  const body = await renderReportTemplate({
    regime: { code: view.regime.code, name: view.regime.name },
    unit: { code: view.unit.code, name: view.unit.name },
    period: { closingDate: view.period.closingDate, label: view.period.label },
    deadline: view.deadline,
    form: view.form,
    content: view.content,
  });
  return { body, fileName: `${baseName('Mẫu báo cáo', view.regime.code, view.unit.code, view.period.closingDate)}.xlsx`, contentType: XLSX_TYPE };
}
