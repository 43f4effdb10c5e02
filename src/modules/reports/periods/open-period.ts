/**
 * Opening a regime's period: the period row and its expected units, fixed once (idempotent: two
 * concurrent callers make one period; the second finds the first's). See repository.ts for the rule.
 */
import type { Db } from '../../../platform/db/database.js';
import { AppError, fail } from '../../../platform/errors.js';
import {
  DAY_MS,
  MINUTE_MS,
  dateOfDayNumber,
  dayNumberOf,
  daysInMonth,
  formatIsoDate,
  instantOfLocalMs,
  parseIsoDate,
  parseTimeOfDay,
  periodAt,
  periodClosingOn,
  vietnamLocalMs,
  type Period,
  type PeriodDeadlineRule,
} from '../../../platform/time/index.js';
import { ruleDeadline } from '../../../core/period-reports/index.js';
import type { RegimeLevelDeadline } from '../tables.js';
import { selectRegimeById, type Regime } from '../regimes/repository.js';
import { insertExpectedUnits, insertPeriodIfAbsent, selectPeriodByClosingDate, selectPeriodByKey, type StoredPeriod } from './repository.js';

/** The regime's period that closes on `closingDate` (`YYYY-MM-DD`); VALIDATION_FAILED for a date that closes none. */
export function periodOfRegime(regime: Pick<Regime, 'schedule'>, closingDate: string): Period {
  return periodClosingOn(regime.schedule, closingDate);
}

/** The regime's period containing `at` (null: a one-off regime outside its window). */
export function currentPeriodOfRegime(regime: Pick<Regime, 'schedule'>, at: Date): Period | null {
  return periodAt(regime.schedule, at);
}

/**
 * The instant of a level's rule for a period. A "day N of the last month" rule too close to the
 * cut-off (a weekend right after it) is not refused here — the definition warned about it — but
 * kept at that day, so a period always opens.
 */
export function levelRuleDeadline(period: Period, rule: PeriodDeadlineRule | null): Date {
  try {
    return ruleDeadline(period, rule);
  } catch (error) {
    if (!(error instanceof AppError && error.reason === 'DEADLINE_TOO_CLOSE' && rule?.kind === 'day_of_last_month')) throw error;
    const closing = parseIsoDate(period.closingDate);
    const due = dayNumberOf({ ...closing, day: Math.min(rule.day, daysInMonth(closing.year, closing.month)) });
    return instantOfLocalMs(due * DAY_MS + parseTimeOfDay(rule.time ?? '24:00') * MINUTE_MS);
  }
}

/** For each unit kind a level names, its deadline in `period` (the first level naming the kind wins). */
export function deadlinesByKind(period: Period, levels: readonly RegimeLevelDeadline[]): Map<string, Date> {
  const result = new Map<string, Date>();
  for (const level of levels) {
    for (const kind of level.unitKinds) if (!result.has(kind)) result.set(kind, levelRuleDeadline(period, level.rule));
  }
  return result;
}

/** The period's first Vietnam day (a unit is expected when active that day). */
export function firstDayOf(period: Period): string {
  return formatIsoDate(dateOfDayNumber(Math.floor(vietnamLocalMs(period.start) / DAY_MS)));
}

/**
 * Opens `period` of `regime` unless it is open: inserts the period and, in the same transaction, its
 * expected units (one statement). Returns the stored period either way.
 */
export async function openPeriod(db: Db, regime: Regime, period: Period): Promise<StoredPeriod> {
  const deadlineByKind = deadlinesByKind(period, regime.deadlines);
  await db.transaction(async (tx) => {
    const periodId = await insertPeriodIfAbsent(tx, { regimeId: regime.id, key: period.key, closingDate: period.closingDate, start: period.start, end: period.end });
    if (periodId === null) return;
    await insertExpectedUnits(tx, {
      periodId,
      issuerUnitId: regime.issuerUnitId,
      unitKinds: regime.reportingUnitKinds,
      unitIds: regime.reportingUnitIds,
      subtreeUnitIds: regime.reportingSubtreeUnitIds,
      recipientMode: regime.recipientMode,
      firstDay: firstDayOf(period),
      deadlineByKind,
      cutoff: period.end,
    });
  });
  const stored = (await selectPeriodByKey(db, regime.id, period.key)) ?? (await selectPeriodByClosingDate(db, regime.id, period.closingDate));
  if (!stored) fail('REPORT_REGIME_NOT_FOUND');
  return stored;
}

/**
 * The stored period of a regime closing on a date (or the given period), opened on demand.
 * NOT_FOUND for an unknown regime; VALIDATION_FAILED for a date that closes no period.
 */
export async function ensurePeriod(db: Db, regimeId: number, period: string | Period): Promise<StoredPeriod> {
  const regime = await selectRegimeById(db, regimeId);
  if (!regime) fail('REPORT_REGIME_NOT_FOUND');
  const wanted = typeof period === 'string' ? periodOfRegime(regime, period) : period;
  return (await selectPeriodByKey(db, regime.id, wanted.key)) ?? openPeriod(db, regime, wanted);
}
