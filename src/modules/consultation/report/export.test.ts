import ExcelJS from '../../../platform/xlsx/exceljs.js';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ReportExportContext } from './content.js';
import { renderWeeklyReportDocx } from './docx.js';
import { weekOverWeek } from './history.js';
import { maskedCount } from './labels.js';
import { renderWeeklyReportXlsx } from './xlsx.js';
import { sortRepresentatives } from '../representatives/repository.js';
import type { RepresentativeOpinion } from '../representatives/schemas.js';
import type { WeeklyReport } from './weekly-report.js';

const report: WeeklyReport = {
  unit: 'LCH',
  unitName: 'Tỉnh ủy Lai Châu',
  periodStart: '2025-10-29T16:00:00.000+07:00',
  periodEnd: '2025-11-05T16:00:00.000+07:00',
  submissions: 12,
  opinions: 30,
  byChannel: { vneid: 20, web: 0, meeting: 0, letter: 7, press: 0, email: 3, other: 0 },
  byContributorGroup: { can_bo: 0, dang_vien: 27, cong_chuc: 0, vien_chuc: 0, nguoi_lao_dong: 0, nhan_dan: 3, nguoi_vn_o_nuoc_ngoai: 0, khac: 0 },
  byDocument: { BCCT: 22, DLD: 8 },
  byStance: { agree: 20, disagree: 4, partial: 6, none: 0 },
  cumulative: { submissions: 40, opinions: 95 },
  identicalGroups: 2,
  children: [
    { code: 'TD', name: 'Đảng ủy xã Tam Đường', status: 'submitted', submissions: 9, opinions: 24 },
    { code: 'SH', name: 'Đảng ủy xã Sìn Hồ', status: 'late', submissions: 3, opinions: 6 },
    { code: 'PT', name: 'Đảng ủy xã Phong Thổ', status: 'missing', submissions: 0, opinions: 0 },
  ],
};

const BCCT = { code: 'BCCT', title: 'Dự thảo Báo cáo chính trị', position: 0 };
const DLD = { code: 'DLD', title: 'Dự thảo Báo cáo tổng kết thi hành Điều lệ Đảng', position: 1 };
const unit = (id: number, name: string) => ({ id, name });
const pick = (id: number, fields: Partial<RepresentativeOpinion> & Pick<RepresentativeOpinion, 'document' | 'section' | 'text'>): RepresentativeOpinion => ({
  id,
  opinionId: 100 + id,
  stance: 'partial',
  channel: 'vneid',
  submittedAt: '2025-11-03T09:00:00.000+07:00',
  receivingUnit: unit(2, 'Đảng ủy xã Tam Đường'),
  pickedBy: unit(2, 'Đảng ủy xã Tam Đường'),
  carriedFrom: unit(2, 'Đảng ủy xã Tam Đường'),
  note: null,
  pickedAt: `2025-11-04T0${id}:00:00.000+07:00`,
  ...fields,
});
// Given out of order: the files list them by document, then generally, then by section in the order of the text.
const representatives = sortRepresentatives([
  pick(1, { document: DLD, section: { ref: 'B', heading: 'Đề xuất sửa đổi, bổ sung', position: 1 }, text: 'Đề nghị quy định rõ hơn nhiệm vụ của đảng viên cao tuổi.', stance: 'disagree', channel: 'letter' }),
  pick(2, { document: BCCT, section: { ref: 'II.1', heading: 'Phát triển kinh tế nhanh, bền vững', position: 2 }, text: 'Cần giải pháp cụ thể về chuyển đổi số ở cấp xã.', note: 'Nhiều ý kiến cùng nội dung' }),
  pick(3, { document: BCCT, section: { ref: 'I', heading: 'Kết quả thực hiện Nghị quyết Đại hội XIII', position: 0 }, text: 'Đánh giá đúng, đủ kết quả 5 năm.', stance: 'agree', receivingUnit: unit(3, 'Đảng ủy xã Sìn Hồ'), pickedBy: unit(1, 'Tỉnh ủy Lai Châu'), carriedFrom: null }),
  pick(4, { document: BCCT, section: null, text: '', stance: 'agree', channel: 'web' }),
  pick(5, { document: BCCT, section: { ref: 'II.1', heading: 'Phát triển kinh tế nhanh, bền vững', position: 2 }, text: 'Bổ sung chỉ tiêu kinh tế số.', pickedBy: unit(4, 'Chi bộ thôn Bản Giang'), carriedFrom: unit(2, 'Đảng ủy xã Tam Đường') }),
]);

const context: ReportExportContext = {
  consultationCode: 'DH14',
  consultationTitle: 'Lấy ý kiến vào dự thảo các văn kiện trình Đại hội XIV của Đảng',
  documents: [
    { code: 'BCCT', title: 'Dự thảo Báo cáo chính trị' },
    { code: 'DLD', title: 'Dự thảo Báo cáo tổng kết thi hành Điều lệ Đảng' },
  ],
  parentUnitName: 'Ban Chấp hành Trung ương',
  unitKind: 'party_committee',
  signing: { abbreviation: null, place: null, signer: { authority: null, title: null, name: null } },
  // Letters come from 3 contributors: that row must read "< 5".
  contributors: {
    byChannel: { vneid: 7, letter: 3, email: 2 },
    byContributorGroup: { dang_vien: 10, nhan_dan: 2 },
    byDocument: { BCCT: 10, DLD: 4 },
    byStance: { agree: 8, disagree: 2, partial: 5 },
  },
  change: weekOverWeek(
    [
      { periodEnd: '2025-10-29', shortLabel: '29/10', label: '', submissions: 8, opinions: 20 },
      { periodEnd: '2025-11-05', shortLabel: '05/11', label: '', submissions: 12, opinions: 30 },
    ],
    { submissions: 12, opinions: 30 },
  ),
  frozenChildren: {
    TD: { submittedAt: '2025-11-04T10:00:00.000+07:00', late: false, submissions: 8, opinions: 20 },
    SH: { submittedAt: '2025-11-05T17:00:00.000+07:00', late: true, submissions: 3, opinions: 6 },
  },
  own: null,
  deadline: '2025-11-05T16:00:00.000+07:00',
  representatives,
  generatedAt: new Date('2025-11-05T09:00:00Z'),
};

/** The text of word/document.xml: paragraphs joined by newlines, table cells by " | ". */
async function docxText(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const cellTexts = [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => [...(m[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
  const text = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('\n');
  return { xml, text: text.replace(/&lt;/g, '<').replace(/&quot;/g, '"').replace(/&amp;/g, '&'), cells: cellTexts.map((c) => c.replace(/&lt;/g, '<').replace(/&amp;/g, '&')) };
}

describe('weekly report DOCX', () => {
  it('has the official title, the period, the summary and the tables, in Times New Roman on A4', async () => {
    const { xml, text } = await docxText(await renderWeeklyReportDocx(report, context));
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Tổng hợp ý kiến góp ý vào dự thảo các văn kiện');
    expect(text).toContain(context.consultationTitle);
    expect(text).toContain('TỈNH ỦY LAI CHÂU');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('Tuần từ 16:00 thứ Tư 29/10/2025 đến trước 16:00 thứ Tư 05/11/2025');
    expect(text).toMatch(/12 lượt góp ý với 30 ý kiến/);
    expect(text).toMatch(/Lũy kế .*40 lượt góp ý, 95 ý kiến/);
    expect(text).toMatch(/tăng 4 lượt góp ý \(\+50%\); tăng 10 ý kiến \(\+50%\)/);
    for (const heading of ['1. Theo dự thảo văn kiện', '2. Theo kênh tiếp nhận', '3. Theo đối tượng góp ý', '4. Theo loại ý kiến']) expect(text).toContain(heading);
    for (const label of ['VNeID', 'Cổng thông tin/biểu mẫu trực tuyến', 'Hội nghị, tọa đàm', 'Thư điện tử', 'Báo chí', 'Người Việt Nam ở nước ngoài', 'Đồng ý một phần', 'Không nêu', 'Đã gửi', 'Gửi muộn', 'Chưa gửi']) {
      expect(text).toContain(label);
    }
    expect(xml).toContain('w:w="11906"');
    const document = await JSZip.loadAsync(await renderWeeklyReportDocx(report, context));
    const styles = (await document.file('word/styles.xml')?.async('string')) ?? '';
    expect(styles + xml).toContain('Times New Roman');
  });

  it('writes "< 5" in every figure of a row with fewer than five contributors, keeps 0 and larger rows', async () => {
    const { cells } = await docxText(await renderWeeklyReportDocx(report, context));
    const row = (label: string) => {
      const i = cells.indexOf(label);
      return cells.slice(i, i + 3);
    };
    expect(row('Thư')).toEqual(['Thư', '< 5', '< 5']); // 3 contributors, 7 opinions
    expect(row('Thư điện tử')).toEqual(['Thư điện tử', '< 5', '< 5']);
    expect(row('VNeID')).toEqual(['VNeID', '7', '20']);
    expect(row('Báo chí')).toEqual(['Báo chí', '0', '0']);
    expect(row('Dự thảo Báo cáo tổng kết thi hành Điều lệ Đảng')).toEqual(['Dự thảo Báo cáo tổng kết thi hành Điều lệ Đảng', '< 5', '< 5']);
    expect(row('Tán thành')).toEqual(['Tán thành', '8', '20']);
    // A child unit with 3 submissions is a breakdown cell too, live and frozen.
    const sh = cells.indexOf('Đảng ủy xã Sìn Hồ');
    expect(cells.slice(sh, sh + 7)).toEqual(['Đảng ủy xã Sìn Hồ', 'Gửi muộn', '17:00 thứ Tư 05/11/2025', '< 5', '< 5', '< 5', '< 5']);
  });
});

describe('weekly report DOCX layout by the kind of the reporting unit', () => {
  const stateContext: ReportExportContext = { ...context, unitKind: 'department', parentUnitName: 'UBND tỉnh Lai Châu' };
  const stateReport: WeeklyReport = { ...report, unitName: 'Sở Văn hóa, Thể thao và Du lịch' };

  it('is in the State layout (Decree 30) for a State body: national heading and motto, "Số:", State "Nơi nhận"', async () => {
    const { xml, text } = await docxText(await renderWeeklyReportDocx(stateReport, stateContext));
    const lines = text.split('\n');
    for (const expected of ['UBND TỈNH LAI CHÂU', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số:        /BC']) {
      expect(lines).toContain(expected);
    }
    // The body's name breaks where a reader would in the narrow State column (the shared header code).
    const name = lines.indexOf('SỞ VĂN HÓA, THỂ THAO');
    expect(lines.slice(name, name + 2)).toEqual(['SỞ VĂN HÓA, THỂ THAO', 'VÀ DU LỊCH']);
    expect(lines).toContain('……, ngày 05 tháng 11 năm 2025');
    expect(text).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    const closing = lines.slice(lines.lastIndexOf('Nơi nhận:'));
    expect(closing).toEqual(['Nơi nhận:', '- Cơ quan cấp trên (để báo cáo);', '- Lưu.', 'NGƯỜI LẬP BÁO CÁO']);
    // Decree 30: "Nơi nhận:" in bold italics (Party: underlined), 12 pt.
    expect(xml).toMatch(/<w:b\/><w:bCs\/><w:i\/><w:iCs\/><w:sz w:val="24"\/><w:szCs w:val="24"\/><\/w:rPr><w:t xml:space="preserve">Nơi nhận:/);
    expect(text).toContain('Tổng hợp ý kiến góp ý vào dự thảo các văn kiện');
    expect(text).toMatch(/12 lượt góp ý với 30 ý kiến/);
  });

  it('writes the unit\'s abbreviation, place and configured signer, and the week the same way in the heading and the text', async () => {
    const signing = { abbreviation: 'SVHTTDL', place: 'Lai Châu', signer: { authority: 'KT. Giám đốc', title: 'Phó Giám đốc', name: 'Nguyễn Văn An' } };
    const { text } = await docxText(await renderWeeklyReportDocx(stateReport, { ...stateContext, signing }));
    const lines = text.split('\n');
    expect(lines).toContain('Số:        /BC-SVHTTDL');
    expect(lines).toContain('Lai Châu, ngày 05 tháng 11 năm 2025');
    expect(lines.slice(lines.lastIndexOf('Nơi nhận:')).filter((l) => l.trim() !== '')).toEqual(['Nơi nhận:', '- Cơ quan cấp trên (để báo cáo);', '- Lưu.', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn An']);
    const week = 'từ 16:00 thứ Tư 29/10/2025 đến trước 16:00 thứ Tư 05/11/2025';
    expect(lines).toContain(`Tuần ${week}`);
    expect(text).toContain(`Trong tuần ${week}, Sở Văn hóa, Thể thao và Du lịch`);
    const party = (await docxText(await renderWeeklyReportDocx(report, { ...context, signing: { ...signing, abbreviation: 'TU', signer: { authority: 'T/M Ban Thường vụ', title: 'Phó Bí thư', name: 'Lò Văn Bình' } } }))).text.split('\n');
    expect(party).toContain('Số        -BC/TU');
    expect(party).toContain('T/M BAN THƯỜNG VỤ');
  });

  it('chooses State for people\'s committees, departments, communes, portals and the press, Party for Party bodies and the centre', async () => {
    const heading = async (unitKind: ReportExportContext['unitKind']) => (await docxText(await renderWeeklyReportDocx(report, { ...context, unitKind }))).text;
    for (const kind of ['people_committee', 'department', 'commune', 'portal', 'press'] as const) {
      expect(await heading(kind), kind).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    }
    for (const kind of ['central', 'party_committee', 'party_board', 'party_cell'] as const) {
      const text = await heading(kind);
      expect(text, kind).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(text, kind).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text.split('\n'), kind).toContain('Số        -BC');
    }
  });
});

describe('complementary suppression in the exports', () => {
  it('hides another row where the totals would give a "< 5" row back, and says why', async () => {
    const { cells, text } = await docxText(await renderWeeklyReportDocx(report, context));
    const row = (label: string) => {
      const i = cells.indexOf(label);
      return cells.slice(i, i + 3);
    };
    // Groups: 12 − 10 would read the 2 people of "Nhân dân"; documents and stances: 30 − 22 and 30 − 20 − 6 the opinions.
    expect(row('Nhân dân')).toEqual(['Nhân dân', '< 5', '< 5']);
    expect(row('Đảng viên')).toEqual(['Đảng viên', 'x', 'x']);
    expect(row('Dự thảo Báo cáo chính trị')).toEqual(['Dự thảo Báo cáo chính trị', 'x', 'x']);
    expect(row('Không tán thành')).toEqual(['Không tán thành', '< 5', '< 5']);
    expect(row('Đồng ý một phần')).toEqual(['Đồng ý một phần', 'x', 'x']);
    // Two small channels protect each other: nothing more is hidden.
    expect(row('VNeID')).toEqual(['VNeID', '7', '20']);
    expect(row('Tổng cộng')).toEqual(['Tổng cộng', '12', '30']);
    expect(text).toContain('Ô ghi "x" được ẩn thêm để không thể suy ra số liệu của ô "< 5" từ số tổng cộng');
  });

  it('hides a child beside a small child that the parent total minus the others would give back, live and submitted', async () => {
    const children = [
      { code: 'TD', name: 'Đảng ủy xã Tam Đường', status: 'submitted' as const, submissions: 11, opinions: 29 },
      { code: 'SH', name: 'Đảng ủy xã Sìn Hồ', status: 'late' as const, submissions: 1, opinions: 1 },
      { code: 'PT', name: 'Đảng ủy xã Phong Thổ', status: 'missing' as const, submissions: 0, opinions: 0 },
    ];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderWeeklyReportXlsx({ ...report, children }, context)) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.getWorksheet('Đơn vị trực thuộc')?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows).toContainEqual([1, 'Đảng ủy xã Tam Đường', 'Đã gửi', new Date('2025-11-04T10:00:00Z'), 'x', 'x', 'x', 'x']);
    expect(rows).toContainEqual([2, 'Đảng ủy xã Sìn Hồ', 'Gửi muộn', new Date('2025-11-05T17:00:00Z'), '< 5', '< 5', '< 5', '< 5']);
    expect(rows).toContainEqual([3, 'Đảng ủy xã Phong Thổ', 'Chưa gửi', '', 0, 0, '', '']);
  });
});

describe('representative opinions in the DOCX', () => {
  it('come after the children as part IV, by document, then section in the order of the text, each quoted with stance and units', async () => {
    const { text } = await docxText(await renderWeeklyReportDocx(report, context));
    const lines = text.split('\n');
    const at = (needle: string) => {
      const i = lines.findIndex((l) => l.includes(needle));
      expect(i, needle).toBeGreaterThanOrEqual(0);
      return i;
    };
    const order = [
      'III. TÌNH HÌNH GỬI BÁO CÁO TUẦN CỦA CÁC ĐƠN VỊ TRỰC THUỘC',
      'IV. Ý KIẾN TIÊU BIỂU',
      '1. Dự thảo Báo cáo chính trị',
      'Ý kiến chung về dự thảo',
      '(Không có nội dung; chỉ biểu thị “Tán thành”)',
      'I. Kết quả thực hiện Nghị quyết Đại hội XIII',
      '“Đánh giá đúng, đủ kết quả 5 năm.”',
      'II.1. Phát triển kinh tế nhanh, bền vững',
      '“Cần giải pháp cụ thể về chuyển đổi số ở cấp xã.”',
      '“Bổ sung chỉ tiêu kinh tế số.”',
      '2. Dự thảo Báo cáo tổng kết thi hành Điều lệ Đảng',
      'B. Đề xuất sửa đổi, bổ sung',
      '“Đề nghị quy định rõ hơn nhiệm vụ của đảng viên cao tuổi.”',
      'Ghi chú:',
    ].map(at);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain('(Đồng ý một phần — tiếp nhận tại Đảng ủy xã Tam Đường, qua VNeID; đơn vị chọn: Đảng ủy xã Tam Đường; ghi chú: Nhiều ý kiến cùng nội dung)');
    expect(text).toContain('(Tán thành — tiếp nhận tại Đảng ủy xã Sìn Hồ, qua VNeID; đơn vị chọn: Tỉnh ủy Lai Châu)');
    expect(text).toContain('đơn vị chọn: Chi bộ thôn Bản Giang (đưa lên từ Đảng ủy xã Tam Đường)');
    expect(text).toContain('(Không tán thành — tiếp nhận tại Đảng ủy xã Tam Đường, qua Thư; đơn vị chọn: Đảng ủy xã Tam Đường)');
  });

  it('say so when none was picked, numbered III without children', async () => {
    const { text } = await docxText(await renderWeeklyReportDocx({ ...report, children: [] }, { ...context, representatives: [] }));
    expect(text).toContain('III. Ý KIẾN TIÊU BIỂU\nTrong tuần chưa có ý kiến tiêu biểu nào được chọn.');
  });
});

describe('weekly report XLSX', () => {
  it('holds the same tables with the same "< 5" rule', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderWeeklyReportXlsx(report, context)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo dự thảo', 'Theo kênh', 'Theo đối tượng', 'Theo loại ý kiến', 'Đơn vị trực thuộc', 'Ý kiến tiêu biểu']);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      workbook.getWorksheet(name)?.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
      return out;
    };
    expect(rows('Tổng hợp')).toContainEqual(['Kỳ báo cáo', 'Tuần từ 16:00 thứ Tư 29/10/2025 đến trước 16:00 thứ Tư 05/11/2025']);
    expect(rows('Tổng hợp')).toContainEqual(['Số ý kiến trong tuần', 30]);
    const channels = rows('Theo kênh');
    expect(channels).toContainEqual(['STT', 'Kênh tiếp nhận', 'Số lượt góp ý', 'Số ý kiến']);
    expect(channels).toContainEqual([4, 'Thư', '< 5', '< 5']);
    expect(channels).toContainEqual([1, 'VNeID', 7, 20]);
    expect(channels).toContainEqual([5, 'Báo chí', 0, 0]);
    expect(channels).toContainEqual(['', 'Tổng cộng', 12, 30]);
    // Instants are Excel dates holding the Vietnam wall-clock time, shown dd/mm/yyyy hh:mm.
    expect(rows('Đơn vị trực thuộc')).toContainEqual([2, 'Đảng ủy xã Sìn Hồ', 'Gửi muộn', new Date('2025-11-05T17:00:00Z'), '< 5', '< 5', '< 5', '< 5']);
    expect(workbook.getWorksheet('Đơn vị trực thuộc')?.getRow(5).getCell(4).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(rows('Tổng hợp')).toContainEqual(['Từ', new Date('2025-10-29T16:00:00Z')]);
    expect(rows('Tổng hợp')).toContainEqual(['Đến trước', new Date('2025-11-05T16:00:00Z')]);
    const summary = workbook.getWorksheet('Tổng hợp');
    const dated: string[] = [];
    summary?.eachRow((r) => {
      const value = r.getCell(2).value;
      expect(typeof value === 'string' && /\d{4}-\d{2}-\d{2}T/.test(value), String(value)).toBe(false);
      if (value instanceof Date) dated.push(`${String(r.getCell(1).value)} ${r.getCell(2).numFmt}`);
    });
    expect(dated).toEqual(['Từ dd/mm/yyyy hh:mm', 'Đến trước dd/mm/yyyy hh:mm', 'Hạn gửi báo cáo của đơn vị dd/mm/yyyy hh:mm', 'Số liệu tính đến dd/mm/yyyy hh:mm']);
    expect(rows('Đơn vị trực thuộc')).toContainEqual([3, 'Đảng ủy xã Phong Thổ', 'Chưa gửi', '', 0, 0, '', '']);
    const picks = rows('Ý kiến tiêu biểu');
    expect(picks[2]).toEqual(['STT', 'Dự thảo văn kiện', 'Mục', 'Tên mục', 'Loại ý kiến', 'Nội dung ý kiến', 'Đơn vị tiếp nhận', 'Kênh tiếp nhận', 'Đơn vị chọn', 'Đưa lên từ', 'Ghi chú']);
    expect(picks.slice(3).map((r) => [r[0], r[1], r[2], r[5]])).toEqual([
      [1, 'Dự thảo Báo cáo chính trị', '', '(Không có nội dung; chỉ biểu thị “Tán thành”)'],
      [2, 'Dự thảo Báo cáo chính trị', 'I', 'Đánh giá đúng, đủ kết quả 5 năm.'],
      [3, 'Dự thảo Báo cáo chính trị', 'II.1', 'Cần giải pháp cụ thể về chuyển đổi số ở cấp xã.'],
      [4, 'Dự thảo Báo cáo chính trị', 'II.1', 'Bổ sung chỉ tiêu kinh tế số.'],
      [5, 'Dự thảo Báo cáo tổng kết thi hành Điều lệ Đảng', 'B', 'Đề nghị quy định rõ hơn nhiệm vụ của đảng viên cao tuổi.'],
    ]);
    expect(picks[5]).toEqual([3, 'Dự thảo Báo cáo chính trị', 'II.1', 'Phát triển kinh tế nhanh, bền vững', 'Đồng ý một phần', 'Cần giải pháp cụ thể về chuyển đổi số ở cấp xã.', 'Đảng ủy xã Tam Đường', 'VNeID', 'Đảng ủy xã Tam Đường', 'Đảng ủy xã Tam Đường', 'Nhiều ý kiến cùng nội dung']);
  });
});

describe('small cells and week-over-week change', () => {
  it('hides 1 to 4 contributors and keeps 0', () => {
    expect([0, 1, 4, 5].map((c) => maskedCount(c * 2, c))).toEqual([0, '< 5', '< 5', 10]);
  });
  it('compares with the previous week, without a percentage after an empty week', () => {
    const change = weekOverWeek([{ periodEnd: 'a', shortLabel: '', label: '', submissions: 0, opinions: 0 }, { periodEnd: 'b', shortLabel: '', label: '', submissions: 3, opinions: 5 }], { submissions: 3, opinions: 5 });
    expect(change).toMatchObject({ previousPeriodEnd: 'a', submissions: 3, opinions: 5, submissionsPercent: null });
    expect(weekOverWeek([], { submissions: 1, opinions: 1 }).previousPeriodEnd).toBeNull();
  });
});
