import { auditActionGroups } from '../../shared/audit-actions.js';

/** Labels of every audit action, from src/shared (each module's group, listed by its manifest). */
export const auditActionLabels: Record<string, string> = Object.assign({}, ...auditActionGroups);

export function auditActionLabel(action: string): string {
  return auditActionLabels[action] ?? action;
}

export const auditActionOptions = Object.entries(auditActionLabels).map(([value, label]) => ({ value, label }));

export const entityTypeLabels: Record<string, string> = {
  unit: 'Đơn vị',
  user: 'Tài khoản',
  role_grant: 'Vai trò được giao',
  unit_file: 'Tệp đơn vị',
  directive: 'Văn bản',
  directive_draft: 'Dự thảo',
  consultation: 'Đợt lấy ý kiến',
  consultation_document: 'Dự thảo lấy ý kiến',
  submission: 'Lượt góp ý',
  submission_contact: 'Thông tin liên hệ người góp ý',
  weekly_report: 'Báo cáo tổng hợp tuần',
  representative_opinion: 'Ý kiến tiêu biểu',
  period_report_submission: 'Báo cáo định kỳ đã gửi',
  campaign: 'Kế hoạch tuyên truyền',
  campaign_task: 'Nhiệm vụ tuyên truyền',
  report_regime: 'Chế độ báo cáo',
  contest_participant: 'Người dự thi',
  contest: 'Cuộc thi',
  contest_round: 'Vòng thi',
  contest_question: 'Câu hỏi thi',
  unit_headcount: 'Số người của đơn vị',
  contest_flag: 'Dấu hiệu bất thường của vòng thi',
};

export function entityTypeLabel(entityType: string): string {
  return entityTypeLabels[entityType] ?? entityType;
}

/** Vietnamese names of the fields that appear in before/after snapshots. */
export const fieldLabels: Record<string, string> = {
  id: 'Mã số',
  code: 'Mã',
  name: 'Tên',
  kind: 'Loại',
  abbreviation: 'Tên viết tắt',
  parentId: 'Đơn vị cấp trên (mã số)',
  sortOrder: 'Thứ tự',
  activeFrom: 'Hiệu lực từ',
  activeTo: 'Hiệu lực đến',
  username: 'Tên đăng nhập',
  fullName: 'Họ và tên',
  email: 'Thư điện tử',
  homeUnitId: 'Đơn vị công tác (mã số)',
  isActive: 'Đang hoạt động',
  lockedUntil: 'Khóa đến',
  role: 'Vai trò',
  unitId: 'Đơn vị (mã số)',
  userId: 'Tài khoản (mã số)',
  created: 'Số đơn vị thêm mới',
  updated: 'Số đơn vị cập nhật',
  unchanged: 'Số đơn vị không đổi',
  createdAt: 'Tạo lúc',
  updatedAt: 'Cập nhật lúc',
  subjectKind: 'Loại báo cáo',
  subjectId: 'Đối tượng báo cáo (mã số)',
  periodKey: 'Kỳ báo cáo',
  version: 'Lần gửi',
  late: 'Gửi sau hạn',
  state: 'Trạng thái',
  returnReason: 'Lý do trả lại',
};

export function fieldLabel(key: string): string {
  return fieldLabels[key] ?? key;
}
