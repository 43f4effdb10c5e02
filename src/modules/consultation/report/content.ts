/**
 * The content of an exported weekly report, built once and laid out twice (DOCX and XLSX), so both
 * files say the same thing and apply the same "< 5" rule.
 *
 * Privacy rule: contributors are submissions (lượt góp ý). Each breakdown row (a document, channel,
 * contributor group, stance, or a child unit) shows "< 5" in every figure of the row when 1 to 4
 * distinct submissions are behind it; 0 stays 0. For channel and contributor group a submission has
 * one value, so the hidden count is exactly the submissions of that row; for documents and stances
 * it is the number of distinct submissions with at least one opinion in the row. The totals of the
 * summary are not breakdown cells and are shown as they are; so that they do not give a "< 5" row
 * back by subtraction (nor the parent minus its children), other rows of the table are hidden too
 * and read "x" (complementary suppression, `suppressSmallCells` in report-suppression.ts).
 * Contributors' contact details are never read by any report code.
 *
 * Representative opinions (ý kiến tiêu biểu) are listed by document, then by section in the order
 * of the text, each quoted with its stance, the unit that received it and the unit that picked it.
 */
import { formatViDate, parseInstant, vietnamDateOf, WEEKDAY_NAMES_VI, isoWeekdayOf, vietnamMinuteOfDay, formatTimeOfDay } from '../../../platform/time/index.js';
import type { UnitKind } from '../../../platform/db/schema/org.js';
import type { ContributorCounts, WeekChange } from './history.js';
import { CHANNEL_LABELS, GROUP_LABELS, HIDDEN_CELL, STANCE_LABELS, STATUS_LABELS, channels, contributorGroups, maskedCount, stances, SMALL_CELL } from './labels.js';
import { suppressSmallCells, type RowState, type SuppressionRow, type SuppressionTable } from './suppression.js';
import type { RepresentativeOpinion } from '../representatives/schemas.js';
import type { WeeklyReport } from './weekly-report.js';

/** The unit's settings for the signed DOCX: its abbreviation (number symbol), place (inherited) and signer. */
export interface ReportSigning {
  abbreviation: string | null;
  place: string | null;
  signer: { authority: string | null; title: string | null; name: string | null };
}

export interface ReportExportContext {
  consultationCode: string;
  consultationTitle: string;
  documents: { code: string; title: string }[];
  parentUnitName: string | null;
  /** The reporting unit's kind: it chooses the DOCX layout (Party or State). */
  unitKind: UnitKind;
  signing: ReportSigning;
  contributors: ContributorCounts;
  change: WeekChange;
  /** Frozen reports of the direct children, by unit code. */
  frozenChildren: Record<string, { submittedAt: string; late: boolean; submissions: number; opinions: number }>;
  /** The unit's own report for the week, when submitted. */
  own: { submittedAt: string; late: boolean } | null;
  /** The unit's deadline for the week (ISO instant). */
  deadline: string;
  /** The report's representative opinions, each once, in document order (mergedRepresentatives). */
  representatives: RepresentativeOpinion[];
  generatedAt: Date;
}

export type Cell = string | number;

export interface ReportTable {
  key: 'documents' | 'channels' | 'groups' | 'stances' | 'children';
  heading: string;
  columns: string[];
  /** Relative column widths. */
  widths: number[];
  rows: Cell[][];
  /** A last row of totals, when meaningful. */
  total?: Cell[];
}

/** One representative opinion as the files show it. */
export interface RepresentativeEntry {
  /** The opinion's text, or a stand-in when it has none (a bare "Tán thành"). */
  quote: string;
  stance: string;
  receivingUnit: string;
  channel: string;
  pickedBy: string;
  carriedFrom: string | null;
  note: string | null;
  /** "Không tán thành — tiếp nhận tại …, qua VNeID; đơn vị chọn: …; ghi chú: …" */
  attribution: string;
}

export interface RepresentativeSection {
  /** "II.1. Phát triển …", "Mục 7" for a reference the text does not know, or "Ý kiến chung về dự thảo". */
  title: string;
  ref: string | null;
  entries: RepresentativeEntry[];
}

export interface RepresentativeDocument {
  title: string;
  code: string;
  sections: RepresentativeSection[];
}

export interface ReportRepresentatives {
  heading: string;
  /** Said instead of the list when no opinion was picked. */
  empty: string;
  documents: RepresentativeDocument[];
  /** The same list as table rows (the XLSX sheet). */
  columns: string[];
  widths: number[];
  rows: Cell[][];
}

export interface ReportContent {
  unitName: string;
  unitCode: string;
  title: string;
  subtitle: string;
  consultationTitle: string;
  periodLabel: string;
  summary: string[];
  tables: ReportTable[];
  representatives: ReportRepresentatives;
  notes: string[];
  generatedAt: Date;
}

const n = (value: number) => value.toLocaleString('vi-VN');
const shown = (value: Cell) => (typeof value === 'number' ? n(value) : value);

/** "16:00 thứ Tư 05/11/2025" */
export function instantVi(iso: string | Date): string {
  const at = typeof iso === 'string' ? parseInstant(iso) : iso;
  const date = vietnamDateOf(at);
  return `${formatTimeOfDay(vietnamMinuteOfDay(at))} ${WEEKDAY_NAMES_VI[isoWeekdayOf(date)]} ${formatViDate(date)}`;
}

/**
 * The week as every part of the exported report writes it, the heading ("Tuần từ …") and the text
 * ("Trong tuần từ …"): "từ 16:00 thứ Tư 29/10/2025 đến trước 16:00 thứ Tư 05/11/2025".
 */
export function weekWording(report: Pick<WeeklyReport, 'periodStart' | 'periodEnd'>): string {
  return `từ ${instantVi(report.periodStart)} đến trước ${instantVi(report.periodEnd)}`;
}

function changeSentence(change: WeekChange, unit: 'lượt góp ý' | 'ý kiến', delta: number, pct: number | null): string {
  if (change.previousPeriodEnd === null) return '';
  const direction = delta > 0 ? `tăng ${n(delta)}` : delta < 0 ? `giảm ${n(-delta)}` : 'không thay đổi';
  const rate = pct === null || delta === 0 ? '' : ` (${pct > 0 ? '+' : ''}${pct.toLocaleString('vi-VN')}%)`;
  return `${direction}${delta === 0 ? '' : ` ${unit}`}${rate}`;
}

/** A figure of a row as the files print it: itself, "< 5" (a small row) or "x" (hidden to protect one). */
function figure(value: number, state: RowState): Cell {
  if (state === 'small') return SMALL_CELL;
  if (state === 'complement' || state === 'hidden') return HIDDEN_CELL;
  return value;
}

/**
 * A breakdown table's rows with the small-cell rule applied against its totals: `addUp` says whether
 * each submission lies in exactly one row (channels, groups) or in one or more (documents, stances).
 */
function breakdown(
  keys: readonly string[],
  label: (key: string) => string,
  opinions: Record<string, number>,
  contributors: Record<string, number>,
  table: Pick<SuppressionTable, 'total' | 'contributorsAddUp'>,
): { rows: Cell[][] } {
  const figures: SuppressionRow[] = keys.map((key) => ({ contributors: contributors[key] ?? 0, opinions: opinions[key] ?? 0 }));
  const states = suppressSmallCells({ ...table, rows: figures });
  const rows = keys.map((key, i) => {
    const row = figures[i] as SuppressionRow;
    const state = states[i] as RowState;
    return [i + 1, label(key), figure(row.contributors, state), figure(row.opinions, state)];
  });
  return { rows };
}

const GENERAL_SECTION = 'Ý kiến chung về dự thảo';

function sectionTitle(section: RepresentativeOpinion['section']): string {
  if (!section) return GENERAL_SECTION;
  return section.heading ? `${section.ref}. ${section.heading}` : `Mục ${section.ref}`;
}

/** The representative opinions grouped by document and section (the input is in document order). */
export function buildRepresentatives(items: readonly RepresentativeOpinion[]): ReportRepresentatives {
  const documents: RepresentativeDocument[] = [];
  const rows: Cell[][] = [];
  for (const item of items) {
    const stance = STANCE_LABELS[item.stance];
    const channel = CHANNEL_LABELS[item.channel];
    const quote = item.text.trim() === '' ? `(Không có nội dung; chỉ biểu thị “${stance}”)` : item.text.trim();
    const attribution =
      `${stance} — tiếp nhận tại ${item.receivingUnit.name}, qua ${channel}; đơn vị chọn: ${item.pickedBy.name}` +
      (item.carriedFrom && item.carriedFrom.id !== item.pickedBy.id ? ` (đưa lên từ ${item.carriedFrom.name})` : '') +
      (item.note ? `; ghi chú: ${item.note}` : '');
    const entry: RepresentativeEntry = {
      quote,
      stance,
      receivingUnit: item.receivingUnit.name,
      channel,
      pickedBy: item.pickedBy.name,
      carriedFrom: item.carriedFrom?.name ?? null,
      note: item.note,
      attribution,
    };
    let document = documents.at(-1);
    if (!document || document.code !== item.document.code) {
      document = { title: item.document.title, code: item.document.code, sections: [] };
      documents.push(document);
    }
    const ref = item.section?.ref ?? null;
    let section = document.sections.at(-1);
    if (!section || section.ref !== ref) {
      section = { title: sectionTitle(item.section), ref, entries: [] };
      document.sections.push(section);
    }
    section.entries.push(entry);
    rows.push([rows.length + 1, item.document.title, ref ?? '', item.section ? (item.section.heading ?? '') : GENERAL_SECTION, stance, quote, entry.receivingUnit, channel, entry.pickedBy, entry.carriedFrom ?? '', item.note ?? '']);
  }
  return {
    heading: 'Ý kiến tiêu biểu',
    empty: 'Trong tuần chưa có ý kiến tiêu biểu nào được chọn.',
    documents,
    columns: ['STT', 'Dự thảo văn kiện', 'Mục', 'Tên mục', 'Loại ý kiến', 'Nội dung ý kiến', 'Đơn vị tiếp nhận', 'Kênh tiếp nhận', 'Đơn vị chọn', 'Đưa lên từ', 'Ghi chú'],
    widths: [6, 30, 8, 30, 16, 70, 28, 18, 28, 24, 30],
    rows,
  };
}

export function buildReportContent(report: WeeklyReport, context: ReportExportContext): ReportContent {
  const tables = breakdownTables(report, context);
  const children = childrenTable(report, context);
  if (children) tables.push(children);
  return {
    unitName: report.unitName,
    unitCode: report.unit,
    title: 'BÁO CÁO',
    subtitle: 'Tổng hợp ý kiến góp ý vào dự thảo các văn kiện',
    consultationTitle: context.consultationTitle,
    periodLabel: `Tuần ${weekWording(report)}`,
    summary: reportSummary(report, context),
    tables,
    representatives: buildRepresentatives(context.representatives),
    notes: reportNotes(tables, context),
    generatedAt: context.generatedAt,
  };
}

/** The summary paragraphs: the week's and the cumulative figures, the change from last week, identical groups, the children's reports. */
function reportSummary(report: WeeklyReport, context: ReportExportContext): string[] {
  const { change } = context;
  const summary: string[] = [];
  summary.push(
    `Trong tuần ${weekWording(report)}, ${report.unitName} và các đơn vị trực thuộc ` +
      `đã tiếp nhận ${n(report.submissions)} lượt góp ý với ${n(report.opinions)} ý kiến vào dự thảo các văn kiện. ` +
      `Lũy kế từ khi bắt đầu lấy ý kiến đến hết tuần: ${n(report.cumulative.submissions)} lượt góp ý, ${n(report.cumulative.opinions)} ý kiến.`,
  );
  if (change.previousPeriodEnd !== null) {
    summary.push(
      `So với tuần trước (${n(change.previous.submissions)} lượt góp ý, ${n(change.previous.opinions)} ý kiến): ` +
        `${changeSentence(change, 'lượt góp ý', change.submissions, change.submissionsPercent)}; ` +
        `${changeSentence(change, 'ý kiến', change.opinions, change.opinionsPercent)}.`,
    );
  } else {
    summary.push('Đây là tuần đầu tiên của đợt lấy ý kiến, chưa có số liệu tuần trước để so sánh.');
  }
  if (report.identicalGroups > 0) summary.push(`Có ${n(report.identicalGroups)} nhóm ý kiến có nội dung trùng nhau (từ hai ý kiến trở lên).`);
  const submitted = report.children.filter((c) => c.status === 'submitted' || c.status === 'late').length;
  if (report.children.length > 0) {
    const late = report.children.filter((c) => c.status === 'late').length;
    const overdue = report.children.filter((c) => c.status === 'overdue').length;
    summary.push(
      `Có ${n(submitted)}/${n(report.children.length)} đơn vị trực thuộc đã gửi báo cáo tuần` +
        (late > 0 ? ` (${n(late)} đơn vị gửi muộn)` : '') +
        `; ${n(report.children.length - submitted)} đơn vị chưa gửi` +
        (overdue > 0 ? ` (${n(overdue)} đơn vị quá hạn)` : '') +
        '.',
    );
  }
  return summary;
}

/** The week's figures by document, channel, contributor group and stance, small cells masked. */
function breakdownTables(report: WeeklyReport, context: ReportExportContext): ReportTable[] {
  const documentTitles = new Map(context.documents.map((d) => [d.code, d.title]));
  const opinionCols = ['STT', '', 'Số lượt góp ý', 'Số ý kiến'];
  const widths = [8, 52, 20, 20];
  const c = context.contributors;
  const totals = { contributors: report.submissions, opinions: report.opinions };
  const oneRowEach = { total: totals, contributorsAddUp: 'exactly' } as const;
  const someInSeveral = { total: totals, contributorsAddUp: 'atLeast' } as const;
  const documents = breakdown(
    Object.keys(report.byDocument),
    (code) => documentTitles.get(code) ?? code,
    report.byDocument,
    c.byDocument,
    someInSeveral,
  );
  const byChannel = breakdown(channels, (k) => CHANNEL_LABELS[k as keyof typeof CHANNEL_LABELS], report.byChannel, c.byChannel, oneRowEach);
  const byGroup = breakdown(contributorGroups, (k) => GROUP_LABELS[k as keyof typeof GROUP_LABELS], report.byContributorGroup, c.byContributorGroup, oneRowEach);
  const byStance = breakdown(stances, (k) => STANCE_LABELS[k as keyof typeof STANCE_LABELS], report.byStance, c.byStance, someInSeveral);
  // Totals: submissions are counted once even when a submission touches several rows.
  const total = (opinions: number): Cell[] => ['', 'Tổng cộng', report.submissions, opinions];

  return [
    { key: 'documents', heading: '1. Theo dự thảo văn kiện', columns: ['STT', 'Dự thảo văn kiện', ...opinionCols.slice(2)], widths, rows: documents.rows, total: total(report.opinions) },
    { key: 'channels', heading: '2. Theo kênh tiếp nhận', columns: ['STT', 'Kênh tiếp nhận', ...opinionCols.slice(2)], widths, rows: byChannel.rows, total: total(report.opinions) },
    { key: 'groups', heading: '3. Theo đối tượng góp ý', columns: ['STT', 'Đối tượng', ...opinionCols.slice(2)], widths, rows: byGroup.rows, total: total(report.opinions) },
    { key: 'stances', heading: '4. Theo loại ý kiến', columns: ['STT', 'Loại ý kiến', ...opinionCols.slice(2)], widths, rows: byStance.rows, total: total(report.opinions) },
  ];
}

/** Each direct child's report status with its live and submitted figures (small cells masked), or null without children. */
function childrenTable(report: WeeklyReport, context: ReportExportContext): ReportTable | null {
  if (report.children.length === 0) return null;
  const totals = { contributors: report.submissions, opinions: report.opinions };
  // The unit's own receipts (total minus its children's subtrees) are never shown: the rest of the totals.
  const childStates = suppressSmallCells({
    rows: report.children.map((child) => ({ contributors: child.submissions, opinions: child.opinions })),
    total: totals,
    contributorsAddUp: 'exactly',
    unshownRest: true,
  });
  return {
    key: 'children',
    heading: 'Tình hình gửi báo cáo tuần của các đơn vị trực thuộc',
    columns: ['STT', 'Đơn vị', 'Tình trạng', 'Thời điểm gửi', 'Lượt góp ý (trực tiếp)', 'Ý kiến (trực tiếp)', 'Lượt góp ý (bản đã gửi)', 'Ý kiến (bản đã gửi)'],
    widths: [6, 26, 11, 15, 10, 10, 11, 11],
    rows: report.children.map((child, i) => {
      const frozen = context.frozenChildren[child.code];
      const state = childStates[i] as RowState;
      // A row hidden to protect another hides its submitted figures too (they are close to the live ones).
      const frozenFigure = (value: number, contributors: number) => (state === 'complement' || state === 'hidden' ? HIDDEN_CELL : maskedCount(value, contributors));
      return [
        i + 1,
        child.name,
        STATUS_LABELS[child.status],
        frozen ? instantVi(frozen.submittedAt) : '',
        figure(child.submissions, state),
        figure(child.opinions, state),
        frozen ? frozenFigure(frozen.submissions, frozen.submissions) : '',
        frozen ? frozenFigure(frozen.opinions, frozen.submissions) : '',
      ];
    }),
  };
}

/** The notes under the tables: how figures are counted and masked, when they were read, the unit's own deadline or submission. */
function reportNotes(tables: ReportTable[], context: ReportExportContext): string[] {
  const notes = [
    `Số lượt góp ý là số lần gửi góp ý (mỗi lần có thể gồm nhiều ý kiến); số ý kiến được đếm theo từng ý kiến.`,
    `Để bảo vệ người góp ý, ô có dưới 5 lượt góp ý được ghi "${SMALL_CELL}" thay cho số liệu; ô bằng 0 giữ nguyên.`,
    ...(tables.some((t) => t.rows.some((r) => r.includes(HIDDEN_CELL)))
      ? [`Ô ghi "${HIDDEN_CELL}" được ẩn thêm để không thể suy ra số liệu của ô "${SMALL_CELL}" từ số tổng cộng hoặc từ số của đơn vị trừ đi số của các đơn vị trực thuộc.`]
      : []),
    `Số liệu trực tiếp tính đến ${instantVi(context.generatedAt)}; bản đã gửi là số liệu được chốt khi đơn vị gửi báo cáo.`,
  ];
  if (context.own) notes.push(`Báo cáo tuần của đơn vị đã gửi lên cấp trên lúc ${instantVi(context.own.submittedAt)}${context.own.late ? ' (muộn)' : ''}.`);
  else notes.push(`Hạn gửi báo cáo tuần của đơn vị lên cấp trên: ${instantVi(context.deadline)}.`);
  return notes;
}

/** A cell as text (numbers with Vietnamese digit grouping). */
export function cellText(value: Cell): string {
  return shown(value);
}
