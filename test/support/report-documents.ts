/**
 * Fixtures of the reports module's document tests: a small form with every indicator type, a
 * consolidated report of three children, and helpers reading back DOCX and XLSX files.
 */
import JSZip from 'jszip';
import type { Workbook } from 'exceljs';
import ExcelJS from '../../src/platform/xlsx/exceljs.js';
import type { ReportContent, ReportForm } from '../../src/shared/report-form.js';
import type { ConsolidatedReport } from '../../src/modules/reports/types.js';

export const documentForm: ReportForm = {
  sections: [
    {
      title: 'Hội nghị, tuyên truyền',
      indicators: [
        { code: 'HN', label: 'Số cuộc hội nghị', unitOfMeasure: 'cuộc', type: 'integer', aggregation: 'sum', required: true, min: 0 },
        { code: 'NGUOI', label: 'Số lượt người tham dự', unitOfMeasure: 'lượt người', type: 'integer', aggregation: 'sum', min: 0, prefill: 'campaigns.activities' },
        { code: 'TYLE', label: 'Tỷ lệ đảng viên tham gia', unitOfMeasure: '%', type: 'percentage', aggregation: 'weighted-average', weightBy: 'NGUOI' },
      ],
    },
    {
      title: 'Tình hình khác',
      indicators: [
        { code: 'KP', label: 'Kinh phí', unitOfMeasure: 'triệu đồng', type: 'decimal', aggregation: 'sum' },
        { code: 'DAT', label: 'Hoàn thành kế hoạch', type: 'yesno', aggregation: 'count-yes' },
        { code: 'GHI', label: 'Đánh giá chung', type: 'text', aggregation: 'none' },
      ],
    },
  ],
  relations: [{ left: 'NGUOI', op: '>=', right: 'HN' }],
  outline: ['Kết quả đạt được', 'Hạn chế, nguyên nhân', 'Nhiệm vụ kỳ tới'],
};

export const emptyContent = (): ReportContent => ({ values: {}, notes: {}, prefilled: {}, narrative: ['', '', ''], noActivity: false });

export async function loadXlsx(data: Buffer): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

export async function saveXlsx(workbook: Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sets the "Giá trị" cell (column E) of the row whose column A holds `code`, in any sheet. */
export function fillValue(workbook: Workbook, code: string, value: string | number | boolean | null, note?: string): string {
  for (const sheet of workbook.worksheets) {
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      if (row.getCell(1).value !== code) continue;
      row.getCell(5).value = value;
      if (note !== undefined) row.getCell(6).value = note;
      return `${sheet.name}!E${r}`;
    }
  }
  throw new Error(`no row for ${code}`);
}

/** Text of a DOCX: paragraphs joined by newlines, and the text of every table cell. */
export async function docxText(buffer: Buffer): Promise<{ text: string; cells: string[] }> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const textOf = (part: string) => [...part.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
  const cells = [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => unescape(textOf(m[1] ?? '')));
  const text = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => textOf(p[0])).join('\n');
  return { text: unescape(text), cells };
}

const child = (n: number, status: 'onTime' | 'late' | 'missing', values: ConsolidatedReport['children'][number]['values']): ConsolidatedReport['children'][number] => ({
  unitId: 100 + n,
  code: `CB0${n}`,
  name: `Chi bộ ${n}`,
  status,
  review: status === 'missing' ? null : 'submitted',
  submittedAt: status === 'missing' ? null : new Date('2025-11-04T08:00:00Z'),
  version: status === 'missing' ? null : 1,
  deadline: new Date('2025-11-04T09:00:00Z'),
  values,
});

/** A committee's consolidation of a weekly period: three cells reported (one late), the fourth is missing. */
export const consolidationFixture: ConsolidatedReport = {
  regime: { id: 1, code: 'BC-TUAN', name: 'Báo cáo kết quả công tác tuyên truyền hằng tuần', type: 'periodic' },
  unit: { id: 10, code: 'DU01', name: 'Đảng ủy Cơ quan', kind: 'party_committee' },
  period: {
    key: '2025-11-05',
    start: new Date('2025-10-29T09:00:00Z'),
    end: new Date('2025-11-05T09:00:00Z'),
    closingDate: '2025-11-05',
    label: 'Tuần 30/10/2025 – 05/11/2025 (chốt 16:00 thứ Tư 05/11/2025)',
  },
  deadline: new Date('2025-11-05T09:00:00Z'),
  own: {},
  values: { HN: 9, NGUOI: 1234, TYLE: 80, KP: 20.5, DAT: 2, GHI: null },
  live: { HN: 10, NGUOI: 1234, TYLE: 80, KP: 20.5, DAT: 2, GHI: null },
  children: [
    child(1, 'onTime', { HN: 2, NGUOI: 200, TYLE: 90, KP: 5.25, DAT: true, GHI: 'Tốt' }),
    child(2, 'late', { HN: 3, NGUOI: 1000, TYLE: 78, KP: 15.25, DAT: true, GHI: 'Khá' }),
    child(3, 'onTime', { HN: 4, NGUOI: 34, TYLE: 80, KP: 0, DAT: false, GHI: null }),
    child(4, 'missing', {}),
  ],
  mismatches: [{ indicator: 'HN', values: 9, live: 10, explainedBy: [{ code: 'CB03', name: 'Chi bộ 3', reported: 4, live: 5 }] }],
  narrative: [
    { title: 'Kết quả đạt được', entries: [{ text: 'Tổ chức hội nghị quán triệt nghị quyết.', units: ['Chi bộ 1', 'Chi bộ 2'] }] },
    { title: 'Hạn chế, nguyên nhân', entries: [] },
    { title: 'Nhiệm vụ kỳ tới', entries: [{ text: 'Tiếp tục tuyên truyền.', units: ['Chi bộ 3'] }] },
  ],
};
