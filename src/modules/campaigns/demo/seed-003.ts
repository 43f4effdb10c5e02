import type { CampaignInput } from '../schemas-write.js';

/**
 * Seed 003 (Lai Châu, kế hoạch tuyên truyền đại hội đảng bộ các cấp, Đại hội XV Đảng bộ tỉnh và Đại
 * hội XIV của Đảng) as its reviewed structure, dated around `day(0)` = the day the demo is loaded:
 * Đợt 1 ended with the provincial congress 23 days ago, Đợt 2 runs to the national congress in 40
 * days, Đợt 3 follows it. Units are named by code (resolved when loading).
 */
type Assignment = CampaignInput['assignments'][number];
const blank = { leadUnitId: null, coordinatingUnitIds: [], phaseKey: null, deadline: null, themeKeys: [], channels: [], expectedOutputs: [] };
const assignment = (a: Partial<Assignment> & Pick<Assignment, 'text' | 'unitsAsWritten' | 'unitIds'>): Assignment => ({ ...blank, ...a });

export function seed003Plan(day: (offset: number) => string, unit: (code: string) => number | undefined): CampaignInput {
  const ids = (...codes: string[]) => codes.map(unit).filter((id): id is number => id !== undefined);
  return {
    ownerUnitId: unit('LCU-TU') as number,
    title: 'Kế hoạch tuyên truyền đại hội đảng bộ các cấp, Đại hội Đảng bộ tỉnh lần thứ XV và Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
    purpose:
      'Tăng cường công tác thông tin tuyên truyền, phổ biến sâu rộng nhằm nâng cao nhận thức trong cán bộ, đảng viên và các tầng lớp Nhân dân trên địa bàn tỉnh về ý nghĩa, tầm quan trọng của Đại hội.\nThông qua các hoạt động tuyên truyền tạo thành đợt sinh hoạt chính trị sâu rộng trong toàn Đảng bộ và toàn xã hội.',
    requirements:
      'Nội dung, hình thức, cách thức thông tin, tuyên truyền phải bám sát các văn bản chỉ đạo của Trung ương, của Tỉnh ủy, của Ủy ban nhân dân tỉnh; có trọng tâm, trọng điểm.\nCác hoạt động tuyên truyền thiết thực, hiệu quả, không phô trương, hình thức; tăng cường ứng dụng công nghệ thông tin.',
    sourceReference:
      'Thực hiện Kế hoạch số 37-KH/BTGDVTU ngày 30/6/2025 của Ban Tuyên giáo và Dân vận Tỉnh ủy về tuyên truyền đại hội đảng bộ các cấp, Đại hội Đảng bộ tỉnh lần thứ XV và Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.',
    ...seed003Times(day),
    themes: seed003Themes(),
    channels: seed003Channels(),
    assignments: [
      assignment({
        text: 'Căn cứ chức năng, nhiệm vụ tổ chức triển khai thực hiện các nội dung tại mục II Kế hoạch này; tăng cường công tác tuyên truyền đến đảng viên, công chức, viên chức, người lao động và Nhân dân.',
        unitsAsWritten: 'Sở Văn hóa, Thể thao và Du lịch',
        unitIds: ids('LCU-SVHTTDL'),
        phaseKey: 'd2',
        deadline: { kind: 'recurring', every: 'month', phaseKey: 'd2' },
        themeKeys: ['t5', 't6', 't7'],
        channels: ['meetings', 'visual_displays'],
        expectedOutputs: [{ kind: 'sessions', quantity: 4 }],
      }),
      assignment({
        text: 'Bám sát nội dung tuyên truyền, xây dựng kế hoạch và tổ chức triển khai thực hiện hiệu quả; dành dung lượng, thời lượng hợp lý, biên tập, đăng tải bài viết chào mừng Đại hội Đảng bộ tỉnh lần thứ XV.',
        unitsAsWritten: 'Báo và Phát thanh, Truyền hình Lai Châu, Cổng thông tin điện tử tỉnh',
        unitIds: ids('LCU-BPTTH', 'LCU-CTTDT'),
        phaseKey: 'd1',
        deadline: { kind: 'phase_end', phaseKey: 'd1' },
        themeKeys: ['t1', 't2', 't3'],
        channels: ['press'],
        expectedOutputs: [{ kind: 'articles', quantity: 20 }],
      }),
      assignment({
        text: 'Chỉ đạo các chi hội trực thuộc khuyến khích, động viên hội viên tích cực sáng tác các tác phẩm báo chí, văn học nghệ thuật tuyên truyền về đại hội đảng bộ các cấp; tổ chức các cuộc thi sáng tác.',
        unitsAsWritten: 'Hội Văn học - Nghệ thuật tỉnh',
        unitIds: ids('LCU-HVHNT'),
        deadline: { kind: 'date', date: day(15) },
        channels: ['contests'],
        expectedOutputs: [{ kind: 'contest_entries', quantity: 30 }],
      }),
      assignment({
        text: 'Căn cứ nội dung tuyên truyền chủ động phối hợp, tăng cường tin, bài, phóng sự tuyên truyền về đại hội đảng bộ các cấp.',
        unitsAsWritten: 'Các cơ quan báo chí Trung ương thường trú tại tỉnh',
        unitIds: [],
        phaseKey: 'd2',
      }),
      assignment({
        text: 'Tổ chức tuyên truyền trên trang/cổng thông tin điện tử, bản tin, ấn phẩm và các hình thức truyền thông khác của cơ quan, đơn vị; thực hiện tốt công tác phát ngôn và cung cấp thông tin cho báo chí.',
        unitsAsWritten: 'Các sở, ngành trên địa bàn tỉnh',
        unitIds: ids('LCU-SVHTTDL'),
        phaseKey: 'd2',
        // Due within the week: the Department's editor (bientap.vhttdl) finds it on the home page.
        deadline: { kind: 'date', date: day(6) },
        channels: ['press'],
      }),
      assignment({
        text: 'Chỉ đạo các cơ quan chuyên môn đẩy mạnh tuyên truyền trên hệ thống truyền thanh cơ sở, trang thông tin điện tử, mạng xã hội của địa phương; tổ chức tuyên truyền trực quan, chương trình biểu diễn nghệ thuật chào mừng Đại hội.',
        unitsAsWritten: 'UBND các xã, phường',
        unitIds: ids('LCU-P-TANPHONG', 'LCU-P-DOANKET', 'LCU-X-TAMDUONG', 'LCU-X-SINHO', 'LCU-X-PHONGTHO'),
        phaseKey: 'd2',
        deadline: { kind: 'phase_end', phaseKey: 'd2' },
        themeKeys: ['t5', 't6', 't7'],
        channels: ['loudspeakers', 'visual_displays', 'performances'],
        expectedOutputs: [
          { kind: 'loudspeaker_broadcasts', quantity: 20 },
          { kind: 'displays', quantity: 10 },
        ],
      }),
    ],
  };
}

function seed003Themes(): CampaignInput['themes'] {
  return [
    { key: 't1', phaseKey: 'd1', title: 'Lịch sử và truyền thống vẻ vang của Đảng Cộng sản Việt Nam; Đảng bộ tỉnh Lai Châu (từ năm 1949 đến nay)' },
    { key: 't2', phaseKey: 'd1', title: 'Nội dung Chỉ thị số 45-CT/TW ngày 14/4/2025 của Bộ Chính trị về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng' },
    { key: 't3', phaseKey: 'd1', title: 'Nội dung cơ bản của các dự thảo văn kiện đại hội đảng bộ các cấp, Đại hội XV Đảng bộ tỉnh và Đại hội XIV của Đảng' },
    { key: 't4', phaseKey: 'd1', title: 'Các phong trào thi đua yêu nước, các công trình chào mừng đại hội đảng bộ các cấp' },
    { key: 't5', phaseKey: 'd2', title: 'Các hoạt động chào mừng thành công Đại hội XV Đảng bộ tỉnh; thông tin nhanh kết quả Đại hội' },
    { key: 't6', phaseKey: 'd2', title: 'Các dự thảo văn kiện trình Đại hội XIV của Đảng; ý kiến đóng góp của cán bộ, đảng viên và các tầng lớp nhân dân' },
    { key: 't7', phaseKey: 'd2', title: 'Ý nghĩa, tầm quan trọng của Đại hội XIV của Đảng; chủ đề, phương châm của Đại hội' },
    { key: 't8', phaseKey: 'd3', title: 'Thông tin nhanh kết quả Đại hội XIV của Đảng; Nghị quyết và nội dung các văn kiện được thông qua tại Đại hội' },
    { key: 't9', phaseKey: 'd3', title: 'Hội nghị nghiên cứu, học tập, quán triệt, triển khai thực hiện nghị quyết Đại hội XIV của Đảng' },
    { key: 't10', phaseKey: null, title: 'Đấu tranh, phản bác các thông tin, quan điểm sai trái, thù địch lợi dụng việc góp ý vào các văn kiện đại hội' },
  ];
}

function seed003Channels(): CampaignInput['channels'] {
  return [
    { channel: 'press', text: 'Tuyên truyền trên các phương tiện thông tin đại chúng, cổng/trang thông tin điện tử và trên nền tảng số, mạng xã hội' },
    { channel: 'meetings', text: 'Tuyên truyền trong sinh hoạt thường kỳ của chi bộ, cơ quan, đơn vị; họp thôn, bản, tổ dân phố' },
    { channel: 'visual_displays', text: 'Tuyên truyền cổ động trực quan: pano, áp phích, băng rôn, bảng điện tử, màn hình led' },
    { channel: 'contests', text: 'Tổ chức các cuộc thi viết, trắc nghiệm trực tuyến tìm hiểu về các kỳ Đại hội Đảng' },
  ];
}

function seed003Times(day: (offset: number) => string): Pick<CampaignInput, 'milestones' | 'phases'> {
  return {
    milestones: [
      { key: 'dh-tinh', title: 'Đại hội Đảng bộ tỉnh lần thứ XV', startsAt: day(-25), endsAt: day(-23) },
      { key: 'dh-xiv', title: 'Đại hội đại biểu toàn quốc lần thứ XIV của Đảng', startsAt: day(40), endsAt: day(44) },
    ],
    phases: [
      {
        key: 'd1',
        title: 'Đợt 1. Từ nay đến thời điểm hoàn thành đại hội các đảng bộ trực thuộc tỉnh, trước và trong Đại hội Đảng bộ tỉnh lần thứ XV',
        starts: { kind: 'date', date: day(-90) },
        ends: { kind: 'milestone', milestoneKey: 'dh-tinh', edge: 'end' },
      },
      {
        key: 'd2',
        title: 'Đợt 2. Từ sau Đại hội Đảng bộ tỉnh lần thứ XV đến Đại hội XIV của Đảng',
        starts: { kind: 'milestone', milestoneKey: 'dh-tinh', edge: 'end' },
        ends: { kind: 'milestone', milestoneKey: 'dh-xiv', edge: 'end' },
      },
      { key: 'd3', title: 'Đợt 3. Sau khi bế mạc Đại hội XIV của Đảng', starts: { kind: 'milestone', milestoneKey: 'dh-xiv', edge: 'end' }, ends: { kind: 'date', date: day(120) } },
    ],
  };
}
