/**
 * The STRUCTURE checks of a report form (pure): every problem at once, each with its path
 * (`sections.0.indicators.2.weightBy`) and a Vietnamese message. Values are checked elsewhere.
 */
import type { IndicatorType, ReportForm, ReportIndicator } from '../../../shared/report-form.js';

export interface FormProblem {
  path: string;
  message: string;
}

const NUMERIC: ReadonlySet<IndicatorType> = new Set(['integer', 'decimal', 'percentage']);
/** A figure key a manifest declares: `<module>.<figure>` (`campaigns.activities`, `campaigns.quantity.article`). */
const PREFILL_KEY = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;

export const isNumericType = (type: IndicatorType): boolean => NUMERIC.has(type);

interface Located {
  indicator: ReportIndicator;
  path: string;
}

function located(form: ReportForm): Located[] {
  return form.sections.flatMap((section, s) => section.indicators.map((indicator, i) => ({ indicator, path: `sections.${s}.indicators.${i}` })));
}

function aggregationProblems({ indicator: ind, path }: Located): FormProblem[] {
  const at = (message: string): FormProblem => ({ path: `${path}.aggregation`, message: `Chỉ tiêu "${ind.code}": ${message}` });
  if (ind.type === 'text' && ind.aggregation !== 'none') return [at('chỉ tiêu dạng chữ không cộng dồn được; hãy chọn "none".')];
  if (ind.aggregation === 'count-yes' && ind.type !== 'yesno') return [at('"count-yes" (đếm số "có") chỉ dùng cho chỉ tiêu có/không.')];
  if (ind.aggregation === 'weighted-average' && !isNumericType(ind.type)) return [at('"weighted-average" (bình quân gia quyền) chỉ dùng cho chỉ tiêu dạng số.')];
  if (ind.type === 'yesno' && ['sum', 'max', 'min'].includes(ind.aggregation)) return [at('chỉ tiêu có/không tổng hợp bằng "count-yes" hoặc "none".')];
  return [];
}

function weightProblems({ indicator: ind, path }: Located, byCode: ReadonlyMap<string, ReportIndicator>): FormProblem[] {
  const at = (message: string): FormProblem => ({ path: `${path}.weightBy`, message: `Chỉ tiêu "${ind.code}": ${message}` });
  if (ind.aggregation !== 'weighted-average') return ind.weightBy === undefined ? [] : [at('"weightBy" chỉ dùng với "weighted-average".')];
  if (ind.weightBy === undefined) return [at('bình quân gia quyền cần "weightBy" (mã chỉ tiêu làm quyền số).')];
  const weight = byCode.get(ind.weightBy);
  if (!weight) return [at(`không có chỉ tiêu mã "${ind.weightBy}" để làm quyền số.`)];
  if (!isNumericType(weight.type)) return [at(`quyền số "${ind.weightBy}" phải là chỉ tiêu dạng số.`)];
  if (weight.code === ind.code) return [at('quyền số phải là một chỉ tiêu khác.')];
  return [];
}

function rangeAndPrefillProblems({ indicator: ind, path }: Located): FormProblem[] {
  const problems: FormProblem[] = [];
  const hasRange = ind.min !== undefined || ind.max !== undefined;
  if (hasRange && !isNumericType(ind.type)) problems.push({ path: `${path}.min`, message: `Chỉ tiêu "${ind.code}": giới hạn nhỏ nhất / lớn nhất chỉ dùng cho chỉ tiêu dạng số.` });
  if (ind.min !== undefined && ind.max !== undefined && ind.min > ind.max) {
    problems.push({ path: `${path}.max`, message: `Chỉ tiêu "${ind.code}": giá trị lớn nhất (${ind.max}) nhỏ hơn giá trị nhỏ nhất (${ind.min}).` });
  }
  if (ind.prefill !== undefined) {
    if (!PREFILL_KEY.test(ind.prefill)) {
      problems.push({ path: `${path}.prefill`, message: `Chỉ tiêu "${ind.code}": nguồn điền sẵn "${ind.prefill}" phải có dạng <phân hệ>.<số liệu>, ví dụ "campaigns.activities".` });
    } else if (!isNumericType(ind.type)) {
      problems.push({ path: `${path}.prefill`, message: `Chỉ tiêu "${ind.code}": chỉ điền sẵn được chỉ tiêu dạng số.` });
    }
  }
  return problems;
}

function relationProblems(form: ReportForm, byCode: ReadonlyMap<string, ReportIndicator>): FormProblem[] {
  return form.relations.flatMap((relation, r) =>
    (['left', 'right'] as const).flatMap((side): FormProblem[] => {
      const code = relation[side];
      const target = byCode.get(code);
      if (!target) return [{ path: `relations.${r}.${side}`, message: `Ràng buộc số ${r + 1}: không có chỉ tiêu mã "${code}".` }];
      if (!isNumericType(target.type)) return [{ path: `relations.${r}.${side}`, message: `Ràng buộc số ${r + 1}: chỉ tiêu "${code}" không phải dạng số.` }];
      return [];
    }),
  );
}

/** Every structure problem of the form (empty: the form is sound). */
export function validateForm(form: ReportForm): FormProblem[] {
  const all = located(form);
  const problems: FormProblem[] = [];
  if (all.length === 0 && form.outline.length === 0) problems.push({ path: 'sections', message: 'Biểu mẫu phải có ít nhất một chỉ tiêu hoặc một mục đề cương.' });
  const byCode = new Map<string, ReportIndicator>();
  for (const entry of all) {
    if (byCode.has(entry.indicator.code)) problems.push({ path: `${entry.path}.code`, message: `Mã chỉ tiêu "${entry.indicator.code}" bị trùng.` });
    else byCode.set(entry.indicator.code, entry.indicator);
  }
  for (const entry of all) problems.push(...aggregationProblems(entry), ...weightProblems(entry, byCode), ...rangeAndPrefillProblems(entry));
  problems.push(...relationProblems(form, byCode));
  return problems;
}
