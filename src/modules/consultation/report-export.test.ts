import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ReportExportContext } from './report-content.js';
import { renderWeeklyReportDocx } from './report-docx.js';
import { weekOverWeek } from './report-history.js';
import { maskedCount } from './report-labels.js';
import { renderWeeklyReportXlsx } from './report-xlsx.js';
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

const context: ReportExportContext = {
  consultationCode: 'DH14',
  consultationTitle: 'Lấy ý kiến vào dự thảo các văn kiện trình Đại hội XIV của Đảng',
  documents: [
    { code: 'BCCT', title: 'Dự thảo Báo cáo chính trị' },
    { code: 'DLD', title: 'Dự thảo Báo cáo tổng kết thi hành Điều lệ Đảng' },
  ],
  periodLabel: 'Tuần 30/10/2025 – 05/11/2025 (chốt 16:00 thứ Tư 05/11/2025)',
  parentUnitName: 'Ban Chấp hành Trung ương',
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
  generatedAt: new Date('2025-11-05T09:00:00Z'),
};

/** The text of word/document.xml: paragraphs joined by newlines, table cells by " | ". */
async function docxText(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const cellTexts = [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => [...(m[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
  const text = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('\n');
  return { xml, text: text.replace(/&lt;/g, '<').replace(/&amp;/g, '&'), cells: cellTexts.map((c) => c.replace(/&lt;/g, '<').replace(/&amp;/g, '&')) };
}

describe('weekly report DOCX', () => {
  it('has the official title, the period, the summary and the tables, in Times New Roman on A4', async () => {
    const { xml, text } = await docxText(await renderWeeklyReportDocx(report, context));
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Tổng hợp ý kiến góp ý vào dự thảo các văn kiện');
    expect(text).toContain(context.consultationTitle);
    expect(text).toContain('TỈNH ỦY LAI CHÂU');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('Tuần 30/10/2025 – 05/11/2025 (chốt 16:00 thứ Tư 05/11/2025)');
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
    expect(row('Đồng ý một phần')).toEqual(['Đồng ý một phần', '5', '6']);
    // A child unit with 3 submissions is a breakdown cell too, live and frozen.
    const sh = cells.indexOf('Đảng ủy xã Sìn Hồ');
    expect(cells.slice(sh, sh + 7)).toEqual(['Đảng ủy xã Sìn Hồ', 'Gửi muộn', '17:00 thứ Tư 05/11/2025', '< 5', '< 5', '< 5', '< 5']);
  });
});

describe('weekly report XLSX', () => {
  it('holds the same tables with the same "< 5" rule', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderWeeklyReportXlsx(report, context)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo dự thảo', 'Theo kênh', 'Theo đối tượng', 'Theo loại ý kiến', 'Đơn vị trực thuộc']);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      workbook.getWorksheet(name)?.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
      return out;
    };
    expect(rows('Tổng hợp')).toContainEqual(['Kỳ báo cáo', context.periodLabel]);
    expect(rows('Tổng hợp')).toContainEqual(['Số ý kiến trong tuần', 30]);
    const channels = rows('Theo kênh');
    expect(channels).toContainEqual(['STT', 'Kênh tiếp nhận', 'Số lượt góp ý', 'Số ý kiến']);
    expect(channels).toContainEqual([4, 'Thư', '< 5', '< 5']);
    expect(channels).toContainEqual([1, 'VNeID', 7, 20]);
    expect(channels).toContainEqual([5, 'Báo chí', 0, 0]);
    expect(channels).toContainEqual(['', 'Tổng cộng', 12, 30]);
    expect(rows('Đơn vị trực thuộc')).toContainEqual([2, 'Đảng ủy xã Sìn Hồ', 'Gửi muộn', '17:00 thứ Tư 05/11/2025', '< 5', '< 5', '< 5', '< 5']);
    expect(rows('Đơn vị trực thuộc')).toContainEqual([3, 'Đảng ủy xã Phong Thổ', 'Chưa gửi', '', 0, 0, '', '']);
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
