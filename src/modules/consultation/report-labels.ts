/** Vietnamese labels of the report's breakdowns and the small-cell rule of exported reports. */
import { channels, contributorGroups, stances, type Channel, type ContributorGroup, type Stance } from '../../platform/db/schema/index.js';

export const CHANNEL_LABELS: Record<Channel, string> = {
  vneid: 'VNeID',
  web: 'Cổng thông tin/biểu mẫu trực tuyến',
  meeting: 'Hội nghị, tọa đàm',
  letter: 'Thư',
  press: 'Báo chí',
  email: 'Thư điện tử',
  other: 'Khác',
};

export const GROUP_LABELS: Record<ContributorGroup, string> = {
  can_bo: 'Cán bộ',
  dang_vien: 'Đảng viên',
  cong_chuc: 'Công chức',
  vien_chuc: 'Viên chức',
  nguoi_lao_dong: 'Người lao động',
  nhan_dan: 'Nhân dân',
  nguoi_vn_o_nuoc_ngoai: 'Người Việt Nam ở nước ngoài',
  khac: 'Khác',
};

export const STANCE_LABELS: Record<Stance, string> = {
  agree: 'Tán thành',
  disagree: 'Không tán thành',
  partial: 'Đồng ý một phần',
  none: 'Không nêu',
};

export const STATUS_LABELS = { submitted: 'Đã gửi', late: 'Gửi muộn', missing: 'Chưa gửi' } as const;

export { channels, contributorGroups, stances };

/** Fewest contributors a published breakdown cell may describe. */
export const MIN_CONTRIBUTORS = 5;
export const SMALL_CELL = '< 5';

/** A figure hidden only so that no "< 5" figure can be worked out from the totals (complementary suppression). */
export const HIDDEN_CELL = 'x';

/**
 * The "< 5" rule of exported reports: a breakdown cell describing 1 to 4 contributors (distinct
 * submissions) shows "< 5" instead of its figure; an empty cell (no contributor) stays 0, since it
 * identifies nobody.
 */
export function maskedCount(value: number, contributors: number): string | number {
  return contributors > 0 && contributors < MIN_CONTRIBUTORS ? SMALL_CELL : value;
}
