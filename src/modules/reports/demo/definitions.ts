/**
 * The demo's two report regimes (issue 13, item 10), as `lantoa reports define` JSON would write them.
 * Weekly (seed 004): the Đảng ủy UBND tỉnh Lai Châu asks its party cells and grassroots committees
 * for the week's results of the consultation on the 14th Congress documents, cut-off Wednesday 16:00
 * ("trình Đảng ủy trước 16h00' Thứ tư hằng tuần"); three levels — cells by Monday 16:00 (to the
 * Đảng bộ Sở GD&ĐT or straight to the Đảng ủy), the Đảng bộ Sở GD&ĐT by Tuesday 16:00 — one
 * working day between levels. Monthly (Decree 09/2019): the Sở VHTTDL Lai Châu's divisions by the
 * 16th of the month the window closes in.
 */
import type { RegimeDefinitionInput } from '../schemas-regimes.js';

export const WEEKLY_CODE = 'DUUBND-DH14-TUAN';
export const MONTHLY_CODE = 'SVHTTDL-THANG';

export const weeklyDefinition: RegimeDefinitionInput = {
  code: WEEKLY_CODE,
  name: 'Báo cáo tuần kết quả tuyên truyền, lấy ý kiến góp ý vào dự thảo các văn kiện trình Đại hội XIV của Đảng',
  issuerUnit: 'LCU-DU-UBND',
  type: 'periodic',
  frequency: { kind: 'weekly', weekday: 'wednesday', time: '16:00' },
  reportingUnitKinds: ['party_cell', 'party_committee'],
  deadlines: [
    { unitKinds: ['party_cell'], weekday: 'monday', time: '16:00' },
    { unitKinds: ['party_committee'], weekday: 'tuesday', time: '16:00' },
  ],
  form: {
    sections: [
      {
        title: 'I. Tổ chức lấy ý kiến góp ý',
        indicators: [
          { code: 'HOI_NGHI', label: 'Hội nghị, tọa đàm lấy ý kiến đã tổ chức', unitOfMeasure: 'cuộc', type: 'integer', aggregation: 'sum', required: true, min: 0 },
          { code: 'THAM_DU', label: 'Lượt người tham dự hội nghị, tọa đàm', unitOfMeasure: 'lượt người', type: 'integer', aggregation: 'sum', required: true, min: 0 },
          { code: 'LUOT_GOP_Y', label: 'Lượt góp ý đã tiếp nhận', unitOfMeasure: 'lượt', type: 'integer', aggregation: 'sum', min: 0, prefill: 'consultation.submissions' },
          { code: 'Y_KIEN', label: 'Ý kiến góp ý vào dự thảo văn kiện', unitOfMeasure: 'ý kiến', type: 'integer', aggregation: 'sum', min: 0, prefill: 'consultation.opinions' },
          { code: 'DANG_VIEN', label: 'Số đảng viên của chi, đảng bộ', unitOfMeasure: 'người', type: 'integer', aggregation: 'sum', min: 0 },
          { code: 'TY_LE_DV', label: 'Tỷ lệ đảng viên tham gia góp ý', unitOfMeasure: '%', type: 'percentage', aggregation: 'weighted-average', weightBy: 'DANG_VIEN' },
        ],
      },
      {
        title: 'II. Tuyên truyền',
        indicators: [
          { code: 'HOAT_DONG', label: 'Hoạt động tuyên truyền theo kế hoạch', unitOfMeasure: 'hoạt động', type: 'integer', aggregation: 'sum', min: 0, prefill: 'campaigns.activities' },
          { code: 'TIN_BAI', label: 'Tin, bài tuyên truyền trên trang, cổng thông tin điện tử', unitOfMeasure: 'tin, bài', type: 'integer', aggregation: 'sum', min: 0, prefill: 'campaigns.quantity.articles' },
        ],
      },
    ],
    relations: [{ left: 'THAM_DU', op: '>=', right: 'HOI_NGHI', message: 'Số lượt người tham dự không được ít hơn số hội nghị, tọa đàm' }],
    outline: ['Kết quả', 'Hạn chế và nguyên nhân', 'Đề xuất, kiến nghị', 'Nhiệm vụ tuần tới'],
  },
};

export const monthlyDefinition: RegimeDefinitionInput = {
  code: MONTHLY_CODE,
  name: 'Báo cáo tháng kết quả công tác văn hóa, thể thao và du lịch',
  issuerUnit: 'LCU-SVHTTDL',
  type: 'periodic',
  frequency: { kind: 'monthly' },
  reportingUnitKinds: ['other'],
  deadlines: [{ unitKinds: ['other'], day: 16, time: '17:00' }],
  form: {
    sections: [
      {
        title: 'I. Văn hóa, thể thao và du lịch',
        indicators: [
          { code: 'SU_KIEN', label: 'Sự kiện, chương trình văn hóa, nghệ thuật đã tổ chức', unitOfMeasure: 'sự kiện', type: 'integer', aggregation: 'sum', required: true, min: 0 },
          { code: 'GIAI_TT', label: 'Giải thể thao tổ chức, phối hợp tổ chức', unitOfMeasure: 'giải', type: 'integer', aggregation: 'sum', min: 0 },
          { code: 'LUOT_KHACH', label: 'Lượt khách du lịch', unitOfMeasure: 'lượt', type: 'integer', aggregation: 'sum', min: 0 },
          { code: 'KIEM_TRA', label: 'Cuộc kiểm tra, thanh tra chuyên ngành', unitOfMeasure: 'cuộc', type: 'integer', aggregation: 'sum', min: 0 },
        ],
      },
      {
        title: 'II. Tuyên truyền và nhiệm vụ',
        indicators: [
          { code: 'HOAT_DONG', label: 'Hoạt động tuyên truyền theo kế hoạch', unitOfMeasure: 'hoạt động', type: 'integer', aggregation: 'sum', min: 0, prefill: 'campaigns.activities' },
          { code: 'HOAN_THANH', label: 'Tỷ lệ nhiệm vụ trong tháng đã hoàn thành', unitOfMeasure: '%', type: 'percentage', aggregation: 'min', min: 0, max: 100 },
        ],
      },
    ],
    relations: [],
    outline: ['Kết quả thực hiện nhiệm vụ', 'Hạn chế, nguyên nhân', 'Đề xuất, kiến nghị', 'Nhiệm vụ tháng tới'],
  },
};
