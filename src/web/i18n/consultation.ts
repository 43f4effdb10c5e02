import type { ContributorGroup, MeetingInput, PublicStance, StaffSubmissionInput } from '../api/types.js';
import { channelLabels as sharedChannelLabels, contributorGroupLabels as sharedGroupLabels, stanceLabels as sharedStanceLabels } from '../../shared/labels.js';

/** Vietnamese labels of the consultation intake (public form, staff entry). */

export const contributorGroupLabels: Record<ContributorGroup, string> = sharedGroupLabels;
export const contributorGroupOptions = (Object.keys(contributorGroupLabels) as ContributorGroup[]).map((value) => ({ value, label: contributorGroupLabels[value] }));

/** The stances of the VNeID form. */
export const stanceLabels: Record<PublicStance | 'none', string> = sharedStanceLabels;
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

/** The channels staff enter by hand; "other" reads "Kênh khác" as a choice in the form. */
export const staffChannelLabels: Record<StaffSubmissionInput['channel'], string> = {
  letter: sharedChannelLabels.letter,
  press: sharedChannelLabels.press,
  email: sharedChannelLabels.email,
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
  readSection: 'Đọc nội dung phần này',
  readDocument: 'Đọc toàn văn dự thảo',
  readerEmpty: 'Dự thảo này chưa có nội dung để đọc trên biểu mẫu.',
  readerClose: 'Đóng',
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

/** Every stance staff may record (letters, press, e-mail, minutes): the VNeID three and "Không nêu". */
export const staffStances: (PublicStance | 'none')[] = ['agree', 'disagree', 'partial', 'none'];
export const opinionTextLabelsAll: Record<PublicStance | 'none', string> = { ...opinionTextLabels, none: 'Nội dung ý kiến' };
export const opinionTextRequiredAll: Record<PublicStance | 'none', string | null> = { ...opinionTextRequired, none: 'Hãy nhập nội dung ý kiến.' };

export const channelLabels: Record<StaffSubmissionInput['channel'] | 'vneid' | 'web' | 'meeting', string> = sharedChannelLabels;

/** The staff intake page ("Tiếp nhận góp ý"). */
export const intakeText = {
  pageTitle: 'Tiếp nhận góp ý',
  navLabel: 'Tiếp nhận góp ý',
  intro: 'Nhập các góp ý đơn vị nhận được qua thư, báo chí, thư điện tử và biên bản hội nghị, tọa đàm.',
  consultation: 'Đợt lấy ý kiến',
  unit: 'Đơn vị tiếp nhận',
  unitPlaceholder: 'Chọn đơn vị bạn được nhập liệu',
  noConsultation: 'Chưa có đợt lấy ý kiến nào.',
  noEditableUnit: 'Bạn chưa được giao quyền nhập liệu ở đơn vị nào. Hãy liên hệ quản trị viên đơn vị.',
  closed: (when: string) => `Đợt lấy ý kiến đã kết thúc lúc ${when}: chỉ nhập các góp ý nhận được trước thời điểm đó.`,
  tabLetters: 'Thư, báo chí, thư điện tử',
  tabMeetings: sharedChannelLabels.meeting,
  channel: 'Kênh tiếp nhận',
  receivedAt: 'Ngày giờ nhận (giờ Việt Nam)',
  receivedAtRequired: 'Hãy chọn ngày giờ nhận.',
  group: 'Đối tượng góp ý',
  groupRequired: 'Hãy chọn đối tượng góp ý.',
  /** Staff record someone else's opinion: the form speaks of the contributor, never "của bạn". */
  stance: 'Ý kiến của người góp ý',
  contactTitle: 'Thông tin liên hệ (không bắt buộc)',
  contactPrivacy:
    'Thông tin liên hệ được mã hóa, chỉ lưu tại đơn vị tiếp nhận, không chuyển lên cấp trên và tự động xóa khi hết thời hạn lưu giữ.',
  contactConsent: 'Người góp ý đã đồng ý để đơn vị tiếp nhận lưu thông tin liên hệ này.',
  contactConsentRequired: 'Cần xác nhận người góp ý đã đồng ý; nếu không, hãy để trống các ô liên hệ.',
  saveLetter: 'Lưu góp ý',
  meetingKind: 'Hình thức',
  meetingTitle: 'Tên hội nghị, tọa đàm',
  meetingTitleRequired: 'Hãy nhập tên hội nghị, tọa đàm.',
  heldAt: 'Thời gian tổ chức (giờ Việt Nam)',
  heldAtRequired: 'Hãy chọn thời gian tổ chức.',
  attendees: 'Số người dự',
  attendeesRequired: 'Hãy nhập số người dự (ít nhất 1).',
  meetingGroup: 'Thành phần dự chủ yếu',
  minutesTitle: 'Các ý kiến ghi trong biên bản',
  saveMeeting: 'Lưu biên bản',
  saved: (opinions: number) => `Đã ghi nhận một lượt góp ý gồm ${opinions} ý kiến.`,
  retryHint: 'Chưa lưu được. Hãy bấm lưu lần nữa: góp ý sẽ không bị tính hai lần.',
  recentTitle: 'Góp ý đơn vị đã tiếp nhận gần đây',
  recentEmpty: 'Đơn vị chưa tiếp nhận góp ý nào trong đợt này.',
  more: 'Xem thêm',
  opinions: (n: number) => `${n} ý kiến`,
  moreOpinions: (n: number) => `… và ${n} ý kiến khác`,
  enteredBy: 'Người nhập',
  selfSubmitted: 'Người góp ý tự gửi',
  receivedOn: 'Nhập lúc',
  attendeesCount: (n: number) => `${n} người dự`,
  wholeDocument: 'Toàn văn',
  viewContact: 'Xem thông tin liên hệ',
  viewContactConfirmTitle: 'Xem thông tin liên hệ của người góp ý?',
  viewContactConfirm: 'Việc xem được ghi vào nhật ký thao tác (ai xem, lúc nào). Chỉ dùng thông tin này để trao đổi với người góp ý về ý kiến của họ.',
  viewContactOk: 'Xem và ghi nhật ký',
  contactErased: 'Đã xóa theo thời hạn lưu giữ',
  contactEmpty: 'Không ghi',
  contactName: 'Họ và tên',
  contactPhone: 'Số điện thoại',
  contactIdNumber: 'Số định danh/CCCD',
  hasContact: 'Có thông tin liên hệ',
};
