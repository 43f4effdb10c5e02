/**
 * What each demo unit did in each period (oldest closed period first), and what the units enter
 * besides the pre-filled figures. Deterministic; the dates come from the day the demo is loaded.
 */
import type { IndicatorValue } from '../../../shared/report-form.js';

/** On time; on time then approved; late; returned with a reason and sent again (on time or late); nothing sent. */
export type Scenario = 'onTime' | 'approved' | 'late' | 'returned' | 'returnedLate' | 'missing';

/** Seed 004's weekly regime: four closed weeks. */
export const weeklyScenarios: Record<string, Scenario[]> = {
  'LCU-CB-SVHTTDL': ['approved', 'onTime', 'returned', 'onTime'],
  'LCU-CB-VPUBND': ['approved', 'late', 'missing', 'onTime'],
  'LCU-CB-SKHCN': ['onTime', 'onTime', 'late', 'returned'],
  'LCU-CB-VPSGDDT': ['approved', 'returned', 'onTime', 'late'],
  'LCU-CB-THPTLQD': ['onTime', 'onTime', 'late', 'missing'],
  'LCU-DU-SGDDT': ['approved', 'onTime', 'returnedLate', 'late'],
};
/** Who has already sent the current week's report (before its deadline or not, depending on the day). */
export const weeklyCurrent = ['LCU-CB-SVHTTDL', 'LCU-CB-VPSGDDT'];

/** The Sở VHTTDL's monthly regime (Decree 09 windows): three closed months. */
export const monthlyScenarios: Record<string, Scenario[]> = {
  'LCU-SVHTTDL-VP': ['approved', 'onTime', 'onTime'],
  'LCU-SVHTTDL-QLVH': ['approved', 'returned', 'late'],
  'LCU-SVHTTDL-QLTT': ['onTime', 'late', 'returned'],
  'LCU-SVHTTDL-QLDL': ['late', 'missing', 'missing'],
};
export const monthlyCurrent = ['LCU-SVHTTDL-QLVH'];

export const returnReasons = [
  'Số lượt người tham dự chưa khớp với biên bản hội nghị; đề nghị kiểm tra lại và gửi lại báo cáo.',
  'Thiếu phần hạn chế và nguyên nhân; đề nghị bổ sung trước khi gửi lại.',
];

/** Entered values of the weekly form (party cells and committees): `i` the unit's index, `w` the period's. */
export function weeklyEntered(i: number, w: number): Record<string, IndicatorValue> {
  const meetings = 1 + ((i + w) % 3);
  return {
    HOI_NGHI: meetings,
    THAM_DU: meetings * (18 + ((i * 7 + w * 5) % 20)),
    DANG_VIEN: 24 + i * 9,
    TY_LE_DV: 62 + ((i * 11 + w * 7) % 35),
  };
}

export function weeklyNarrative(name: string, entered: Record<string, IndicatorValue>): string[] {
  return [
    `${name} đã tổ chức ${String(entered.HOI_NGHI)} hội nghị, tọa đàm lấy ý kiến vào dự thảo các văn kiện. Đảng viên tích cực góp ý qua ứng dụng VNeID.`,
    'Một số đảng viên lớn tuổi còn khó khăn khi góp ý qua ứng dụng VNeID.',
    'Đề nghị tiếp tục cung cấp tài liệu tóm tắt dự thảo các văn kiện.',
    'Tiếp tục tổng hợp ý kiến góp ý; đẩy mạnh tuyên truyền trên trang thông tin điện tử của cơ quan.',
  ];
}

/** Entered values of the monthly form, by division (`i`: VP, QLDL, QLTT, QLVH in code order) and month. */
export function monthlyEntered(code: string, m: number): Record<string, IndicatorValue> {
  const culture = code.endsWith('QLVH');
  const sport = code.endsWith('QLTT');
  const tourism = code.endsWith('QLDL');
  return {
    SU_KIEN: (culture ? 4 : 1) + (m % 2),
    GIAI_TT: sport ? 2 + (m % 2) : 0,
    LUOT_KHACH: tourism ? 12_000 + m * 850 : 0,
    KIEM_TRA: culture || tourism ? 1 + (m % 2) : 0,
    HOAN_THANH: 85 + ((code.length * 5 + m * 3) % 15),
  };
}

export function monthlyNarrative(name: string): string[] {
  return [
    `${name} hoàn thành các nhiệm vụ trọng tâm trong tháng theo kế hoạch của Sở.`,
    'Kinh phí tổ chức các hoạt động ở cơ sở còn hạn chế.',
    'Đề nghị Sở bố trí kinh phí cho các hoạt động tuyên truyền lưu động.',
    'Tiếp tục tuyên truyền chào mừng Đại hội Đảng các cấp và các ngày lễ lớn.',
  ];
}
