/**
 * Reading one value of a filled template: a raw spreadsheet value (number, text, yes/no, date)
 * turned into an indicator's value by its type, or a Vietnamese message when it cannot be read as
 * one. Pure. Whether a value that reads passes the form (integer, range, required, relations, text
 * length) is the flow's check (fill/validate-values.ts), applied afterwards.
 */
import type { CellValue } from 'exceljs';
import { hasUnsafeText, isoDateOf, normalizeVi, toSafeText } from '../../../platform/vn/index.js';
import type { IndicatorValue, ReportIndicator } from '../../../shared/report-form.js';
import { NO, YES } from './labels.js';

export type RawValue = string | number | boolean | Date | null;

/** Longest note (why a pre-filled figure was overridden). */
export const MAX_NOTE = 2_000;
/** Longest narrative section. */
export const MAX_NARRATIVE = 50_000;

/** The plain value of an ExcelJS cell (a formula's result, rich text joined, a hyperlink's text). */
export function rawOf(value: CellValue): RawValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return rawOf(value.text as CellValue);
  if ('error' in value) return value.error;
  if ('result' in value) return rawOf(value.result as CellValue);
  return null;
}

/** Text of a raw value, NFC, trimmed; '' when blank. */
export function textOf(raw: RawValue): string {
  if (raw === null) return '';
  if (raw instanceof Date) return isoDateOf(raw) ?? '';
  return normalizeVi(String(raw)).trim();
}

/** A value quoted in a message, shortened when long. */
export function shown(text: string): string {
  const chars = [...toSafeText(text)];
  return `"${chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : chars.join('')}"`;
}

const VI_NUMBER = /^-?\d{1,3}(\.\d{3})+(,\d+)?$|^-?\d+(,\d+)?$/u;
const DOT_DECIMAL = /^-?\d+\.(\d{1,2}|\d{4,})$/u;

/** A number typed as text: Vietnamese "1.234,5", or "12.5" (a dot before anything but three digits). */
function numberOfText(text: string): number | null {
  const s = text.replace(/\s/g, '');
  if (VI_NUMBER.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (DOT_DECIMAL.test(s)) return Number(s);
  return null;
}

const YES_TEXTS = new Set(['có', 'co', 'x', 'yes', 'true', '1']);
const NO_TEXTS = new Set(['không', 'khong', 'no', 'false', '0']);

function yesNoOf(raw: RawValue): boolean | string {
  if (typeof raw === 'boolean') return raw;
  if (raw === 1 || raw === 0) return raw === 1;
  const text = textOf(raw).toLocaleLowerCase('vi');
  if (YES_TEXTS.has(text)) return true;
  if (NO_TEXTS.has(text)) return false;
  return `phải là "${YES}" hoặc "${NO}"`;
}

/** The indicator's name as messages write it: "A1 – Số cuộc hội nghị". */
export const indicatorName = (i: Pick<ReportIndicator, 'code' | 'label'>) => `${i.code} – ${i.label}`;

function numberOf(indicator: ReportIndicator, raw: RawValue, percentCell: boolean): number | string {
  const n: number | null = typeof raw === 'number' ? raw : typeof raw === 'string' ? numberOfText(raw) : null;
  if (n === null || !Number.isFinite(n)) return indicator.type === 'integer' ? 'phải là số nguyên' : 'phải là một số';
  // A cell formatted as a percentage holds 0.25 for "25%".
  return indicator.type === 'percentage' && percentCell && typeof raw === 'number' ? Math.round(n * 100 * 1e9) / 1e9 : n;
}

/**
 * The value of `indicator` read from `raw`, or a message. `percentCell`: the cell is formatted as a
 * percentage. Blank is null (required indicators are checked by the caller).
 */
export function readIndicatorValue(indicator: ReportIndicator, raw: RawValue, percentCell = false): { value: IndicatorValue } | { error: string } {
  const text = textOf(raw);
  if (text === '') return { value: null };
  if (typeof raw === 'string' && hasUnsafeText(raw)) return { error: `Chỉ tiêu ${indicatorName(indicator)} có ký tự không hợp lệ (U+0000 hoặc ký tự Unicode bị hỏng).` };
  if (indicator.type === 'text') return { value: text };
  const read = indicator.type === 'yesno' ? yesNoOf(raw) : numberOf(indicator, raw, percentCell);
  if (typeof read === 'string') return { error: `Chỉ tiêu ${indicatorName(indicator)} ${read} (đang ghi ${shown(text)}).` };
  return { value: read };
}
