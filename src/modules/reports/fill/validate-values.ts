/**
 * The checks a unit's values must pass before they are submitted (pure; also used by the XLSX
 * import): every problem at once, by indicator code, in Vietnamese — the type (integer, decimal,
 * percentage 0–100, yes/no, text length), required indicators, ranges and the form's relations
 * between indicators ("attendees ≥ meetings").
 */
import { formIndicators, type IndicatorRelation, type IndicatorValue, type ReportForm, type ReportIndicator } from '../../../shared/report-form.js';

/** The longest text an indicator of type `text` holds. */
export const MAX_INDICATOR_TEXT = 2000;

export interface ValueProblem {
  /** The indicator's code (for a relation: its left-hand indicator). */
  code: string;
  message: string;
}

const opWords: Record<IndicatorRelation['op'], string> = {
  '>=': 'lớn hơn hoặc bằng',
  '<=': 'nhỏ hơn hoặc bằng',
  '=': 'bằng',
  '>': 'lớn hơn',
  '<': 'nhỏ hơn',
};

function formatNumber(n: number): string {
  return n.toLocaleString('vi-VN');
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** The problem with one non-blank value's type, or null. */
function typeProblem(indicator: ReportIndicator, value: unknown): string | null {
  const label = `"${indicator.label}"`;
  switch (indicator.type) {
    case 'integer':
      return Number.isInteger(value) ? null : `${label} phải là số nguyên.`;
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? null : `${label} phải là một số.`;
    case 'percentage':
      return typeof value === 'number' && value >= 0 && value <= 100 ? null : `${label} phải là tỷ lệ phần trăm từ 0 đến 100.`;
    case 'yesno':
      return typeof value === 'boolean' ? null : `${label} chỉ nhận "Có" hoặc "Không".`;
    case 'text':
      if (typeof value !== 'string') return `${label} phải là văn bản.`;
      return value.length > MAX_INDICATOR_TEXT ? `${label} dài quá ${formatNumber(MAX_INDICATOR_TEXT)} ký tự.` : null;
  }
}

function rangeProblem(indicator: ReportIndicator, value: number): string | null {
  const label = `"${indicator.label}"`;
  if (indicator.min !== undefined && value < indicator.min) return `${label} không được nhỏ hơn ${formatNumber(indicator.min)}.`;
  if (indicator.max !== undefined && value > indicator.max) return `${label} không được lớn hơn ${formatNumber(indicator.max)}.`;
  return null;
}

function holds(left: number, op: IndicatorRelation['op'], right: number): boolean {
  switch (op) {
    case '>=':
      return left >= right;
    case '<=':
      return left <= right;
    case '=':
      return left === right;
    case '>':
      return left > right;
    case '<':
      return left < right;
  }
}

function relationProblems(form: ReportForm, values: Readonly<Record<string, unknown>>, byCode: Map<string, ReportIndicator>): ValueProblem[] {
  const problems: ValueProblem[] = [];
  for (const relation of form.relations) {
    const left = values[relation.left];
    const right = values[relation.right];
    if (typeof left !== 'number' || typeof right !== 'number' || holds(left, relation.op, right)) continue;
    const leftLabel = byCode.get(relation.left)?.label ?? relation.left;
    const rightLabel = byCode.get(relation.right)?.label ?? relation.right;
    problems.push({ code: relation.left, message: relation.message ?? `"${leftLabel}" (${formatNumber(left)}) phải ${opWords[relation.op]} "${rightLabel}" (${formatNumber(right)}).` });
  }
  return problems;
}

/**
 * Every problem of a unit's values against the form, in form order (empty when they pass). Codes the
 * form does not know are problems too. A unit that reported "no activity" need not fill required
 * indicators.
 */
export function validateValues(form: ReportForm, values: Readonly<Record<string, unknown>>, options: { noActivity?: boolean | undefined } = {}): ValueProblem[] {
  const indicators = formIndicators(form);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const problems: ValueProblem[] = [];
  for (const code of Object.keys(values)) {
    if (!byCode.has(code)) problems.push({ code, message: `Biểu mẫu không có chỉ tiêu mã "${code}".` });
  }
  const typed = new Set<string>();
  for (const indicator of indicators) {
    const value = values[indicator.code];
    if (isBlank(value)) {
      if (indicator.required && !options.noActivity) problems.push({ code: indicator.code, message: `Chưa nhập "${indicator.label}" (chỉ tiêu bắt buộc).` });
      continue;
    }
    const problem = typeProblem(indicator, value) ?? (typeof value === 'number' ? rangeProblem(indicator, value) : null);
    if (problem) problems.push({ code: indicator.code, message: problem });
    else typed.add(indicator.code);
  }
  const checked = Object.fromEntries(Object.entries(values).filter(([code]) => typed.has(code)));
  return [...problems, ...relationProblems(form, checked, byCode)];
}

/** Blank strings read as blank (null); other values are kept as entered. */
export function normalizeValues(values: Readonly<Record<string, unknown>>): Record<string, IndicatorValue> {
  const out: Record<string, IndicatorValue> = {};
  for (const [code, value] of Object.entries(values)) out[code] = isBlank(value) ? null : (value as IndicatorValue);
  return out;
}
