/**
 * Vietnamese labels that server exports (DOCX, XLSX, CSV) and web pages both show — in ONE place.
 * Pure constants, no imports: the web app imports this file as well as the server. The keys are
 * the database's enum values (checked against the schema on the server side).
 */

export const unitKindLabels = {
  central: 'Cơ quan Trung ương',
  party_committee: 'Cấp ủy đảng',
  party_board: 'Ban của cấp ủy',
  party_cell: 'Chi bộ',
  people_committee: 'Ủy ban nhân dân',
  department: 'Sở, ban, ngành',
  commune: 'Xã, phường',
  press: 'Cơ quan báo chí',
  portal: 'Cổng thông tin điện tử',
  mass_org: 'Tổ chức chính trị - xã hội',
  other: 'Khác',
} as const;

/** The channels an opinion arrives by. */
export const channelLabels = {
  vneid: 'VNeID',
  web: 'Cổng thông tin/biểu mẫu trực tuyến',
  meeting: 'Hội nghị, tọa đàm',
  letter: 'Thư',
  press: 'Báo chí',
  email: 'Thư điện tử',
  other: 'Khác',
} as const;

/** Who gave an opinion (the groups of the VNeID form). */
export const contributorGroupLabels = {
  can_bo: 'Cán bộ',
  dang_vien: 'Đảng viên',
  cong_chuc: 'Công chức',
  vien_chuc: 'Viên chức',
  nguoi_lao_dong: 'Người lao động',
  nhan_dan: 'Nhân dân',
  nguoi_vn_o_nuoc_ngoai: 'Người Việt Nam ở nước ngoài',
  khac: 'Khác',
} as const;

/** An opinion's stance on a draft. */
export const stanceLabels = {
  agree: 'Tán thành',
  disagree: 'Không tán thành',
  partial: 'Đồng ý một phần',
  none: 'Không nêu',
} as const;

/** A unit's report for a period: submitted on time, late, not yet (before its deadline), or overdue (deadline passed, nothing sent). */
export const reportStatusLabels = {
  submitted: 'Đã gửi',
  late: 'Gửi muộn',
  missing: 'Chưa gửi',
  overdue: 'Quá hạn',
} as const;

/**
 * Periodic reports (the reports module): one table each for the web pages and the files the server
 * writes (DOCX, XLSX), so a clerk reads the same words on screen and on paper.
 */
export const reportTimelinessLabels = { onTime: 'Đúng hạn', late: reportStatusLabels.late, missing: 'Chưa báo cáo' } as const;

/** The review of a sent version of a periodic report. */
export const reportReviewLabels = { submitted: reportStatusLabels.submitted, returned: 'Bị trả lại', approved: 'Đã phê duyệt' } as const;

/** The types of a report form's indicators (src/shared/report-form.ts `indicatorTypes`). */
export const indicatorTypeLabels = { integer: 'Số nguyên', decimal: 'Số thập phân', percentage: 'Tỷ lệ (%)', yesno: 'Có/Không', text: 'Văn bản' } as const;

/** Đối tượng dự thi of a contest participant (keys: contests module `participantGroups`). */
export const participantGroupLabels = {
  'can-bo': 'Cán bộ',
  'dang-vien': 'Đảng viên',
  'cong-chuc': 'Công chức',
  'vien-chuc': 'Viên chức',
  'nguoi-lao-dong': 'Người lao động',
  'doan-vien-hoi-vien': 'Đoàn viên, hội viên',
  'hoc-sinh-sinh-vien': 'Học sinh, sinh viên',
  'nhan-dan': 'Nhân dân',
  'nguoi-viet-nam-o-nuoc-ngoai': 'Người Việt Nam ở nước ngoài',
} as const;

/** Độ khó of a contest question. */
export const difficultyLabels = { easy: 'Dễ', medium: 'Trung bình', hard: 'Khó' } as const;

/** Câu hỏi dự đoán of a round. */
export const predictionKindLabels = { 'perfect-scores': 'Số người trả lời đúng tất cả câu hỏi', attempts: 'Số lượt dự thi' } as const;

/** Suspicious patterns flagged after a round closes. */
export const contestFlagLabels = {
  'fast-perfect': 'Điểm tuyệt đối trong thời gian ngắn bất thường',
  'identical-answers': 'Chuỗi đáp án giống hệt nhau giữa nhiều người',
  'shared-client': 'Nhiều người dự thi từ cùng một địa chỉ',
} as const;

/**
 * Flags of a question in a round's item statistics (contests module, statistics/): facility above
 * 95 % tells the organiser nothing; a negative discrimination index points to a wrong key or an
 * ambiguous question.
 */
export const itemStatisticFlagLabels = {
  'too-easy': 'Quá dễ: trên 95% người dự thi trả lời đúng',
  'negative-discrimination': 'Độ phân biệt âm: có thể sai đáp án hoặc câu hỏi mơ hồ',
} as const;
