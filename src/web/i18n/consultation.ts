import type { ContributorGroup, MeetingInput, PublicStance, StaffSubmissionInput } from '../api/types.js';

/** Vietnamese labels of the consultation intake (public form, staff entry). */

export const contributorGroupLabels: Record<ContributorGroup, string> = {
  can_bo: 'Cán bộ',
  dang_vien: 'Đảng viên',
  cong_chuc: 'Công chức',
  vien_chuc: 'Viên chức',
  nguoi_lao_dong: 'Người lao động',
  nhan_dan: 'Nhân dân',
  nguoi_vn_o_nuoc_ngoai: 'Người Việt Nam ở nước ngoài',
  khac: 'Khác',
};
export const contributorGroupOptions = (Object.keys(contributorGroupLabels) as ContributorGroup[]).map((value) => ({ value, label: contributorGroupLabels[value] }));

/** The stances of the VNeID form. */
export const stanceLabels: Record<PublicStance | 'none', string> = {
  agree: 'Tán thành',
  disagree: 'Không tán thành',
  partial: 'Đồng ý một phần',
  none: 'Không nêu',
};
export const publicStances: PublicStance[] = ['agree', 'disagree', 'partial'];

/** The label of the text box, by stance: a reason is required for "Không tán thành", the text for "Đồng ý một phần". */
export const opinionTextLabels: Record<PublicStance, string> = {
  agree: 'Ý kiến thêm',
  disagree: 'Lý do không tán thành',
  partial: 'Nội dung đồng ý một phần, cần sửa đổi, bổ sung',
};
export const opinionTextRequired: Record<PublicStance, string | null> = {
  agree: null,
  disagree: 'Hãy nêu lý do không tán thành.',
  partial: 'Hãy nêu nội dung cần sửa đổi, bổ sung.',
};

export const staffChannelLabels: Record<StaffSubmissionInput['channel'], string> = {
  letter: 'Thư',
  press: 'Báo chí',
  email: 'Thư điện tử',
  other: 'Kênh khác',
};

export const meetingKindLabels: Record<MeetingInput['kind'], string> = {
  hoi_nghi: 'Hội nghị',
  toa_dam: 'Tọa đàm',
};

export const publicFormText = {
  pageTitle: 'Góp ý dự thảo văn kiện',
  intro: 'Mời bạn đọc dự thảo và gửi ý kiến. Mỗi lượt góp ý có thể gồm nhiều ý kiến về các phần khác nhau.',
  opinion: (n: number) => `Ý kiến ${n}`,
  document: 'Dự thảo',
  section: 'Phần, mục góp ý',
  sectionPlaceholder: 'Toàn văn dự thảo',
  stance: 'Ý kiến của bạn',
  stanceRequired: 'Hãy chọn Tán thành, Không tán thành hoặc Đồng ý một phần.',
  addOpinion: 'Thêm ý kiến',
  removeOpinion: 'Bỏ ý kiến này',
  unit: 'Đơn vị tiếp nhận',
  unitPlaceholder: 'Gõ tên xã, phường, cơ quan… để tìm',
  unitRequired: 'Hãy chọn đơn vị tiếp nhận ý kiến.',
  unitMore: 'Còn nhiều đơn vị khác: gõ thêm để tìm.',
  group: 'Đối tượng góp ý',
  groupRequired: 'Hãy chọn đối tượng góp ý.',
  contactTitle: 'Thông tin liên hệ (không bắt buộc)',
  contactHint: 'Để trống nếu bạn không muốn để lại thông tin liên hệ.',
  name: 'Họ và tên',
  phone: 'Số điện thoại',
  idNumber: 'Số định danh cá nhân/CCCD',
  consent: 'Tôi đồng ý để đơn vị tiếp nhận lưu thông tin liên hệ này để trao đổi về ý kiến góp ý; thông tin không được chuyển lên cấp trên.',
  consentRequired: 'Cần đồng ý để lưu thông tin liên hệ; nếu không, hãy để trống các ô liên hệ.',
  submit: 'Gửi góp ý',
  retryHint: 'Chưa gửi được. Hãy bấm "Gửi góp ý" lần nữa: góp ý sẽ không bị tính hai lần.',
  doneTitle: 'Cảm ơn bạn đã góp ý!',
  done: (n: number) => `Đã ghi nhận ${n} ý kiến. Ý kiến của bạn được chuyển tới đơn vị tiếp nhận để tổng hợp.`,
  again: 'Gửi góp ý khác',
  closedTitle: 'Không mở trang góp ý được',
  opens: 'Nhận góp ý từ',
  closes: 'đến',
};
