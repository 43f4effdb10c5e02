import type { WeeklyReportStatus } from '../api/types.js';

/** Vietnamese labels of the weekly report's breakdowns (the same words as the exported DOCX/XLSX). */
export const channelLabels: Record<string, string> = {
  vneid: 'VNeID',
  web: 'Cổng thông tin/biểu mẫu trực tuyến',
  meeting: 'Hội nghị, tọa đàm',
  letter: 'Thư',
  press: 'Báo chí',
  email: 'Thư điện tử',
  other: 'Khác',
};

export const contributorGroupLabels: Record<string, string> = {
  can_bo: 'Cán bộ',
  dang_vien: 'Đảng viên',
  cong_chuc: 'Công chức',
  vien_chuc: 'Viên chức',
  nguoi_lao_dong: 'Người lao động',
  nhan_dan: 'Nhân dân',
  nguoi_vn_o_nuoc_ngoai: 'Người Việt Nam ở nước ngoài',
  khac: 'Khác',
};

export const stanceLabels: Record<string, string> = {
  agree: 'Tán thành',
  disagree: 'Không tán thành',
  partial: 'Đồng ý một phần',
  none: 'Không nêu',
};

export const reportStatusLabels: Record<WeeklyReportStatus, string> = { submitted: 'Đã gửi', late: 'Gửi muộn', missing: 'Chưa gửi' };
export const reportStatusColors: Record<WeeklyReportStatus, string> = { submitted: 'green', late: 'orange', missing: 'red' };
/** Chart colours matching the tags. */
export const reportStatusChartColors: Record<WeeklyReportStatus, string> = { submitted: '#52c41a', late: '#fa8c16', missing: '#f5222d' };

export const reportText = {
  pageTitle: 'Tổng hợp góp ý',
  consultation: 'Đợt lấy ý kiến',
  unit: 'Đơn vị',
  week: 'Tuần báo cáo',
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
  downloadDocx: 'Tải DOCX',
  downloadXlsx: 'Tải Excel',
  deadline: 'Hạn gửi',
  late: 'muộn',
  noChildren: 'Đơn vị không có đơn vị trực thuộc.',
  identicalGroups: 'nhóm ý kiến trùng nhau',
} as const;
