/**
 * Where a unit stands in a regime's period: the regime, the opened period, the unit, its row of the
 * period's expected set (null for the issuer, which receives but does not report), whether others
 * report to it. Every operation of filling, consolidation and status starts here.
 */
import type { Db, Queryable } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { periodLabel, type Period } from '../../../platform/time/index.js';
import type { PeriodRef } from '../consolidate/repository.js';
import { ensurePeriod } from '../periods/index.js';
import { selectRegimeForReport, selectRegimeIdByCode, selectReportPlace, selectUnitIdByCode, type ExpectedRow, type PeriodRow, type RegimeForReport, type ReportPlace, type UnitBrief } from './repository.js';

export interface ReportPeriod extends PeriodRow {
  /** The platform/time period (schedule, start, end, key, closing date). */
  period: Period;
  label: string;
}

export interface ReportContext {
  regime: RegimeForReport;
  period: ReportPeriod;
  unit: UnitBrief;
  /** The unit's row of the expected set; null for the issuer (it only receives). */
  expected: ExpectedRow | null;
  receives: boolean;
  ref: PeriodRef;
}

export interface ReportAddress {
  regimeId: number;
  /** The period's closing date, `YYYY-MM-DD` (the CLI's `--period-end`). */
  closingDate: string;
  unitId: number;
}

export function toReportPeriod(regime: RegimeForReport, row: PeriodRow): ReportPeriod {
  const period: Period = { schedule: regime.schedule, start: row.start, end: row.end, key: row.key, closingDate: row.closingDate };
  return { ...row, period, label: periodLabel(period) };
}

export async function loadRegime(db: Queryable, regimeId: number): Promise<RegimeForReport> {
  const regime = await selectRegimeForReport(db, regimeId);
  if (!regime) fail('REPORT_REGIME_NOT_FOUND');
  return regime;
}

/** How long this process trusts that a period it saw opened is still there (a period is never reopened; a removed regime fails later reads). */
const OPENED_TRUST_MS = 60_000;
const opened = new Map<string, number>();

/**
 * Opens the regime's period closing on the address's date unless it is open (its expected units fixed
 * then): NOT_FOUND for an unknown regime, VALIDATION_FAILED for a date that closes no period. A period
 * this process opened or found in the last minute is not looked up again (the deadline rush sends
 * thousands of reports of one period a minute); the context read that follows reads it anyway.
 */
export async function ensureReportPeriod(db: Db, address: ReportAddress): Promise<void> {
  if (periodTrusted(address)) return;
  await ensurePeriod(db, address.regimeId, address.closingDate);
  if (opened.size > 10_000) opened.clear();
  opened.set(`${address.regimeId}:${address.closingDate}`, Date.now() + OPENED_TRUST_MS);
}

/** Whether this process saw the address's period opened in the last minute (ensureReportPeriod would not look it up). */
export function periodTrusted(address: ReportAddress): boolean {
  return (opened.get(`${address.regimeId}:${address.closingDate}`) ?? 0) > Date.now();
}

/** The context of a unit's report, read in one statement; the caller has checked the actor may see the unit. */
export async function loadReportContext(db: Queryable, address: ReportAddress): Promise<ReportContext> {
  return reportContextOf(await selectReportPlace(db, address), address);
}

/** The context from a place read (undefined or null: no such regime), or the error that says why there is none. */
export function reportContextOf(place: ReportPlace | null | undefined, address: ReportAddress): ReportContext {
  if (!place) fail('REPORT_REGIME_NOT_FOUND');
  const { regime, period: row, unit, expected } = place;
  if (!row) fail('REPORT_PERIOD_NOT_FOUND', { closingDate: address.closingDate });
  if (!unit) fail('UNIT_NOT_FOUND');
  if (!expected && unit.id !== regime.issuerUnitId) fail('REPORT_UNIT_NOT_EXPECTED');
  return { regime, period: toReportPeriod(regime, row), unit, expected, receives: place.receives, ref: { regimeId: regime.id, periodId: row.id, periodKey: row.key } };
}

/**
 * The address of a unit's report as the command line names it (regime code, unit code, closing date);
 * NOT_FOUND for an unknown code, VALIDATION_FAILED for a date in another form than YYYY-MM-DD.
 */
export async function reportAddressByCodes(db: Queryable, codes: { regimeCode: string; unitCode: string; periodEnd: string }): Promise<ReportAddress> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(codes.periodEnd)) fail('DATE_INVALID', { date: codes.periodEnd });
  const regimeId = await selectRegimeIdByCode(db, codes.regimeCode);
  if (regimeId === undefined) fail('REPORT_REGIME_NOT_FOUND', { code: codes.regimeCode });
  const unitId = await selectUnitIdByCode(db, codes.unitCode);
  if (unitId === undefined) fail('REPORT_REGIME_UNITS_UNKNOWN', { codes: codes.unitCode });
  return { regimeId, closingDate: codes.periodEnd, unitId };
}
