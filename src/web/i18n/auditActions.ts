export const auditActionLabels: Record<string, string> = {
  'unit.create': 'Thêm đơn vị',
  'unit.update': 'Sửa đơn vị',
  'unit.import': 'Nhập danh sách đơn vị từ tệp',
  'user.create': 'Tạo tài khoản',
  'user.update': 'Sửa tài khoản',
  'user.password_reset': 'Đặt lại mật khẩu',
  'grant.add': 'Cấp vai trò',
  'grant.remove': 'Thu hồi vai trò',
  'auth.password_change': 'Tự đổi mật khẩu',
  'directive.register': 'Đăng ký văn bản',
  'directive.correct': 'Hiệu chỉnh văn bản',
  'directive.acknowledge': 'Xác nhận đã nhận văn bản',
  'draft.create': 'Tạo dự thảo',
  'draft.update': 'Sửa dự thảo',
  'consultation.create': 'Mở đợt lấy ý kiến',
  'consultation.document_text': 'Nạp nội dung dự thảo',
  'consultation.import': 'Nhập ý kiến góp ý từ tệp',
  'consultation.submission_receive': 'Tiếp nhận góp ý qua biểu mẫu công khai',
  'consultation.submission_enter': 'Nhập góp ý (thư, báo chí, thư điện tử)',
  'consultation.meeting_record': 'Ghi ý kiến hội nghị, tọa đàm',
  'consultation.contact_view': 'Xem thông tin liên hệ người góp ý',
  'consultation.contact_erase': 'Xóa thông tin liên hệ hết thời hạn lưu giữ',
  'consultation.report_submit': 'Gửi báo cáo tổng hợp tuần',
  'consultation.representative_pick': 'Chọn ý kiến tiêu biểu',
  'consultation.representative_unpick': 'Bỏ chọn ý kiến tiêu biểu',
  'consultation.representative_carry_up': 'Đưa ý kiến tiêu biểu lên cấp trên',
  'consultation.figures_rebuild': 'Tính lại số liệu tổng hợp',
  'period_report.submit': 'Gửi báo cáo định kỳ',
  'period_report.return': 'Trả lại báo cáo định kỳ',
  'period_report.approve': 'Phê duyệt báo cáo định kỳ',
};

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
  late: 'Quá hạn',
  state: 'Trạng thái',
  returnReason: 'Lý do trả lại',
};

export function fieldLabel(key: string): string {
  return fieldLabels[key] ?? key;
}
