import type { WeeklyReportStatus } from '../api/types.js';
import { channelLabels as sharedChannelLabels, contributorGroupLabels as sharedGroupLabels, reportStatusLabels as sharedStatusLabels, stanceLabels as sharedStanceLabels } from '../../shared/labels.js';

/** Vietnamese labels of the weekly report's breakdowns: src/shared/labels.ts, the words of the exported DOCX/XLSX. */
export const channelLabels: Record<string, string> = sharedChannelLabels;
export const contributorGroupLabels: Record<string, string> = sharedGroupLabels;
export const stanceLabels: Record<string, string> = sharedStanceLabels;
export const reportStatusLabels: Record<WeeklyReportStatus, string> = sharedStatusLabels;
export const reportStatusColors: Record<WeeklyReportStatus, string> = { submitted: 'green', late: 'orange', missing: 'default', overdue: 'red' };
/** Chart colours matching the tags. */
export const reportStatusChartColors: Record<WeeklyReportStatus, string> = { submitted: '#52c41a', late: '#fa8c16', missing: '#8c8c8c', overdue: '#f5222d' };

export const reportText = {
  pageTitle: 'Tổng hợp góp ý',
  consultation: 'Đợt lấy ý kiến',
  unit: 'Đơn vị',
  week: 'Tuần báo cáo',
  currentWeek: 'tuần hiện tại',
  weeksWithData: 'Tuần có góp ý',
  weeksWithoutData: 'Tuần chưa có góp ý',
  submitLate: 'Gửi báo cáo (muộn)',
  overdueNotice: 'Đã quá hạn gửi báo cáo tuần này: báo cáo vẫn gửi được nhưng sẽ được ghi nhận là gửi muộn.',
  noConsultation: 'Chưa có đợt lấy ý kiến nào.',
  submissions: 'Lượt góp ý',
  opinions: 'Ý kiến',
  cumulative: 'Lũy kế',
  change: 'So với tuần trước',
  perWeek: 'Ý kiến theo tuần',
  byChannel: 'Theo kênh tiếp nhận',
  byDocument: 'Theo dự thảo văn kiện',
  childrenStatus: 'Tình trạng báo cáo của đơn vị trực thuộc',
  children: 'Đơn vị trực thuộc',
  live: 'Số liệu trực tiếp',
  frozen: 'Bản đã gửi',
  submit: 'Gửi báo cáo lên cấp trên',
  submitConfirm: 'Gửi báo cáo tuần lên cấp trên?',
  submitHint: 'Số liệu tại thời điểm gửi được chốt lại; mỗi tuần chỉ gửi một lần.',
  submitted: 'Đã gửi báo cáo tuần',
  /** Shown instead of the button to a user whose role may not submit (a viewer). */
  notSent: 'Đơn vị chưa gửi báo cáo tuần này.',
  downloadDocx: 'Tải DOCX',
  downloadXlsx: 'Tải Excel',
  deadline: 'Hạn gửi',
  late: 'muộn',
  noChildren: 'Đơn vị không có đơn vị trực thuộc.',
  identicalGroups: 'nhóm ý kiến trùng nhau',
} as const;

/** Representative opinions (ý kiến tiêu biểu) on the weekly report page. */
export const representativeText = {
  title: 'Ý kiến tiêu biểu',
  own: 'Ý kiến tiêu biểu của đơn vị',
  children: 'Do đơn vị trực thuộc chọn',
  noOwn: 'Đơn vị chưa chọn ý kiến tiêu biểu nào trong tuần.',
  noChildren: 'Các đơn vị trực thuộc chưa chọn ý kiến tiêu biểu nào.',
  open: 'Chọn ý kiến tiêu biểu',
  pickerTitle: 'Chọn ý kiến tiêu biểu',
  pickerHint: 'Ý kiến do đơn vị và các đơn vị trực thuộc tiếp nhận trong tuần, mới nhất trước. Không hiển thị thông tin liên hệ của người góp ý.',
  pick: 'Chọn',
  picked: 'Đã chọn',
  pickConfirm: 'Chọn làm ý kiến tiêu biểu',
  note: 'Ghi chú (không bắt buộc)',
  notePlaceholder: 'Ví dụ: nhiều ý kiến cùng nội dung; ý kiến có giá trị tham khảo',
  unpick: 'Bỏ chọn',
  unpickConfirm: 'Bỏ ý kiến này khỏi danh sách ý kiến tiêu biểu của đơn vị?',
  carryUp: 'Đưa lên',
  carryUpTitle: 'Đưa ý kiến này thành ý kiến tiêu biểu của đơn vị',
  carriedUp: 'Đã đưa lên',
  pickedDone: 'Đã chọn ý kiến tiêu biểu.',
  carriedDone: 'Đã đưa ý kiến lên danh sách của đơn vị.',
  unpickedDone: 'Đã bỏ chọn.',
  frozen: 'Theo báo cáo đã gửi',
  live: 'Chưa gửi báo cáo — lựa chọn hiện tại',
  locked: 'Báo cáo tuần đã gửi lên cấp trên; danh sách ý kiến tiêu biểu của tuần đã được chốt.',
  readOnly: 'Chỉ biên tập viên của đơn vị được chọn ý kiến tiêu biểu.',
  general: 'Ý kiến chung về dự thảo',
  noText: '(Không có nội dung, chỉ biểu thị ý kiến)',
  receivedAt: 'Tiếp nhận tại',
  pickedBy: 'Đơn vị chọn',
  carriedFrom: 'đưa lên từ',
  allDocuments: 'Tất cả dự thảo',
  allSections: 'Tất cả các mục',
  allStances: 'Mọi loại ý kiến',
  search: 'Tìm trong nội dung (không cần dấu)',
  more: 'Xem thêm',
  searchOn: 'Tìm tiếp',
  searchedFrom: (at: string) => `Đã tìm trong các ý kiến gửi từ ${at} đến cuối tuần; bấm “Tìm tiếp” để tìm trong các ý kiến gửi trước đó.`,
  noCandidates: 'Không có ý kiến nào phù hợp trong tuần.',
} as const;

/** "II.1. Phát triển …", "Mục 7" when the text does not know the reference, or the general heading. */
export function sectionTitle(section: { ref: string; heading: string | null } | null): string {
  if (!section) return representativeText.general;
  return section.heading ? `${section.ref}. ${section.heading}` : `Mục ${section.ref}`;
}

export const stanceColors: Record<string, string> = { agree: 'green', disagree: 'red', partial: 'gold', none: 'default' };
