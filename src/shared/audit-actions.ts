/**
 * Audit actions and their Vietnamese labels, in ONE place: each module's manifest (module.ts) lists
 * its group as the actions it records, and the web app's audit page shows the labels. Pure constants,
 * no imports (the web app imports this file). A new module adds its group here and names it in its
 * manifest; `src/server/modules.test.ts` fails when a module records an action its group lacks.
 */

/** Recorded by platform itself (own account). */
export const platformAuditActions = {
  'auth.password_change': 'Tự đổi mật khẩu',
  'auth.preferences': 'Đổi cài đặt nhận thông báo',
} as const;

export const orgAuditActions = {
  'unit.create': 'Thêm đơn vị',
  'unit.update': 'Sửa đơn vị',
  'unit.import': 'Nhập danh sách đơn vị từ tệp',
  'user.create': 'Tạo tài khoản',
  'user.update': 'Sửa tài khoản',
  'user.password_reset': 'Đặt lại mật khẩu',
  'grant.add': 'Cấp vai trò',
  'grant.remove': 'Thu hồi vai trò',
} as const;

export const directivesAuditActions = {
  'directive.register': 'Đăng ký văn bản',
  'directive.correct': 'Hiệu chỉnh văn bản',
  'directive.acknowledge': 'Xác nhận đã nhận văn bản',
  'draft.create': 'Tạo dự thảo',
  'draft.update': 'Sửa dự thảo',
  'draft.issue': 'Ban hành dự thảo thành văn bản',
} as const;

export const consultationAuditActions = {
  'consultation.create': 'Mở đợt lấy ý kiến',
  'consultation.update': 'Sửa thời gian, đơn vị tham gia của đợt lấy ý kiến',
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
} as const;

/** Recorded by the campaigns module (kế hoạch tuyên truyền): plans, milestones, activities, tasks done. */
export const campaignsAuditActions = {
  'campaign.create': 'Ban hành kế hoạch tuyên truyền (giao nhiệm vụ cho đơn vị)',
  'campaign.milestone_move': 'Dời mốc thời gian của kế hoạch tuyên truyền',
  'campaign.activity_record': 'Ghi nhật ký hoạt động tuyên truyền',
  'campaign.activity_remove': 'Xóa hoạt động tuyên truyền đã ghi',
  'campaign.activity_file_attach': 'Đính kèm tệp minh chứng hoạt động tuyên truyền',
  'campaign.task_done': 'Đánh dấu hoàn thành nhiệm vụ tuyên truyền',
  'campaign.task_reopen': 'Mở lại nhiệm vụ tuyên truyền',
} as const;

/** Recorded by the reports module (chế độ báo cáo): regimes, reopened reports, imports (filled in by issue 13). */
export const reportsAuditActions = {
  'report_regime.define': 'Ban hành chế độ báo cáo',
  'report_regime.update': 'Sửa chế độ báo cáo',
  'report_regime.archive': 'Lưu trữ chế độ báo cáo',
  'report.import': 'Nhập báo cáo định kỳ từ tệp Excel',
} as const;

/** Recorded by core/period-reports, the submission ledger that report-asking modules share. */
export const periodReportAuditActions = {
  'period_report.submit': 'Gửi báo cáo định kỳ',
  'period_report.return': 'Trả lại báo cáo định kỳ',
  'period_report.approve': 'Phê duyệt báo cáo định kỳ',
  'period_report.reopen': 'Mở lại báo cáo định kỳ đã phê duyệt',
} as const;

/** Filled by the contests module's parts; each action recorded is listed here (modules.test.ts checks). */
export const contestsAuditActions = {
  'contest.define': 'Tạo cuộc thi',
  'contest.update': 'Sửa cuộc thi',
  'contest.round_update': 'Sửa cài đặt vòng thi',
  'contest.question_create': 'Thêm câu hỏi thi',
  'contest.question_update': 'Sửa câu hỏi thi',
  'contest.question_retire': 'Loại câu hỏi thi',
  'contest.questions_import': 'Nhập câu hỏi thi từ tệp',
  'contest.headcount_set': 'Đặt số người của đơn vị',
  'contest_round.close': 'Tổng kết vòng thi (chốt con số chính thức và xếp hạng)',
  'contest_flag.review': 'Xem xét dấu hiệu bất thường của vòng thi',
  'contest_round.confirm': 'Xác nhận kết quả vòng thi',
  'contest.participant_register': 'Đăng ký người dự thi',
} as const;

/** Every group, in the order the audit page's filter lists them. */
export const auditActionGroups: readonly Readonly<Record<string, string>>[] = [
  orgAuditActions,
  platformAuditActions,
  directivesAuditActions,
  consultationAuditActions,
  campaignsAuditActions,
  reportsAuditActions,
  periodReportAuditActions,
  contestsAuditActions,
];
