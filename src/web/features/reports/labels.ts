/** Vietnamese labels of the reports pages (regime types, frequencies, indicator types, statuses). */
import { reportReviewLabels, reportTimelinessLabels } from '../../../shared/labels.js';
export { indicatorTypeLabels } from '../../../shared/labels.js';
import type { IndicatorAggregation } from '../../../shared/report-form.js';
import type { CalendarKind, RegimeFrequency, RegimeType, Review, Timeliness, Weekday } from './types.js';

export const regimeTypeLabels: Record<RegimeType, string> = { periodic: 'Định kỳ', thematic: 'Chuyên đề', adhoc: 'Đột xuất' };

export const weekdayLabels: Record<Weekday, string> = {
  monday: 'Thứ Hai',
  tuesday: 'Thứ Ba',
  wednesday: 'Thứ Tư',
  thursday: 'Thứ Năm',
  friday: 'Thứ Sáu',
  saturday: 'Thứ Bảy',
  sunday: 'Chủ nhật',
};

export const frequencyKindLabels: Record<'weekly' | CalendarKind | 'once', string> = {
  weekly: 'Hằng tuần',
  monthly: 'Hằng tháng (Nghị định 09)',
  quarterly: 'Hằng quý',
  'half-year': '6 tháng',
  'nine-month': '9 tháng',
  yearly: 'Hằng năm',
  once: 'Một lần',
};

export function frequencyLabel(f: RegimeFrequency): string {
  if (f.kind === 'weekly') return `Hằng tuần, trước ${f.time} ${weekdayLabels[f.weekday]}`;
  return frequencyKindLabels[f.kind];
}

export const aggregationLabels: Record<IndicatorAggregation, string> = {
  sum: 'Cộng',
  max: 'Lớn nhất',
  min: 'Nhỏ nhất',
  'weighted-average': 'Bình quân gia quyền',
  'count-yes': 'Đếm số "Có"',
  none: 'Không tổng hợp',
};

/** Figure keys other modules declare in their manifests (pre-fill sources). */
export const prefillSources: { value: string; label: string }[] = [
  { value: 'campaigns.activities', label: 'Số hoạt động tuyên truyền trong kỳ' },
  { value: 'consultation.submissions', label: 'Số lượt góp ý nhận được trong kỳ' },
  { value: 'consultation.opinions', label: 'Số ý kiến góp ý nhận được trong kỳ' },
  { value: 'directives.registered', label: 'Số văn bản vào sổ trong kỳ' },
  { value: 'directives.issued', label: 'Số văn bản ban hành trong kỳ' },
];

/** A submission's timeliness: late = sent after the deadline ("Gửi muộn", the shared word). */
export const timelinessLabels: Record<Timeliness, string> = reportTimelinessLabels;
export const timelinessColors: Record<Timeliness, string> = { onTime: 'success', late: 'warning', missing: 'error' };
export const reviewLabels: Record<Review, string> = reportReviewLabels;
export const reviewColors: Record<Review, string> = { submitted: 'processing', returned: 'error', approved: 'success' };

export const defaultOutline = ['Kết quả thực hiện', 'Hạn chế, nguyên nhân', 'Đề xuất, kiến nghị', 'Nhiệm vụ kỳ tới'];

/** A percentage of a 0–1 rate, Vietnamese decimal comma: 0.875 → "87,5 %". */
export function percent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toLocaleString('vi-VN')} %`;
}
