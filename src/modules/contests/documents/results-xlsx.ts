/**
 * XLSX of a round's full ranking, streamed: ExcelJS's streaming WorkbookWriter (inline strings, each
 * row committed at once) fed page by page from the database, waiting for the output to drain, so a
 * ranking of 1,000,000 people never sits in memory. Sheet "Tổng hợp" (figures, official figure,
 * method, cut-off), then "Xếp hạng" (one row per person, best first).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from '../../../platform/xlsx/exceljs.js';
import { VIETNAM_OFFSET_MS } from '../../../platform/time/index.js';
import type { RankingEntry, RoundResultsHead } from '../results/round-results.js';

const FONT = { name: 'Times New Roman', size: 12 };
const DATE_TIME = 'dd/mm/yyyy hh:mm:ss';
const HIGH_WATER = 8 * 1024 * 1024;

/** Excel has no time zones: the cell holds the Vietnam wall-clock time. */
const excelInstant = (iso: string) => new Date(new Date(iso).getTime() + VIETNAM_OFFSET_MS);

export const RANKING_HEADER = ['Hạng', 'Họ và tên', 'Đơn vị', 'Số điện thoại', 'Điểm', 'Dự đoán', 'Thời gian làm bài (giây)', 'Nộp bài lúc', 'Giải', 'Cần xem xét', 'Bị loại'];

export async function writeResultsXlsx(output: Writable, input: { contestTitle: string; head: RoundResultsHead; pages: AsyncIterable<RankingEntry[]> }): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Lan Tỏa';
  const { head } = input;
  const summary = workbook.addWorksheet('Tổng hợp');
  summary.columns = [{ width: 36 }, { width: 100 }];
  const add = (label: string, value: string | number | Date) => {
    const row = summary.addRow([label, value]);
    row.font = FONT;
    if (value instanceof Date) row.getCell(2).numFmt = DATE_TIME;
    row.commit();
  };
  add('Cuộc thi', input.contestTitle);
  add('Vòng', head.round);
  add('Kết thúc lúc (giờ Việt Nam)', excelInstant(head.closesAt));
  add('Chốt số liệu lúc (giờ Việt Nam)', excelInstant(head.cutOff));
  add('Số lượt thi', head.attempts);
  add('Số người dự thi', head.people);
  add('Số người đạt điểm tuyệt đối', head.perfectScores);
  add('Con số chính thức', head.officialFigure);
  add('Cách tính', head.officialMethod);
  add('Kết quả', head.confirmedAt ? 'Đã xác nhận' : 'Chưa xác nhận (đang xem xét)');
  summary.commit();

  const sheet = workbook.addWorksheet('Xếp hạng', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [8, 30, 36, 16, 8, 10, 14, 20, 16, 12, 10].map((width) => ({ width }));
  const header = sheet.addRow(RANKING_HEADER);
  header.font = { ...FONT, bold: true };
  header.commit();
  for await (const page of input.pages) {
    for (const w of page) {
      const row = sheet.addRow([w.rank, w.name, w.unit, w.phoneMasked, w.score, w.prediction, w.durationSeconds, excelInstant(w.submittedAt), w.prize, w.flagged ? 'Có' : null, w.excluded ? 'Có' : null]);
      row.getCell(8).numFmt = DATE_TIME;
      row.commit();
    }
    if (output.writableLength > HIGH_WATER) await once(output, 'drain');
  }
  sheet.commit();
  await workbook.commit();
}
