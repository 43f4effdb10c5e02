/**
 * The reports API's shapes as the web app reads them (issue 13, contract of i13-common: JSON keys
 * camelCase, instants as ISO strings). Forms and contents are the shared types of
 * src/shared/report-form.ts.
 */
import type { IndicatorValue, ReportContent, ReportForm, IndicatorType, IndicatorAggregation } from '../../../shared/report-form.js';

export type { IndicatorValue, ReportContent, ReportForm, IndicatorType, IndicatorAggregation };

export type RegimeType = 'periodic' | 'thematic' | 'adhoc';
export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof weekdays)[number];
export const calendarKinds = ['monthly', 'quarterly', 'half-year', 'nine-month', 'yearly'] as const;
export type CalendarKind = (typeof calendarKinds)[number];

/** The `reports define` JSON's frequency. */
export type RegimeFrequency = { kind: 'weekly'; weekday: Weekday; time: string } | { kind: CalendarKind } | { kind: 'once'; start: string; end: string };

/** A level's deadline as the `reports define` JSON writes it. */
export type LevelDeadline = { unitKinds: string[]; weekday: Weekday; time: string } | { unitKinds: string[]; day: number; time?: string };

export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

/** POST/PUT /report-regimes body: the `reports define` JSON (unit CODES) and the web's extras. */
export interface RegimeDefinition {
  code: string;
  name: string;
  issuerUnit: string;
  type: RegimeType;
  frequency: RegimeFrequency;
  reportingUnitKinds: string[];
  reportingUnits: string[];
  deadlines: LevelDeadline[];
  indicators: ReportForm['sections'][number]['indicators'];
  outline: string[];
  recipientMode?: 'nearest' | 'issuer';
  reportingSubtrees?: string[];
  reminderOffsetsMinutes?: number[];
  campaignId?: number | null;
  sourceDirectiveId?: number | null;
  form?: ReportForm;
}

export interface RegimeSummary {
  id: number;
  code: string;
  name: string;
  type: RegimeType;
  issuer: UnitRef;
  frequency: RegimeFrequency;
  archived: boolean;
}

export interface PeriodRef {
  key: string;
  closingDate: string;
  start: string;
  end: string;
  label?: string;
}

export interface RegimeDetail extends RegimeDefinition {
  id: number;
  issuer: UnitRef;
  form: ReportForm;
  currentPeriod?: PeriodRef | null;
  period?: PeriodRef | null;
  archived?: boolean;
}

export interface Warning {
  code: string;
  message: string;
}

export interface SaveRegimeResult {
  id: number;
  code: string;
  warnings: Warning[];
}

export type Timeliness = 'onTime' | 'late' | 'missing';
export type Review = 'submitted' | 'returned' | 'approved';

export interface VersionRow {
  submissionId: number;
  version: number;
  submittedAt: string;
  late: boolean;
  review: Review;
  returnReason: string | null;
}

export interface ChildReport {
  unitId: number;
  code: string;
  name: string;
  status: Timeliness;
  review: Review | null;
  submittedAt: string | null;
  version: number | null;
  deadline: string;
  submissionId?: number | null;
  values: Record<string, IndicatorValue>;
}

/** GET …/units/{unitId}/report. */
export interface UnitReport {
  regime: { id: number; code: string; name: string; type?: string };
  period: PeriodRef;
  unit: UnitRef & { kind?: string };
  recipient: UnitRef | null;
  deadline: string | null;
  form: ReportForm;
  content: ReportContent;
  editable: boolean;
  receives: boolean;
  versions: VersionRow[];
  children?: ChildReport[];
}

/** GET …/report/versions/{version}: the frozen snapshot. */
export interface FrozenVersion {
  own: ReportContent;
  values: Record<string, IndicatorValue>;
  children: { unitId: number; code: string; name: string; version: number; values: Record<string, IndicatorValue> }[];
  narrative: string[];
}

export interface Mismatch {
  indicator: string;
  values: number | null;
  live: number | null;
  explainedBy: { code: string; name: string; reported: number | null; live: number | null }[];
}

export interface NarrativeSection {
  title: string;
  entries: { text: string; units: string[] }[];
}

/** GET …/units/{unitId}/consolidation. */
export interface ConsolidatedReport {
  regime: { id: number; code: string; name: string; type: string };
  unit: UnitRef & { kind: string };
  period: PeriodRef & { label: string };
  deadline: string | null;
  own: Record<string, IndicatorValue>;
  values: Record<string, number | null>;
  live: Record<string, number | null>;
  children: ChildReport[];
  mismatches: Mismatch[];
  narrative: NarrativeSection[];
}

export interface MonitoringPeriod {
  key: string;
  closingDate: string;
  label: string;
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  reportingRate: number;
  timelinessRate: number;
  indicators: Record<string, number | null>;
}

export interface MonitoringCell {
  key: string;
  status: Timeliness;
  review: Review | null;
}

export interface MonitoringUnit {
  id: number;
  code: string;
  name: string;
  cells: MonitoringCell[];
}

/** GET /report-regimes/{id}/monitoring. */
export interface Monitoring {
  periods: MonitoringPeriod[];
  units: MonitoringUnit[];
}

/** One bad cell of an imported workbook (422 details). */
export interface ImportIssue {
  sheet: string;
  cell: string;
  message: string;
}
