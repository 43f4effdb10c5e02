import type { Worksheet } from 'exceljs';
import ExcelJS from '../../../platform/xlsx/exceljs.js';
import { VIETNAM_OFFSET_MS } from '../../../platform/time/index.js';
import { campaignProgressLabels as L, campaignTaskStatusLabels } from '../../../shared/campaign-labels.js';
import type { CampaignProgress } from './progress.js';

/**
 * A campaign's progress over a unit's subtree as an XLSX workbook: "Tổng hợp" (one row per
 * assignment, rolled up through implementing plans) and "Theo đơn vị" (one row per unit and task).
 * Real numbers and dates (Vietnam wall-clock time: Excel has no time zones), Vietnamese headers.
 */

const FONT = { name: 'Times New Roman', size: 12 };
const DATE_TIME = 'dd/mm/yyyy hh:mm';

const excelInstant = (at: Date): Date => new Date(at.getTime() + VIETNAM_OFFSET_MS);

function header(sheet: Worksheet, titles: string[]): void {
  const row = sheet.addRow(titles);
  row.font = { ...FONT, bold: true };
  row.alignment = { wrapText: true, vertical: 'middle' };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function progressWorkbook(progress: CampaignProgress, kinds: readonly { code: string; label: string }[]): Promise<Buffer> {
  const seen = new Set(progress.rows.flatMap((r) => Object.keys(r.quantities)));
  const columns = [...kinds.filter((k) => seen.has(k.code)), ...[...seen].filter((c) => !kinds.some((k) => k.code === c)).map((code) => ({ code, label: code }))];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lan Tỏa';
  const summary = workbook.addWorksheet('Tổng hợp');
  summary.addRow([`${progress.campaign.title} (${progress.campaign.code})`]).font = { ...FONT, bold: true };
  summary.addRow([`${L.unit}: ${progress.unit.name} (${progress.unit.code})`]).font = FONT;
  summary.addRow([]);
  const heads = [L.task, 'Nội dung', L.assigned, L.done, L.inProgress, L.overdue, L.notStarted, L.unitsBelow, L.unitsActed, L.activities, ...columns.map((c) => c.label)];
  const headRow = summary.addRow(heads);
  headRow.font = { ...FONT, bold: true };
  for (const t of [...progress.tasks, { ...progress.totals, code: 'Tổng cộng', text: '' }]) {
    summary.addRow([t.code, t.text, t.assigned, t.done, t.inProgress, t.overdue, t.notStarted, t.units, t.unitsActed, t.activities, ...columns.map((c) => t.quantities[c.code] ?? 0)]).font = FONT;
  }
  summary.columns.forEach((col, i) => (col.width = i === 1 ? 60 : 16));

  const byUnit = workbook.addWorksheet('Theo đơn vị');
  header(byUnit, ['Mã đơn vị', L.unit, L.task, L.status, L.deadline, 'Hoàn thành lúc', L.activities, L.unitsBelow, L.unitsActed, ...columns.map((c) => c.label)]);
  const codeOf = new Map(progress.tasks.map((t) => [t.assignmentId, t.code]));
  const rows = [...progress.rows].sort((a, b) => (codeOf.get(a.assignmentId) ?? '').localeCompare(codeOf.get(b.assignmentId) ?? '', 'vi', { numeric: true }));
  for (const r of rows) {
    const unit = progress.unitsById.get(r.unitId);
    const row = byUnit.addRow([
      unit?.code ?? '',
      unit?.name ?? '',
      codeOf.get(r.assignmentId) ?? '',
      campaignTaskStatusLabels[r.status],
      r.dueAt ? excelInstant(r.dueAt) : null,
      r.doneAt ? excelInstant(r.doneAt) : null,
      r.activities,
      r.familyUnitIds.length,
      r.actedUnitIds.length,
      ...columns.map((c) => r.quantities[c.code] ?? 0),
    ]);
    row.font = FONT;
    row.getCell(5).numFmt = DATE_TIME;
    row.getCell(6).numFmt = DATE_TIME;
  }
  byUnit.columns.forEach((col, i) => (col.width = i === 1 ? 40 : 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
