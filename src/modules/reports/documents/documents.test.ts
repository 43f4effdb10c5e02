import { describe, expect, it } from 'vitest';
import { consolidationFixture as report, docxText, documentForm, emptyContent, loadXlsx } from '../../../../test/support/report-documents.js';
import { renderConsolidationXlsx } from './consolidation-xlsx.js';
import { periodPhrase } from './labels.js';
import { renderConsolidationDocx, renderUnitReportDocx, type ReportDocumentContext } from './report-docx.js';

const weekly = { kind: 'weekly' as const, weekday: 3 as const, time: '16:00' };
const context: ReportDocumentContext = {
  regime: { code: 'BC-TUAN', name: 'Báo cáo kết quả công tác tuyên truyền hằng tuần' },
  schedule: weekly,
  unit: { code: 'DU01', name: 'Đảng ủy Cơ quan', kind: 'party_committee', parentName: 'Đảng bộ tỉnh Lai Châu', abbreviation: 'ĐU', place: 'Lai Châu', signer: { authority: 'T/M Ban Thường vụ', title: 'Bí thư', name: 'Lò Văn Bình' } },
  recipient: { code: 'TU', name: 'Ban Thường vụ Tỉnh ủy' },
  generatedAt: new Date('2025-11-05T03:00:00Z'),
};

describe('period phrases of report subjects', () => {
  it('says the week by its days, a month as "tháng MM/YYYY", a quarter as "quý I/2026"', () => {
    expect(periodPhrase({ ...report.period, schedule: weekly })).toBe('tuần từ 30/10/2025 đến 05/11/2025');
    const month = { schedule: { kind: 'monthly' as const }, start: new Date('2025-12-14T17:00:00Z'), end: new Date('2026-01-14T17:00:00Z'), closingDate: '2026-01-14', key: '2026-01' };
    expect(periodPhrase(month)).toBe('tháng 01/2026');
    const quarter = { schedule: { kind: 'quarterly' as const }, start: new Date('2025-12-14T17:00:00Z'), end: new Date('2026-03-14T17:00:00Z'), closingDate: '2026-03-14', key: '2026-Q1' };
    expect(periodPhrase(quarter)).toBe('quý I/2026');
  });
});

describe('consolidated report DOCX', () => {
  it('has the Party layout heading, the title with the week, the recipient, a column per child and the total that adds up', async () => {
    const { text, cells } = await docxText(await renderConsolidationDocx(context, documentForm, report));
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('ĐẢNG ỦY CƠ QUAN');
    expect(text).toMatch(/Số\s+-BC\/ĐU/);
    expect(text).toContain('Lai Châu, ngày 05 tháng 11 năm 2025');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả công tác tuyên truyền tuần từ 30/10/2025 đến 05/11/2025');
    expect(text).toContain('Ban Thường vụ Tỉnh ủy');
    expect(text).toContain('Có 3/4 đơn vị đã gửi báo cáo (đúng hạn 2, gửi muộn 1); chưa báo cáo: Chi bộ 4.');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('T/M BAN THƯỜNG VỤ');
    expect(text).toContain('Lò Văn Bình');
    // Header: STT, Chỉ tiêu, Đơn vị tính, a column per child (4 per table at most), Tổng cộng.
    expect(cells.slice(cells.indexOf('STT'), cells.indexOf('STT') + 8)).toEqual(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Chi bộ 1', 'Chi bộ 2', 'Chi bộ 3', 'Chi bộ 4 (chưa báo cáo)', 'Tổng cộng']);
    const row = (label: string) => cells.slice(cells.indexOf(label) - 1, cells.indexOf(label) + 7);
    expect(row('Số lượt người tham dự')).toEqual(['2', 'Số lượt người tham dự', 'lượt người', '200', '1.000', '34', '', '1.234']);
    expect(row('Kinh phí')).toEqual(['4', 'Kinh phí', 'triệu đồng', '5,25', '15,25', '0', '', '20,5']);
    expect(row('Hoàn thành kế hoạch')).toEqual(['5', 'Hoàn thành kế hoạch', '', 'Có', 'Có', 'Không', '', '2']);
    // The total column is the sum of the children's columns for every summed indicator.
    for (const code of ['HN', 'NGUOI', 'KP'] as const) {
      const sum = report.children.reduce((a, c) => a + (typeof c.values[code] === 'number' ? (c.values[code] as number) : 0), 0);
      expect(report.values[code]).toBe(sum);
    }
    expect(text).toContain('Số liệu chưa khớp');
    expect(text).toContain('Số cuộc hội nghị: tổng hợp 9, hiện có 10 (Chi bộ 3 báo cáo 4, hiện có 5).');
    expect(text).toContain('II. KẾT QUẢ ĐẠT ĐƯỢC');
    expect(text).toContain('- Tổ chức hội nghị quán triệt nghị quyết. (Chi bộ 1, Chi bộ 2)');
  });

  it('splits many children over several tables, each with the total', async () => {
    const many = { ...report, children: Array.from({ length: 6 }, (_, i) => ({ ...report.children[0]!, unitId: 200 + i, code: `C${i}`, name: `Chi bộ số ${i + 1}` })) };
    const { text, cells } = await docxText(await renderConsolidationDocx(context, documentForm, many));
    expect(text).toContain('Bảng 1/2');
    expect(text).toContain('Bảng 2/2');
    expect(cells.filter((c) => c === 'Tổng cộng')).toHaveLength(2);
    expect(cells.filter((c) => c.startsWith('Chi bộ số'))).toHaveLength(6);
  });
});

describe('unit report DOCX', () => {
  it('writes a State unit\'s report in the State layout with its values, notes, yes/no in Vietnamese and narrative', async () => {
    const state: ReportDocumentContext = { ...context, schedule: { kind: 'monthly' }, unit: { ...context.unit, name: 'Sở Văn hóa, Thể thao và Du lịch', kind: 'department', abbreviation: 'SVHTTDL', signer: { authority: null, title: null, name: null } }, recipient: { code: 'UB', name: 'Ủy ban nhân dân tỉnh' } };
    const content = { ...emptyContent(), values: { HN: 3, NGUOI: 150, TYLE: 87.5, DAT: false, GHI: 'Tốt' }, notes: { NGUOI: 'Thêm hội nghị trực tuyến' }, narrative: ['Đạt kế hoạch.\nVượt chỉ tiêu.', '', 'Tiếp tục.'] };
    const period = { key: '2026-01', start: new Date('2025-12-14T17:00:00Z'), end: new Date('2026-01-14T17:00:00Z'), closingDate: '2026-01-14' };
    const { text, cells } = await docxText(await renderUnitReportDocx(state, { form: documentForm, period, content }));
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toMatch(/Số:\s+\/BC-SVHTTDL/);
    expect(text).toContain('Kết quả công tác tuyên truyền tháng 01/2026');
    expect(text).toContain('Kính gửi: Ủy ban nhân dân tỉnh.');
    expect(text).toContain('NGƯỜI LẬP BÁO CÁO');
    const row = (label: string) => cells.slice(cells.indexOf(label) - 1, cells.indexOf(label) + 4);
    expect(row('Số lượt người tham dự')).toEqual(['2', 'Số lượt người tham dự', 'lượt người', '150', 'Thêm hội nghị trực tuyến']);
    expect(row('Tỷ lệ đảng viên tham gia')).toEqual(['3', 'Tỷ lệ đảng viên tham gia', '%', '87,5%', '']);
    expect(row('Hoàn thành kế hoạch')[3]).toBe('Không');
    expect(text).toContain('Đạt kế hoạch.\nVượt chỉ tiêu.');
    expect(text).toContain('III. HẠN CHẾ, NGUYÊN NHÂN\nKhông có nội dung.');
  });
});

describe('consolidated report XLSX', () => {
  it('has a sheet per section, a row per child with its status, numbers as numbers, and the total row', async () => {
    const workbook = await loadXlsx(await renderConsolidationXlsx(documentForm, report));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['1. Hội nghị, tuyên truyền', '2. Tình hình khác', 'Số liệu chưa khớp']);
    const sheet = workbook.getWorksheet('1. Hội nghị, tuyên truyền')!;
    expect(sheet.getRow(3).values).toEqual([undefined, 'Mã đơn vị', 'Tên đơn vị', 'Tình trạng', 'Xét duyệt', 'Số cuộc hội nghị (cuộc) [HN]', 'Số lượt người tham dự (lượt người) [NGUOI]', 'Tỷ lệ đảng viên tham gia (%) [TYLE]']);
    expect(sheet.getRow(4).values).toEqual([undefined, 'CB01', 'Chi bộ 1', 'Đúng hạn', 'Đã gửi', 2, 200, 90]);
    expect(sheet.getRow(5).values).toEqual([undefined, 'CB02', 'Chi bộ 2', 'Gửi muộn', 'Đã gửi', 3, 1000, 78]);
    expect(sheet.getRow(7).values).toEqual([undefined, 'CB04', 'Chi bộ 4', 'Chưa báo cáo']);
    const total = sheet.getRow(8);
    expect(total.getCell(2).value).toBe('Tổng cộng');
    for (const [col, code] of [[5, 'HN'], [6, 'NGUOI']] as const) {
      const sum = [4, 5, 6, 7].reduce((a, r) => a + (Number(sheet.getRow(r).getCell(col).value) || 0), 0);
      expect(total.getCell(col).value).toBe(sum);
      expect(total.getCell(col).value).toBe(report.values[code]);
    }
    const other = workbook.getWorksheet('2. Tình hình khác')!;
    expect(other.getRow(4).values).toEqual([undefined, 'CB01', 'Chi bộ 1', 'Đúng hạn', 'Đã gửi', 5.25, 'Có', 'Tốt']);
    expect(other.getRow(8).values).toEqual([undefined, undefined, 'Tổng cộng', undefined, undefined, 20.5, 2]);
  });
});
