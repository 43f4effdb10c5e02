/**
 * The form of a report regime (biểu mẫu số liệu + đề cương), shared by the server and the web app:
 * numeric and text indicators grouped in sections, checks between indicators, and the narrative
 * outline. What a unit fills in (`ReportContent`) refers to indicators by code and to outline
 * sections by position.
 */
export const indicatorTypes = ['integer', 'decimal', 'percentage', 'yesno', 'text'] as const;
export type IndicatorType = (typeof indicatorTypes)[number];

/** How an indicator consolidates over the units that report to a unit (their values and its own). */
export const indicatorAggregations = ['sum', 'max', 'min', 'weighted-average', 'count-yes', 'none'] as const;
export type IndicatorAggregation = (typeof indicatorAggregations)[number];

export interface ReportIndicator {
  /** Stable code within the regime (`A1`, `hoi_nghi`): the key of values, JSON files and XLSX columns. */
  code: string;
  label: string;
  /** Đơn vị tính: "cuộc", "lượt người", "%"… */
  unitOfMeasure?: string | undefined;
  type: IndicatorType;
  aggregation: IndicatorAggregation;
  /** For `weighted-average`: the code of the indicator that weighs each unit's value. */
  weightBy?: string | undefined;
  required?: boolean | undefined;
  /** Range checks (numbers; a percentage is 0–100 unless narrowed). */
  min?: number | undefined;
  max?: number | undefined;
  /**
   * Where Lan Tỏa pre-fills the value from: a figure key another module declares in its manifest
   * (`campaigns.activities`, `consultation.submissions`, `campaigns.quantity.article`…).
   */
  prefill?: string | undefined;
}

export interface ReportFormSection {
  title: string;
  indicators: ReportIndicator[];
}

/** A relation between two indicators that every unit's values must satisfy: `left op right`. */
export interface IndicatorRelation {
  left: string;
  op: '>=' | '<=' | '=' | '>' | '<';
  right: string;
  /** Vietnamese message shown when it fails; generated from the labels when absent. */
  message?: string | undefined;
}

export interface ReportForm {
  sections: ReportFormSection[];
  relations: IndicatorRelation[];
  /** Đề cương: the narrative sections' titles, in order. */
  outline: string[];
}

/** A value as a unit enters it: a number (integer, decimal, percentage), a yes/no, a text; null = blank. */
export type IndicatorValue = number | boolean | string | null;

/** What a unit fills in for a period (its draft, then each submitted version's own part). */
export interface ReportContent {
  values: Record<string, IndicatorValue>;
  /** Why a pre-filled figure was overridden, by indicator code. */
  notes: Record<string, string>;
  /** The pre-filled figures as Lan Tỏa computed them (so an override is visible), by indicator code. */
  prefilled: Record<string, number>;
  /** The narrative, one text per outline section (same order as `ReportForm.outline`). */
  narrative: string[];
  /** "Không phát sinh trong kỳ": the unit had nothing to report this period. */
  noActivity: boolean;
}

/** Every indicator of a form, in order. */
export function formIndicators(form: ReportForm): ReportIndicator[] {
  return form.sections.flatMap((s) => s.indicators);
}
