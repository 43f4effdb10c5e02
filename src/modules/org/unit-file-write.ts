/**
 * Unit lists written as files (read back by unit-file.ts). Two variants:
 * - `machine` (the default): machine column names (`code`, `name`, `kind`, …), kind codes, ISO dates,
 *   and a last `kind_label` column with the kind in Vietnamese — for scripts and re-import;
 * - `people`: Vietnamese headers ("Mã đơn vị", "Tên đơn vị", …), the kind in Vietnamese, dates as
 *   DD/MM/YYYY — for reading and printing; it re-imports too (the reader knows both headers).
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from '../../platform/xlsx/exceljs.js';
import { machineHeader, peopleHeaders, unitFileColumns } from './unit-file-columns.js';
import type { UnitFileRecord } from './unit-file.js';
import { unitKindLabels } from './unit-kinds.js';

export type UnitFileVariant = 'machine' | 'people';

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @) is written to CSV with a leading ',
 * and so is text that itself starts with ', so that reading strips exactly one.
 */
const NEEDS_GUARD = /^[=+\-@\t\r']/;

const viDate = (iso: string | null): string | null => (iso === null ? null : iso.split('-').reverse().join('/'));

function header(variant: UnitFileVariant): string[] {
  return variant === 'people' ? unitFileColumns.map((c) => peopleHeaders[c]) : [...machineHeader];
}

function cellsOf(u: UnitFileRecord, variant: UnitFileVariant): (string | number | null)[] {
  if (variant === 'people') {
    return [u.code, u.name, unitKindLabels[u.kind], u.parentCode, u.abbreviation, u.sortOrder, viDate(u.activeFrom), viDate(u.activeTo), u.place ?? null];
  }
  return [u.code, u.name, u.kind, u.parentCode, u.abbreviation, u.sortOrder, u.activeFrom, u.activeTo, u.place ?? null, unitKindLabels[u.kind]];
}

/** CSV with a UTF-8 BOM (so Excel shows the diacritics), CRLF line ends, formula-like text guarded. */
export function serializeUnitsCsv(units: readonly UnitFileRecord[], variant: UnitFileVariant = 'machine'): string {
  const guard = (v: string | number | null): string =>
    v === null ? '' : typeof v === 'number' ? String(v) : NEEDS_GUARD.test(v) ? `'${v}` : v;
  const records = [header(variant), ...units.map((u) => cellsOf(u, variant).map(guard))];
  return `\uFEFF${stringify(records, { record_delimiter: 'windows', quoted_match: /[\r\n]/ })}`;
}

/** XLSX with one worksheet "Đơn vị": a bold header row, then one unit per row; codes and dates kept as text. */
export async function serializeUnitsXlsx(units: readonly UnitFileRecord[], variant: UnitFileVariant = 'machine'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Đơn vị', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header(variant).map((title, i) => ({ header: title, key: machineHeader[i] ?? title, width: i === 1 ? 60 : variant === 'people' ? 22 : 18 }));
  sheet.getRow(1).font = { bold: true };
  for (const u of units) sheet.addRow(cellsOf(u, variant).map((v) => v ?? undefined));
  for (const column of ['code', 'parent_code', 'active_from', 'active_to']) sheet.getColumn(column).numFmt = '@';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
