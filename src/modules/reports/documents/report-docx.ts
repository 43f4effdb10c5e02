/**
 * DOCX of a unit's report and of a consolidated report, in the official layout of the reporting
 * unit (core/official-docx: Party layout for Party bodies, State layout otherwise): the header with
 * the number/symbol line ("Số    -BC/ĐU", "Số:      /BC-SVHTTDL"), place and date, "BÁO CÁO" and
 * its subject ("Kết quả … tuần từ 30/10/2025 đến 05/11/2025", "… tháng 01/2026"), "Kính gửi" the
 * recipient, the indicator tables by section, the narrative by outline section, "Nơi nhận" and the
 * unit's configured signer.
 */
import { Packer, type Paragraph, type Table } from 'docx';
import { BODY_PARAGRAPH, buildClosing, buildHeading, conventionOfUnitKind, line, officialDocument, specFor, type IssuingUnit, type LayoutSpec, type OfficialHeading } from '../../../core/official-docx/index.js';
import { vietnamDateOf, type Period, type Schedule } from '../../../platform/time/index.js';
import type { ReportContent, ReportForm } from '../../../shared/report-form.js';
import type { ConsolidatedReport } from '../types.js';
import { chunkColumns, indicatorTable, type ValueColumn } from './docx-tables.js';
import { formatNumber, reportSubject, TIMELINESS_LABELS } from './labels.js';

/** The unit a document is issued by, with its signing settings (blank settings are null). */
/** The issuing unit (core/official-docx `selectIssuingUnit`). */
export type DocumentUnit = IssuingUnit;

export interface ReportDocumentContext {
  regime: { code: string; name: string };
  schedule: Schedule;
  unit: DocumentUnit;
  /** Where the report goes (Kính gửi, Nơi nhận); null for the issuer's own consolidation. */
  recipient: { code: string; name: string } | null;
  generatedAt: Date;
}

export interface UnitReportDocument {
  form: ReportForm;
  period: { key: string; start: Date; end: Date; closingDate: string };
  content: ReportContent;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const roman = (i: number) => ROMAN[i] ?? String(i + 1);

function heading(context: ReportDocumentContext, period: Period): OfficialHeading {
  const convention = conventionOfUnitKind(context.unit.kind);
  const party = convention === 'party';
  const { abbreviation, signer } = context.unit;
  const configured = signer.title !== null || signer.name !== null;
  const recipient = context.recipient ? [context.recipient.name] : [];
  return {
    convention,
    docType: 'Báo cáo',
    parentBody: context.unit.parentName,
    issuingBody: context.unit.name,
    numberSymbol: party ? `-BC${abbreviation ? `/${abbreviation}` : ''}` : `/BC${abbreviation ? `-${abbreviation}` : ''}`,
    place: context.unit.place ?? '……',
    date: vietnamDateOf(context.generatedAt),
    subject: reportSubject(context.regime.name, period),
    recipients: recipient,
    distribution: [...recipient.map((r) => `${r} (để báo cáo)`), 'Lưu VT'],
    signer: configured ? { authority: signer.authority, body: null, title: signer.title ?? '', name: signer.name ?? '' } : { authority: null, body: null, title: 'Người lập báo cáo', name: '' },
  };
}

const partHeading = (spec: LayoutSpec, text: string) => line(text, { size: spec.size.body, bold: true }, { align: 'justify', firstLine: BODY_PARAGRAPH.firstLine, before: 120, after: 120, keepNext: true });
const subHeading = (spec: LayoutSpec, text: string) => line(text, { size: spec.size.body, bold: true, italics: true }, { align: 'justify', firstLine: BODY_PARAGRAPH.firstLine, before: 60, after: 60, keepNext: true });
const bodyText = (spec: LayoutSpec, text: string, italics = false) =>
  line(text, { size: spec.size.body, italics }, { align: 'justify', firstLine: BODY_PARAGRAPH.firstLine, after: BODY_PARAGRAPH.after, line: BODY_PARAGRAPH.line });
/** One paragraph per line of a text entered with line breaks. */
const paragraphs = (spec: LayoutSpec, text: string) =>
  text
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => bodyText(spec, l));

async function pack(context: ReportDocumentContext, period: Period, body: (spec: LayoutSpec) => (Paragraph | Table)[]): Promise<Buffer> {
  const official = heading(context, period);
  const spec = specFor(official.convention);
  const children = [...buildHeading(official, spec), ...body(spec), ...buildClosing(official, spec)];
  const doc = officialDocument({ title: `Báo cáo ${official.subject} – ${context.unit.name}`, spec, children });
  return Packer.toBuffer(doc);
}

/** A unit's own report: its values and notes by section, then its narrative by outline section. */
export async function renderUnitReportDocx(context: ReportDocumentContext, report: UnitReportDocument): Promise<Buffer> {
  const period: Period = { ...report.period, schedule: context.schedule };
  const { form, content } = report;
  return pack(context, period, (spec) => {
    const out: (Paragraph | Table)[] = [partHeading(spec, 'I. SỐ LIỆU BÁO CÁO')];
    if (content.noActivity) out.push(bodyText(spec, 'Trong kỳ, đơn vị không phát sinh hoạt động, số liệu.', true));
    const column: ValueColumn = { heading: 'Số liệu', value: (i) => content.values[i.code] };
    out.push(indicatorTable(form.sections, [column], spec, { heading: 'Ghi chú', width: 1800, text: (i) => content.notes[i.code] ?? '' }));
    form.outline.forEach((title, i) => {
      out.push(partHeading(spec, `${roman(i + 1)}. ${title.toLocaleUpperCase('vi')}`));
      const text = paragraphs(spec, content.narrative[i] ?? '');
      out.push(...(text.length > 0 ? text : [bodyText(spec, 'Không có nội dung.', true)]));
    });
    return out;
  });
}

/** "Có 3/4 đơn vị đã gửi báo cáo (đúng hạn 2, gửi muộn 1); chưa báo cáo: Chi bộ 4." */
function reportingSentence(report: ConsolidatedReport): string {
  const expected = report.children.length;
  const onTime = report.children.filter((c) => c.status === 'onTime').length;
  const late = report.children.filter((c) => c.status === 'late').length;
  const missing = report.children.filter((c) => c.status === 'missing').map((c) => c.name);
  const head = `Có ${formatNumber(onTime + late)}/${formatNumber(expected)} đơn vị đã gửi báo cáo (${TIMELINESS_LABELS.onTime.toLocaleLowerCase('vi')} ${formatNumber(onTime)}, ${TIMELINESS_LABELS.late.toLocaleLowerCase('vi')} ${formatNumber(late)})`;
  return missing.length > 0 ? `${head}; chưa báo cáo: ${missing.join(', ')}.` : `${head}.`;
}

function mismatchLines(report: ConsolidatedReport, form: ReportForm, spec: LayoutSpec): Paragraph[] {
  if (report.mismatches.length === 0) return [];
  const labels = new Map(form.sections.flatMap((s) => s.indicators).map((i) => [i.code, i]));
  const shown = (n: number | null) => (n === null ? 'trống' : formatNumber(n));
  return [
    subHeading(spec, 'Số liệu chưa khớp (tổng hợp từ báo cáo đã gửi so với số liệu hiện có của các đơn vị):'),
    ...report.mismatches.map((m) => {
      const why = m.explainedBy.map((c) => `${c.name} báo cáo ${shown(c.reported)}, hiện có ${shown(c.live)}`).join('; ');
      return bodyText(spec, `- ${labels.get(m.indicator)?.label ?? m.indicator}: tổng hợp ${shown(m.values)}, hiện có ${shown(m.live)}${why ? ` (${why})` : ''}.`);
    }),
  ];
}

/** The columns of a consolidation: each child (the missing marked), the unit's own figures when it has any, then the total. */
function consolidationColumns(report: ConsolidatedReport): { units: ValueColumn[]; total: ValueColumn } {
  const units: ValueColumn[] = report.children.map((child) => ({ heading: child.status === 'missing' ? `${child.name} (chưa báo cáo)` : child.name, value: (i) => child.values[i.code] }));
  if (Object.values(report.own).some((v) => v !== null && v !== undefined)) units.push({ heading: `${report.unit.name} (tự báo cáo)`, value: (i) => report.own[i.code] });
  return { units, total: { heading: 'Tổng cộng', value: (i) => (i.aggregation === 'none' ? null : report.values[i.code]), bold: true } };
}

/** A consolidated report: who reported, a column per child and the total, mismatches, the drafted narrative. */
export async function renderConsolidationDocx(context: ReportDocumentContext, form: ReportForm, report: ConsolidatedReport): Promise<Buffer> {
  const period: Period = { ...report.period, schedule: context.schedule };
  return pack(context, period, (spec) => {
    const out: (Paragraph | Table)[] = [partHeading(spec, 'I. TÌNH HÌNH GỬI BÁO CÁO VÀ SỐ LIỆU TỔNG HỢP'), bodyText(spec, reportingSentence(report))];
    const { units, total } = consolidationColumns(report);
    const chunks = chunkColumns(units, total);
    chunks.forEach((columns, i) => {
      if (chunks.length > 1) out.push(subHeading(spec, `Bảng ${i + 1}/${chunks.length}`));
      out.push(indicatorTable(form.sections, columns, spec));
    });
    out.push(...mismatchLines(report, form, spec));
    const sections = form.outline.length > 0 ? form.outline : report.narrative.map((s) => s.title);
    sections.forEach((title, i) => {
      out.push(partHeading(spec, `${roman(i + 1)}. ${title.toLocaleUpperCase('vi')}`));
      const entries = report.narrative.find((s) => s.title === title)?.entries ?? [];
      if (entries.length === 0) out.push(bodyText(spec, 'Không có nội dung.', true));
      for (const entry of entries) out.push(bodyText(spec, `- ${entry.text}${entry.units.length > 0 ? ` (${entry.units.join(', ')})` : ''}`));
    });
    return out;
  });
}
