import type { CampaignInput } from '../schemas-write.js';

/**
 * Seed 002 (Lào Cai, thông tin đối ngoại về Đại hội XIV) as its reviewed structure, confirmed by the
 * province's people's committee: before / during / after the Congress, dated around `day(0)`; the
 * communes' reports were due three days ago.
 */
export function seed002Plan(day: (offset: number) => string, unit: (code: string) => number | undefined): CampaignInput {
  const ids = (...codes: string[]) => codes.map(unit).filter((id): id is number => id !== undefined);
  const base = { leadUnitId: null, coordinatingUnitIds: [], themeKeys: [], expectedOutputs: [] };
  return {
    ownerUnitId: unit('LCA-UBND') as number,
    title: 'Kế hoạch tuyên truyền, thông tin đối ngoại về Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
    purpose: 'Triển khai công tác tuyên truyền, thông tin đối ngoại về Đại hội đại biểu toàn quốc lần thứ XIV của Đảng trên địa bàn tỉnh Lào Cai.',
    requirements: 'Thông tin đầy đủ, chính xác, kịp thời; gắn với các hoạt động chính trị - xã hội ở cơ sở.',
    sourceReference: 'Căn cứ Hướng dẫn số 21-HD/BTGDVTW ngày 23/7/2025 của Ban Tuyên giáo và Dân vận Trung ương về công tác thông tin đối ngoại về Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.',
    milestones: [{ key: 'dh', title: 'Đại hội đại biểu toàn quốc lần thứ XIV của Đảng', startsAt: day(40), endsAt: day(44) }],
    phases: [
      { key: 'truoc', title: 'Trước Đại hội', starts: { kind: 'date', date: day(-30) }, ends: { kind: 'milestone', milestoneKey: 'dh', edge: 'start' } },
      { key: 'trong', title: 'Trong thời gian diễn ra Đại hội', starts: { kind: 'milestone', milestoneKey: 'dh', edge: 'start' }, ends: { kind: 'milestone', milestoneKey: 'dh', edge: 'end' } },
      { key: 'sau', title: 'Sau Đại hội', starts: { kind: 'milestone', milestoneKey: 'dh', edge: 'end' }, ends: { kind: 'date', date: day(100) } },
    ],
    themes: [
      { key: 'a1', phaseKey: 'truoc', title: 'Tuyên truyền lịch sử 95 năm hình thành, phát triển của Đảng Cộng sản Việt Nam' },
      { key: 'a2', phaseKey: 'truoc', title: 'Giới thiệu toàn diện quá trình và công tác chuẩn bị đại hội đảng bộ các cấp, Đại hội XIV của Đảng' },
      { key: 'a3', phaseKey: 'truoc', title: 'Tuyên truyền chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước về đối ngoại' },
      { key: 'b1', phaseKey: 'trong', title: 'Thông tin về diễn biến, kết quả Đại hội' },
      { key: 'b2', phaseKey: 'trong', title: 'Phản ánh các hoạt động bên lề Đại hội; sự quan tâm của cộng đồng người Việt Nam ở nước ngoài' },
      { key: 'c1', phaseKey: 'sau', title: 'Giới thiệu nội dung và những điểm mới, đột phá của Nghị quyết Đại hội XIV' },
      { key: 'c2', phaseKey: 'sau', title: 'Đẩy mạnh thông tin kết quả Đại hội XIV đến các chính đảng, tổ chức quốc tế' },
    ],
    channels: [
      { channel: 'meetings', text: 'Lồng ghép vào các hoạt động chính trị - xã hội ở cơ sở, giao lưu văn hóa, thể thao, sinh hoạt cộng đồng' },
      { channel: 'press', text: 'Chuyên trang, chuyên mục về Đại hội XIV trên báo in, báo điện tử, phát thanh - truyền hình' },
      { channel: 'loudspeakers', text: 'Hệ thống truyền thanh cơ sở, tuyên truyền cổ động trực quan: bảng tin, pano, áp phích' },
      { channel: 'oral', text: 'Đội ngũ báo cáo viên, tuyên truyền viên cơ sở tuyên truyền miệng' },
      { channel: 'external_information', text: 'Lồng ghép giới thiệu đất nước, con người trong các hoạt động có yếu tố đối ngoại' },
    ],
    assignments: [
      {
        ...base,
        text: 'Căn cứ vào chức năng, nhiệm vụ được giao, chủ động tổ chức tuyên truyền về Đại hội XIV trên các phương tiện và hình thức phù hợp tại địa phương.',
        unitsAsWritten: 'Sở Văn hóa, Thể thao và Du lịch',
        unitIds: ids('LCA-SVHTTDL'),
        phaseKey: 'truoc',
        deadline: { kind: 'phase_end', phaseKey: 'truoc' },
        themeKeys: ['a1', 'a2'],
        channels: ['meetings'],
      },
      {
        ...base,
        text: 'Tăng cường mở chuyên trang, chuyên mục về Đại hội XIV; sản xuất các tin, bài, phóng sự, video clip, bản tin phát thanh đăng tải trên các nền tảng.',
        unitsAsWritten: 'Các cơ quan báo chí địa phương; Cổng Thông tin điện tử tỉnh Lào Cai',
        unitIds: ids('LCA-BLC', 'LCA-CTTDT'),
        phaseKey: 'truoc',
        deadline: { kind: 'recurring', every: 'week', phaseKey: 'truoc' },
        themeKeys: ['a1', 'a2', 'a3'],
        channels: ['press'],
        expectedOutputs: [{ kind: 'articles', quantity: 12 }],
      },
      {
        ...base,
        text: 'Chỉ đạo hệ thống truyền thanh cơ sở, tuyên truyền cổ động trực quan; phối hợp với các đoàn thể chính trị - xã hội triển khai các hoạt động tuyên truyền.',
        unitsAsWritten: 'Ủy ban nhân dân các xã, phường',
        unitIds: ids('LCA-P-CAMDUONG', 'LCA-P-LAOCAI', 'LCA-X-BATXAT'),
        phaseKey: 'truoc',
        deadline: { kind: 'date', date: day(-3) },
        channels: ['loudspeakers', 'oral'],
        expectedOutputs: [{ kind: 'loudspeaker_broadcasts', quantity: 8 }],
      },
      {
        ...base,
        text: 'Lồng ghép nội dung giới thiệu về đất nước, con người, đường lối đối ngoại trong các hoạt động có yếu tố đối ngoại tại địa phương.',
        unitsAsWritten: 'Trung tâm Văn hóa và Điện ảnh tỉnh Lào Cai',
        unitIds: ids('LCA-TTVHDA'),
        phaseKey: 'sau',
        deadline: null,
        channels: ['external_information'],
      },
    ],
  };
}
