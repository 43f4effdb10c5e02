/**
 * Filling in a period's report (pure): the checks a unit's values must pass before it submits —
 * required, type, range and the form's relations — each message on its indicator; a pre-filled
 * figure changed without a note; and the "Không phát sinh trong kỳ" content.
 */
import { formIndicators, type IndicatorRelation, type IndicatorValue, type ReportContent, type ReportForm, type ReportIndicator } from '../../../shared/report-form.js';

const numericTypes = new Set(['integer', 'decimal', 'percentage']);
const opText: Record<IndicatorRelation['op'], string> = { '>=': 'không nhỏ hơn', '<=': 'không lớn hơn', '=': 'bằng', '>': 'lớn hơn', '<': 'nhỏ hơn' };

const fmt = (n: number) => n.toLocaleString('vi-VN');

function isBlank(v: IndicatorValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** The problem of one value alone (type and range), or null. */
function valueIssue(i: ReportIndicator, v: IndicatorValue | undefined): string | null {
  if (isBlank(v)) return i.required ? 'Chưa nhập số liệu bắt buộc này.' : null;
  if (i.type === 'yesno') return typeof v === 'boolean' ? null : 'Chọn Có hoặc Không.';
  if (i.type === 'text') return typeof v === 'string' ? null : 'Nhập nội dung bằng chữ.';
  if (typeof v !== 'number' || !Number.isFinite(v)) return 'Nhập một số.';
  if (i.type === 'integer' && !Number.isInteger(v)) return 'Nhập một số nguyên.';
  const min = i.min ?? (i.type === 'percentage' ? 0 : undefined);
  const max = i.max ?? (i.type === 'percentage' ? 100 : undefined);
  if (min !== undefined && v < min) return `Giá trị phải từ ${fmt(min)} trở lên.`;
  if (max !== undefined && v > max) return `Giá trị không được vượt quá ${fmt(max)}.`;
  return null;
}

function holds(l: number, op: IndicatorRelation['op'], r: number): boolean {
  if (op === '>=') return l >= r;
  if (op === '<=') return l <= r;
  if (op === '>') return l > r;
  if (op === '<') return l < r;
  return l === r;
}

export function relationMessage(r: IndicatorRelation, labelOf: (code: string) => string): string {
  return r.message ?? `"${labelOf(r.left)}" phải ${opText[r.op]} "${labelOf(r.right)}".`;
}

/** True when a pre-filled figure was changed by the user. */
export function isOverridden(content: ReportContent, code: string): boolean {
  const pre = content.prefilled[code];
  return pre !== undefined && content.values[code] !== pre;
}

/**
 * Every problem of a content against its form, by indicator code (one message each: the first
 * found). A relation's message goes on its left indicator; a note is needed for an overridden
 * pre-filled figure. Empty when the report can be submitted.
 */
export function checkContent(form: ReportForm, content: ReportContent): Record<string, string> {
  const errors: Record<string, string> = {};
  const indicators = formIndicators(form);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  for (const i of indicators) {
    const issue = valueIssue(i, content.values[i.code]);
    if (issue) errors[i.code] = issue;
    else if (isOverridden(content, i.code) && !content.notes[i.code]?.trim()) errors[i.code] = 'Ghi chú lý do sửa số liệu Lan Tỏa tự điền.';
  }
  const labelOf = (code: string) => byCode.get(code)?.label ?? code;
  for (const r of form.relations) {
    const l = content.values[r.left];
    const rv = content.values[r.right];
    if (errors[r.left] || typeof l !== 'number' || typeof rv !== 'number') continue;
    if (!holds(l, r.op, rv)) errors[r.left] = relationMessage(r, labelOf);
  }
  return errors;
}

/** "Không phát sinh trong kỳ": every number 0, every yes/no "Không", texts blank, the narrative kept. */
export function noActivityContent(form: ReportForm, content: ReportContent): ReportContent {
  const values: Record<string, IndicatorValue> = {};
  for (const i of formIndicators(form)) values[i.code] = numericTypes.has(i.type) ? 0 : i.type === 'yesno' ? false : null;
  return { ...content, values, notes: {}, noActivity: true };
}

/** A value as the tables show it: numbers with Vietnamese separators, Có / Không, text as is. */
export function showValue(v: IndicatorValue | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'number') return fmt(v);
  return v;
}

/** A blank content for a form (the narrative sized to its outline). */
export function emptyContent(form: ReportForm): ReportContent {
  return { values: {}, notes: {}, prefilled: {}, narrative: form.outline.map(() => ''), noActivity: false };
}
