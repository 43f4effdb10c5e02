/**
 * The layout of a regime's XLSX template, shared by the writer (template-xlsx.ts) and the reader
 * (import-xlsx.ts): the names of the fixed sheets, the labels of the "Thông tin" rows the reader
 * looks up, and the columns of a section sheet. Indicators are found by their code (column
 * "Mã chỉ tiêu"), never by row position; columns by their header text.
 */

export const INFO_SHEET = 'Thông tin';
export const OUTLINE_SHEET = 'Đề cương';

/** Labels of the "Thông tin" sheet's column A; the value is in column B. */
export const INFO_LABELS = {
  regimeName: 'Chế độ báo cáo',
  regimeCode: 'Mã chế độ báo cáo',
  unitName: 'Đơn vị báo cáo',
  unitCode: 'Mã đơn vị',
  period: 'Kỳ báo cáo',
  closingDate: 'Ngày chốt kỳ (năm-tháng-ngày)',
  deadline: 'Hạn gửi báo cáo',
  noActivity: 'Không phát sinh trong kỳ',
} as const;

/** The columns of a section sheet, in order (A–F). */
export const SECTION_COLUMNS = {
  code: 'Mã chỉ tiêu',
  label: 'Chỉ tiêu',
  unitOfMeasure: 'Đơn vị tính',
  type: 'Kiểu',
  value: 'Giá trị',
  note: 'Ghi chú',
} as const;
export type SectionColumn = keyof typeof SECTION_COLUMNS;

/** The columns of the "Đề cương" sheet (A–C). */
export const OUTLINE_COLUMNS = { number: 'STT', title: 'Phần', text: 'Nội dung' } as const;

/** Rows above the header of a section sheet (title, then regime / unit / period). */
export const SECTION_HEADER_ROW = 3;
export const OUTLINE_HEADER_ROW = 2;

const FORBIDDEN_IN_SHEET_NAME = /[\\/?*[\]:]/g;
const MAX_SHEET_NAME = 31;

/** A section sheet's name: "1. Kết quả tuyên truyền", within Excel's 31 characters, unique. */
export function sectionSheetName(index: number, title: string, taken: Set<string>): string {
  const base = `${index + 1}. ${title.replace(FORBIDDEN_IN_SHEET_NAME, ' ').replace(/\s+/g, ' ').trim()}`;
  let name = [...base].slice(0, MAX_SHEET_NAME).join('').trim();
  for (let n = 2; taken.has(name.toLocaleLowerCase('vi')); n++) name = `${[...base].slice(0, MAX_SHEET_NAME - 4).join('').trim()} (${n})`;
  taken.add(name.toLocaleLowerCase('vi'));
  return name;
}
