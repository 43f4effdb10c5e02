import type { CascadeUnitStatus, Convention, DirectiveRelation, PartialDate } from '../api/types.js';

export const relationLabels: Record<DirectiveRelation, string> = {
  implements: 'Thực hiện',
  basis: 'Căn cứ',
  cites: 'Dẫn chiếu',
};
export const relationOptions = (Object.keys(relationLabels) as DirectiveRelation[]).map((value) => ({ value, label: relationLabels[value] }));

export const statusLabels: Record<CascadeUnitStatus, string> = {
  implemented: 'Đã ban hành văn bản thực hiện',
  acknowledged: 'Đã nhận',
  none: 'Chưa thực hiện',
};
export const statusColors: Record<CascadeUnitStatus, string> = { implemented: 'green', acknowledged: 'blue', none: 'red' };

export const conventionLabels: Record<Convention, string> = {
  party: 'Văn bản của Đảng',
  state: 'Văn bản hành chính nhà nước',
};
export const conventionOptions = (Object.keys(conventionLabels) as Convention[]).map((value) => ({ value, label: conventionLabels[value] }));

/** The document types the parser recognises (names as written in titles). */
export const docTypes = [
  'Công văn', 'Kế hoạch', 'Hướng dẫn', 'Chỉ thị', 'Nghị quyết', 'Kết luận', 'Quyết định', 'Quy định', 'Quy chế',
  'Thông báo', 'Thông tri', 'Báo cáo', 'Tờ trình', 'Chương trình', 'Đề án', 'Phương án', 'Nghị định', 'Thông tư',
  'Thông tư liên tịch', 'Công điện', 'Luật',
] as const;
export const docTypeOptions = docTypes.map((t) => ({ value: t, label: t }));

/** Labels of the extracted fields (highlight groups of the review form). */
export const directiveFieldLabels: Record<string, string> = {
  docType: 'Loại văn bản',
  convention: 'Thể thức',
  numberSymbol: 'Số, ký hiệu',
  issuer: 'Cơ quan ban hành',
  place: 'Địa danh',
  date: 'Ngày ban hành',
  subject: 'Trích yếu',
  signer: 'Người ký',
  recipients: 'Kính gửi',
  distribution: 'Nơi nhận',
  references: 'Văn bản được dẫn',
  deadlines: 'Thời hạn',
};

/** Highlight colours per field group: soft backgrounds, readable black text. */
export const fieldColors: Record<string, string> = {
  docType: '#ffd8bf',
  numberSymbol: '#ffe58f',
  issuer: '#b7eb8f',
  place: '#d3f261',
  date: '#87e8de',
  subject: '#91caff',
  signer: '#d3adf7',
  recipients: '#ffadd2',
  distribution: '#ffccc7',
  references: '#adc6ff',
  deadlines: '#ffe7ba',
};

/** `recipients.3` → `recipients`. */
export function fieldGroup(field: string): string {
  return field.split('.')[0] ?? field;
}

export function fieldLabel(field: string): string {
  const [group, index] = field.split('.');
  const label = directiveFieldLabels[group ?? ''] ?? field;
  return index !== undefined ? `${label} (${Number(index) + 1})` : label;
}

/** `12/10/2025`, `tháng 10/2025`, `năm 2025` or `—`. */
export function formatPartialDate(date: PartialDate | null | undefined): string {
  if (!date || date.year === null) return '—';
  const mm = date.month === null ? null : String(date.month).padStart(2, '0');
  if (mm === null) return `năm ${date.year}`;
  if (date.day === null) return `tháng ${mm}/${date.year}`;
  return `${String(date.day).padStart(2, '0')}/${mm}/${date.year}`;
}

const weekdays = ['', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy', 'Chủ nhật'];
const periods: Record<string, string> = {
  daily: 'Hằng ngày',
  weekly: 'Hằng tuần',
  monthly: 'Hằng tháng',
  quarterly: 'Hằng quý',
  half_year: 'Định kỳ 6 tháng',
  yearly: 'Hằng năm',
};

/** A deadline rule from the parser in words, e.g. "Hằng tuần, Thứ tư, trước 16:00". */
export function describeDeadlineRule(rule: Record<string, unknown>): string {
  const time = typeof rule.time === 'string' && rule.time ? `, trước ${rule.time}` : '';
  switch (rule.kind) {
    case 'date':
      return `Hạn ngày ${formatPartialDate(rule.date as PartialDate | null)}${time}`;
    case 'weekly':
      return `Hằng tuần, ${weekdays[Number(rule.weekday)] ?? ''}${time}`;
    case 'periodic':
      return `${periods[String(rule.period)] ?? 'Định kỳ'}${time}`;
    default:
      return 'Thời hạn khác';
  }
}

/** A draft of an implementing directive: being drafted, or issued (then read-only). */
export const draftStatusLabels: Record<'draft' | 'issued', string> = { draft: 'Đang soạn', issued: 'Đã ban hành' };
