/**
 * The XLSX template of a question file: the header row of the import (the columns plus
 * explanation and disputed), one sample row, and a sheet explaining each column.
 */
import type { Actor } from '../../../../platform/access/roles.js';
import type { Db } from '../../../../platform/db/database.js';
import ExcelJS from '../../../../platform/xlsx/exceljs.js';
import { requireContestRole } from '../../policy.js';
import { optionalColumns, requiredColumns } from './rows.js';

const sample = [
  'Đại hội đại biểu toàn quốc lần thứ XIII của Đảng họp vào năm nào?',
  '2016',
  '2021',
  '2026',
  '',
  '',
  '',
  'B',
  'Các kỳ Đại hội',
  'easy',
  'Đại hội XIII (25/01–01/02/2021), dangcongsan.vn',
  'Đại hội XIII họp từ ngày 25/01 đến ngày 01/02/2021 tại Hà Nội.',
  '',
];

const guide: [string, string][] = [
  ['question', 'Nội dung câu hỏi (bắt buộc).'],
  ['option_a … option_f', 'Các phương án theo thứ tự A–F; A và B bắt buộc, từ C trở đi được để trống nhưng không để trống xen giữa.'],
  ['correct', 'Đáp án đúng: một hoặc nhiều chữ cái, cách nhau bằng dấu ";" (ví dụ B hoặc A;C); phải chỉ vào phương án có nội dung.'],
  ['topic', 'Chủ đề (để vòng thi chọn chủ đề); được để trống.'],
  ['difficulty', 'Độ khó: easy (dễ), medium (trung bình) hoặc hard (khó).'],
  ['source', 'Nguồn: văn kiện và mục, hoặc địa chỉ trang web.'],
  ['explanation', 'Không bắt buộc: giải thích hiện ở chế độ ôn tập và sau khi vòng thi kết thúc.'],
  ['disputed', 'Không bắt buộc: 1 hoặc x nếu câu hỏi còn tranh chấp (không bao giờ được rút trong vòng thi tính điểm).'],
];

export async function questionTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Câu hỏi');
  sheet.addRow([...requiredColumns, ...optionalColumns]);
  sheet.addRow(sample);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 60 : 18));
  const help = workbook.addWorksheet('Hướng dẫn');
  help.addRow(['Cột', 'Cách điền']);
  help.getRow(1).font = { bold: true };
  for (const row of guide) help.addRow(row);
  help.getColumn(1).width = 22;
  help.getColumn(2).width = 110;
  help.addRow([]);
  help.addRow(['', 'Chỉ trang tính đầu tiên được đọc. Dòng 1 là tiêu đề; mỗi dòng sau là một câu hỏi. Có dòng lỗi thì không câu nào được nhập.']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The template for a contest (viewer of its organiser), named after the contest's code. */
export async function exportQuestionTemplate(db: Db, options: { actor: Actor; contestId: number }): Promise<{ body: Buffer; fileName: string }> {
  const contest = await requireContestRole(db, options.actor, options.contestId, 'viewer');
  return { body: await questionTemplateXlsx(), fileName: `mau-cau-hoi-${contest.code}.xlsx` };
}
