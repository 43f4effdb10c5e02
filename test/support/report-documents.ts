/**
 * Fixtures of the reports module's document tests: a small form with every indicator type, a
 * consolidated report of three children, and helpers reading back DOCX and XLSX files.
 */
import JSZip from 'jszip';
import type { Workbook } from 'exceljs';
import ExcelJS from '../../src/platform/xlsx/exceljs.js';
import type { ReportContent, ReportForm } from '../../src/shared/report-form.js';

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
