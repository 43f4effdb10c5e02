/**
 * The consolidated table (pure): a row per indicator, a column per reporting child and the total,
 * the live figure when it differs ("số liệu chưa khớp") and the children that explain it.
 */
import { formIndicators, type IndicatorValue, type ReportForm } from '../../../shared/report-form.js';
import type { ConsolidatedReport, Mismatch } from './types.js';

export interface ConsolidationRow {
  code: string;
  label: string;
  unitOfMeasure: string;
  section: string;
  own: IndicatorValue;
  /** (Not `children`: antd tables read that key as nested rows.) By child unit id: its latest submitted version's value (undefined when it sent nothing). */
  byChild: Record<number, IndicatorValue | undefined>;
  total: number | null;
  live: number | null;
  mismatch: Mismatch | null;
}

export function consolidationRows(form: ReportForm, report: ConsolidatedReport): ConsolidationRow[] {
  const mismatches = new Map(report.mismatches.map((m) => [m.indicator, m]));
  return form.sections.flatMap((s) =>
    s.indicators
      .filter((i) => i.aggregation !== 'none')
      .map((i) => ({
        code: i.code,
        label: i.label,
        unitOfMeasure: i.unitOfMeasure ?? '',
        section: s.title,
        own: report.own[i.code] ?? null,
        byChild: Object.fromEntries(report.children.map((c) => [c.unitId, c.status === 'missing' ? undefined : c.values[i.code]])),
        total: report.values[i.code] ?? null,
        live: report.live[i.code] ?? null,
        mismatch: mismatches.get(i.code) ?? null,
      })),
  );
}

/** The sentence under a flagged figure: which children reported other than their live figures. */
export function mismatchText(m: Mismatch): string {
  const fmt = (n: number | null) => (n === null ? '—' : n.toLocaleString('vi-VN'));
  const who = m.explainedBy.map((c) => `${c.name} báo cáo ${fmt(c.reported)}, thực tế ${fmt(c.live)}`);
  return `Số liệu chưa khớp: tổng hợp ${fmt(m.values)}, thực tế ${fmt(m.live)}${who.length ? ` (${who.join('; ')})` : ''}.`;
}

/** The narrative drafted from the children's sections, one text per outline section (merged entries, each with its units). */
export function draftNarrative(outline: string[], report: ConsolidatedReport): string[] {
  return outline.map((title, i) => {
    const section = report.narrative.find((s) => s.title === title) ?? report.narrative[i];
    if (!section) return '';
    return section.entries.map((e) => (e.units.length ? `${e.text} (${e.units.join(', ')})` : e.text)).join('\n');
  });
}

/** Number of indicators that count (everything but `none`). */
export function countedIndicators(form: ReportForm): number {
  return formIndicators(form).filter((i) => i.aggregation !== 'none').length;
}
