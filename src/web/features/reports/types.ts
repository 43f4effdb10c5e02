/**
 * The reports API's shapes as the pages name them: every one taken from the types generated from the
 * OpenAPI document (src/web/api/schema.d.ts, `npm run api:client`). Forms and contents are the shared
 * types of src/shared/report-form.ts.
 */
import type { components } from '../../api/schema.js';
import type { IndicatorValue, ReportContent, ReportForm, IndicatorType, IndicatorAggregation } from '../../../shared/report-form.js';

export type { IndicatorValue, ReportContent, ReportForm, IndicatorType, IndicatorAggregation };

type Schemas = components['schemas'];

export type RegimeType = Schemas['ReportRegimeSummary']['type'];
export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof weekdays)[number];
export const calendarKinds = ['monthly', 'quarterly', 'half-year', 'nine-month', 'yearly'] as const;
export type CalendarKind = (typeof calendarKinds)[number];

/** The `reports define` JSON's frequency. */
export type RegimeFrequency = Schemas['ReportRegimeFrequency'];

/** A level's deadline as the `reports define` JSON writes it (unit kinds by name). */
export type LevelDeadline = { unitKinds: string[]; weekday: Weekday; time: string } | { unitKinds: string[]; day: number; time?: string };

export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

/** POST/PUT /report-regimes body as the editor builds it (unit kinds as plain strings; the API checks them). */
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

export type RegimeSummary = Schemas['ReportRegimeSummary'];
export type PeriodRef = Schemas['ReportRegimePeriod'];
export type RegimeDetail = Schemas['ReportRegimeDetail'];
export type Warning = Schemas['ReportRegimeWarning'];
export type SaveRegimeResult = Schemas['ReportRegimeDefined'];
export type Timeliness = Schemas['ReportChild']['status'];
export type Review = NonNullable<Schemas['ReportChild']['review']>;
export type UnitReport = Schemas['ReportView'];
export type VersionRow = UnitReport['versions'][number];
/** A reporting child, with its latest submission's id when the status gave it (for the review buttons). */
export type ChildReport = Schemas['ReportChild'] & { submissionId?: number | null };
export type FrozenVersion = Schemas['ReportFrozenVersion'];
export type ConsolidatedReport = Schemas['ConsolidatedReport'];
export type Mismatch = ConsolidatedReport['mismatches'][number];
export type ReportStatus = Schemas['ReportStatus'];
export type Monitoring = Schemas['ReportMonitoring'];
export type MonitoringPeriod = Monitoring['periods'][number];
export type MonitoringUnit = Monitoring['units'][number];
export type MonitoringCell = MonitoringUnit['cells'][number];

/** One bad cell of an imported workbook (422 details). */
export interface ImportIssue {
  sheet: string;
  cell: string;
  message: string;
}
