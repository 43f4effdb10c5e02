import { describe, expect, it } from 'vitest';
import { parseInWorker } from '../../../platform/files/parse-in-worker.js';
import { buildUnitsXlsx, buildZip, deflatedRepeat } from '../../../../test/support/hostile-files.js';
import { documentForm, emptyContent, fillValue, loadXlsx, saveXlsx } from '../../../../test/support/report-documents.js';
import { parseReportWorkbook, type ExpectedTemplate, type ParsedReportFile } from './import-xlsx.js';
import { renderReportTemplate, type ReportTemplateInput } from './template-xlsx.js';

const expected: ExpectedTemplate = { regimeCode: 'BC-TUAN', unitCode: 'CB01', closingDate: '2025-11-05' };
const input: ReportTemplateInput = {
  regime: { code: 'BC-TUAN', name: 'Báo cáo kết quả công tác tuyên truyền hằng tuần' },
  unit: { code: 'CB01', name: 'Chi bộ Văn phòng' },
  period: { closingDate: '2025-11-05', label: 'Tuần 30/10/2025 – 05/11/2025 (chốt 16:00 thứ Tư 05/11/2025)' },
  deadline: new Date('2025-11-04T09:00:00Z'),
  form: documentForm,
  content: { ...emptyContent(), values: { NGUOI: 120 }, prefilled: { NGUOI: 120 } },
};

async function filled(fill: (w: Awaited<ReturnType<typeof loadXlsx>>) => void, template = input): Promise<Buffer> {
  const workbook = await loadXlsx(await renderReportTemplate(template));
  fill(workbook);
  return saveXlsx(workbook);
}

function fillAll(w: Awaited<ReturnType<typeof loadXlsx>>): void {
  fillValue(w, 'HN', 3);
  fillValue(w, 'NGUOI', 150, 'Thêm 30 người dự hội nghị trực tuyến');
  fillValue(w, 'TYLE', 87.5);
  fillValue(w, 'KP', 12.25);
  fillValue(w, 'DAT', 'Có');
  fillValue(w, 'GHI', 'Hoàn thành tốt nhiệm vụ');
  const outline = w.getWorksheet('Đề cương');
  if (outline) {
    outline.getCell('C3').value = 'Tổ chức 3 hội nghị quán triệt.';
    outline.getCell('C5').value = 'Tiếp tục tuyên truyền.';
  }
}

describe('report XLSX template', () => {
  it('has the information sheet, a sheet per section with codes and the outline sheet, the pre-filled figure in place', async () => {
    const workbook = await loadXlsx(await renderReportTemplate(input));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Thông tin', '1. Hội nghị, tuyên truyền', '2. Tình hình khác', 'Đề cương']);
    const section = workbook.getWorksheet('1. Hội nghị, tuyên truyền');
    expect(section?.getRow(3).values).toEqual([undefined, 'Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Kiểu', 'Giá trị', 'Ghi chú']);
    expect(section?.getCell('A5').value).toBe('NGUOI');
    expect(section?.getCell('E5').value).toBe(120);
    expect(section?.getCell('A5').protection?.locked).not.toBe(false);
    expect(section?.getCell('E5').protection?.locked).toBe(false);
    expect(workbook.getWorksheet('2. Tình hình khác')?.getCell('E5').dataValidation?.formulae).toEqual(['"Có,Không"']);
    expect(workbook.getWorksheet('Đề cương')?.getCell('B4').value).toBe('Hạn chế, nguyên nhân');
  });

  it('round trip: the values, notes, yes/no, text and narrative filled in Excel are read back exactly', async () => {
    const parsed = await parseReportWorkbook(await filled(fillAll), documentForm, expected);
    expect(parsed.errors).toEqual([]);
    expect(parsed.content).toEqual({
      values: { HN: 3, NGUOI: 150, TYLE: 87.5, KP: 12.25, DAT: true, GHI: 'Hoàn thành tốt nhiệm vụ' },
      notes: { NGUOI: 'Thêm 30 người dự hội nghị trực tuyến' },
      narrative: ['Tổ chức 3 hội nghị quán triệt.', '', 'Tiếp tục tuyên truyền.'],
      noActivity: false,
    });
  });

  it('finds indicators by code, not by row: rows moved to another place still read right', async () => {
    const file = await filled((w) => {
      fillAll(w);
      const sheet = w.getWorksheet('2. Tình hình khác');
      sheet?.spliceRows(4, 0, ['', 'một dòng trống chèn thêm']);
    });
    const parsed = await parseReportWorkbook(file, documentForm, expected);
    expect(parsed.errors).toEqual([]);
    expect(parsed.content.values).toMatchObject({ KP: 12.25, DAT: true });
  });

});

describe('report XLSX import: bad cells', () => {
  it('lists every bad cell with its sheet and address: wrong type, out of range, required blank, broken relation, unknown code, a row without code', async () => {
    const file = await filled((w) => {
      fillAll(w);
      fillValue(w, 'HN', null); // required, blank
      fillValue(w, 'TYLE', 130); // percentage over 100
      fillValue(w, 'KP', 'mười hai'); // not a number
      fillValue(w, 'DAT', 'Chắc chắn');
      const sheet = w.getWorksheet('2. Tình hình khác');
      sheet?.addRow(['XYZ', 'Chỉ tiêu lạ', '', '', 5]);
      sheet?.addRow(['', 'Không có mã', '', '', 7]);
    });
    const { errors } = await parseReportWorkbook(file, documentForm, expected);
    const at = errors.map((e) => `${e.sheet}!${e.cell}`);
    expect(at).toEqual(
      expect.arrayContaining(['1. Hội nghị, tuyên truyền!E4', '1. Hội nghị, tuyên truyền!E6', '2. Tình hình khác!E4', '2. Tình hình khác!E5', '2. Tình hình khác!A7', '2. Tình hình khác!E8']),
    );
    expect(errors).toHaveLength(6);
    const message = (cell: string) => errors.find((e) => `${e.sheet}!${e.cell}` === cell)?.message;
    expect(message('1. Hội nghị, tuyên truyền!E4')).toContain('bắt buộc');
    expect(message('1. Hội nghị, tuyên truyền!E6')).toContain('từ 0 đến 100');
    expect(message('2. Tình hình khác!E4')).toContain('phải là một số');
    expect(message('2. Tình hình khác!E5')).toContain('"Có" hoặc "Không"');
    expect(message('2. Tình hình khác!A7')).toContain('"XYZ"');
    expect(message('2. Tình hình khác!E8')).toContain('không có mã chỉ tiêu');
  });

  it('reports a broken relation at the left indicator\'s cell', async () => {
    const file = await filled((w) => {
      fillAll(w);
      fillValue(w, 'NGUOI', 2); // fewer attendees than meetings (3)
    });
    const { errors } = await parseReportWorkbook(file, documentForm, expected);
    expect(errors).toEqual([{ sheet: '1. Hội nghị, tuyên truyền', cell: 'E5', message: expect.stringContaining('lớn hơn hoặc bằng') }]);
  });

  it('accepts blank required values when "Không phát sinh trong kỳ" is Có', async () => {
    const file = await filled((w) => {
      const info = w.getWorksheet('Thông tin');
      if (info) info.getCell('B9').value = 'Có';
    });
    const parsed = await parseReportWorkbook(file, documentForm, expected);
    expect(parsed.errors).toEqual([]);
    expect(parsed.content.noActivity).toBe(true);
  });

  it('refuses the template of another unit or another period, naming the cell', async () => {
    const otherUnit = await filled(fillAll, { ...input, unit: { code: 'CB02', name: 'Chi bộ Tài chính' } });
    const refused = await parseReportWorkbook(otherUnit, documentForm, expected);
    expect(refused.errors).toEqual([{ sheet: 'Thông tin', cell: 'B5', message: expect.stringContaining('"CB02", không phải "CB01"') }]);
    const otherPeriod = await filled(fillAll, { ...input, period: { ...input.period, closingDate: '2025-11-12' } });
    expect((await parseReportWorkbook(otherPeriod, documentForm, expected)).errors).toEqual([{ sheet: 'Thông tin', cell: 'B7', message: expect.stringContaining('kỳ báo cáo') }]);
  });

  it('refuses an XLSX that is not a template (no "Thông tin" sheet)', async () => {
    const { errors } = await parseReportWorkbook(buildUnitsXlsx(3), documentForm, expected);
    expect(errors).toEqual([{ sheet: 'Thông tin', cell: 'A1', message: expect.stringContaining('không phải mẫu báo cáo') }]);
  });
});

describe('hostile report files', () => {
  it('refuses a zip bomb before inflating it, with a clear message', async () => {
    const bomb = buildZip([{ name: 'xl/worksheets/sheet1.xml', deflated: deflatedRepeat(200, 'a'), size: 200 * 1024 * 1024 }]);
    await expect(parseReportWorkbook(bomb, documentForm, expected)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('bị từ chối') });
  });

  it('refuses a huge sheet in the parse worker with a 4xx error, never a crash', async () => {
    await expect(
      parseInWorker<ParsedReportFile>({ module: new URL('./import-xlsx.js', import.meta.url), exportName: 'parseReportWorkbook', args: [buildUnitsXlsx(150_000), documentForm, expected] }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', reason: 'REPORT_SHEET_TOO_LARGE' });
  });

  it('refuses bytes that are not an XLSX', async () => {
    await expect(parseReportWorkbook(Buffer.from('không phải excel'), documentForm, expected)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', reason: 'ZIP_UNREADABLE' });
  });
});
