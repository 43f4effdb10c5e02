/**
 * DOCX "Thông báo kết quả" of a closed round in the organiser unit's official layout
 * (core/official-docx: Party or State): header with the number/symbol placeholder, place and date,
 * the subject, the round's figures, the official figure with its method and cut-off, the prize
 * table (prize, name, unit, score, masked phone), "Nơi nhận" and the signer.
 */
import { BorderStyle, Packer, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType, type Paragraph } from 'docx';
import { BODY_PARAGRAPH, buildClosing, buildHeading, conventionOfUnitKind, line, officialDocument, para, run, specFor, type LayoutSpec, type OfficialHeading } from '../../../core/official-docx/index.js';
import { vietnamDateOf } from '../../../platform/time/index.js';
import { vietnamSecond } from '../closing/official-method.js';
import type { IssuingUnit as OrganiserUnit } from '../../../core/official-docx/index.js';

export interface ResultsNotice {
  contestTitle: string;
  round: number;
  closesAt: Date;
  cutOff: Date;
  attempts: number;
  people: number;
  perfectScores: number;
  officialFigure: number;
  officialMethod: string;
  confirmed: boolean;
  winners: { prize: string; name: string; unit: string; score: number; maxScore: number | null; phoneMasked: string | null }[];
  generatedAt: Date;
}

const count = (n: number) => n.toLocaleString('vi-VN');
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const WIDTHS = [600, 1500, 2300, 2500, 900, 1500];

function heading(unit: OrganiserUnit, notice: ResultsNotice): OfficialHeading {
  const convention = conventionOfUnitKind(unit.kind);
  const abbr = unit.abbreviation;
  const configured = unit.signer.title !== null || unit.signer.name !== null;
  return {
    convention,
    docType: 'Thông báo',
    parentBody: unit.parentName,
    issuingBody: unit.name,
    numberSymbol: convention === 'party' ? `-TB${abbr ? `/${abbr}` : ''}` : `/TB${abbr ? `-${abbr}` : ''}`,
    place: unit.place ?? '……',
    date: vietnamDateOf(notice.generatedAt),
    subject: `Kết quả vòng ${notice.round} Cuộc thi “${notice.contestTitle}”`,
    recipients: [],
    distribution: ['Các đơn vị trực thuộc', 'Người đạt giải', 'Đăng trên trang cuộc thi', 'Lưu VT'],
    signer: configured ? { authority: unit.signer.authority, body: null, title: unit.signer.title ?? '', name: unit.signer.name ?? '' } : { authority: 'T/M', body: 'BAN TỔ CHỨC', title: 'TRƯỞNG BAN', name: '' },
  };
}

function cell(text: string, width: number, bold = false, align: 'left' | 'center' = 'left'): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    children: [para([run(text, { size: 12, bold })], { align })],
  });
}

function prizeTable(notice: ResultsNotice): Table {
  const head = new TableRow({ tableHeader: true, cantSplit: true, children: ['STT', 'Giải', 'Họ và tên', 'Đơn vị', 'Điểm', 'Số điện thoại'].map((t, i) => cell(t, WIDTHS[i]!, true, 'center')) });
  const rows = notice.winners.map(
    (w, i) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(String(i + 1), WIDTHS[0]!, false, 'center'),
          cell(w.prize, WIDTHS[1]!),
          cell(w.name, WIDTHS[2]!),
          cell(w.unit, WIDTHS[3]!),
          cell(w.maxScore === null ? String(w.score) : `${w.score}/${w.maxScore}`, WIDTHS[4]!, false, 'center'),
          cell(w.phoneMasked ?? '', WIDTHS[5]!, false, 'center'),
        ],
      }),
  );
  return new Table({ width: { size: WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: WIDTHS, layout: TableLayoutType.FIXED, rows: [head, ...rows] });
}

function body(spec: LayoutSpec, notice: ResultsNotice): (Paragraph | Table)[] {
  const text = (t: string, style: { bold?: boolean; italics?: boolean } = {}) =>
    line(t, { size: spec.size.body, ...style }, { align: 'justify', firstLine: BODY_PARAGRAPH.firstLine, after: BODY_PARAGRAPH.after, line: BODY_PARAGRAPH.line });
  return [
    text(`Ban Tổ chức Cuộc thi “${notice.contestTitle}” thông báo kết quả vòng ${notice.round} (kết thúc lúc ${vietnamSecond(notice.closesAt)}) như sau:`),
    text('1. Số liệu của vòng thi', { bold: true }),
    text(`Vòng thi có ${count(notice.attempts)} lượt thi của ${count(notice.people)} người dự thi; ${count(notice.perfectScores)} người có ít nhất một lượt trả lời đúng tất cả các câu hỏi.`),
    text('2. Con số chính thức của câu hỏi dự đoán', { bold: true }),
    text(`Con số chính thức: ${count(notice.officialFigure)}. Thời điểm chốt số liệu: ${vietnamSecond(notice.cutOff)} (giờ Việt Nam).`),
    text(notice.officialMethod, { italics: true }),
    text('3. Danh sách đạt giải', { bold: true }),
    ...(notice.confirmed ? [] : [text('(Dự thảo: kết quả chưa được xác nhận; danh sách có thể thay đổi sau khi xem xét các dấu hiệu bất thường.)', { italics: true })]),
    notice.winners.length > 0 ? prizeTable(notice) : text('Vòng thi không có người đạt giải.', { italics: true }),
    text('Xếp hạng theo thứ tự: điểm số; độ chênh lệch giữa số dự đoán và con số chính thức; thời gian làm bài; thời điểm nộp bài. Mỗi người chỉ tính lượt thi có điểm cao nhất (lượt đầu tiên nếu bằng điểm).'),
  ];
}

export async function renderResultsDocx(unit: OrganiserUnit, notice: ResultsNotice): Promise<Buffer> {
  const official = heading(unit, notice);
  const spec = specFor(official.convention);
  const children = [...buildHeading(official, spec), ...body(spec, notice), ...buildClosing(official, spec)];
  return Packer.toBuffer(officialDocument({ title: `Thông báo ${official.subject}`, spec, children }));
}
