/**
 * How the reports module's documents (XLSX template, DOCX, consolidation XLSX) write values and
 * periods in Vietnamese. Server-side only: the files are made here, not in the web app.
 */
import type { IndicatorValue, ReportIndicator } from '../../../shared/report-form.js';
import { periodLabel, periodRangeLabel, type Period } from '../../../platform/time/index.js';

export const YES = 'Có';
export const NO = 'Không';
/** A blank figure in a document (not the same as 0). */
export const BLANK = '';

export { indicatorTypeLabels as INDICATOR_TYPE_LABELS, reportReviewLabels as REVIEW_LABELS, reportTimelinessLabels as TIMELINESS_LABELS } from '../../../shared/labels.js';

/** "1.234", "12,5": a number the Vietnamese way (dot between thousands, comma before decimals). */
export function formatNumber(value: number): string {
  return value.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
}

/**
 * A value as a document writes it: numbers the Vietnamese way (a percentage with "%"), yes/no as
 * "Có"/"Không", text as it is, blank as empty. A consolidated count of yes answers is a number.
 */
export function formatValue(indicator: Pick<ReportIndicator, 'type'>, value: IndicatorValue | undefined): string {
  if (value === null || value === undefined) return BLANK;
  if (typeof value === 'boolean') return value ? YES : NO;
  if (typeof value === 'string') return value;
  return indicator.type === 'percentage' ? `${formatNumber(value)}%` : formatNumber(value);
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/**
 * The period as a report's subject says it: "tuần từ 30/10/2025 đến 05/11/2025", "tháng 01/2026",
 * "quý I/2026", "6 tháng đầu năm 2026", "năm 2026", "từ 01/11/2025 đến 05/11/2025" (one-off).
 */
export function periodPhrase(period: Period): string {
  // periodRangeLabel writes "first – last" (the days the period covers).
  const [first = '', last = ''] = periodRangeLabel(period).split(' – ');
  if (period.schedule.kind === 'weekly') return `tuần từ ${first} đến ${last}`;
  if (period.schedule.kind === 'one_off') return `từ ${first} đến ${last}`;
  return lowerFirst(periodLabel(period).split(' (')[0] ?? '');
}

/**
 * The subject of a report: "Kết quả <regime> <period>", the regime's name without a leading
 * "Báo cáo" (the document type already says it).
 */
export function reportSubject(regimeName: string, period: Period): string {
  // "… hằng tuần" would repeat the period ("hằng tuần tuần từ …"): the period phrase says it.
  const name = regimeName
    .trim()
    .replace(/^báo cáo\s+/iu, '')
    .replace(/\s+(hằng|hàng)\s+(tuần|tháng|quý|năm)$/iu, '');
  const subject = /^kết quả/iu.test(name) ? name : `Kết quả ${lowerFirst(name)}`;
  return `${subject.charAt(0).toLocaleUpperCase('vi')}${subject.slice(1)} ${periodPhrase(period)}`;
}
