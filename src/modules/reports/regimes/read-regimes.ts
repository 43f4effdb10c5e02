/**
 * Reading regimes through the API: the list the actor sees, one regime's definition back (unit
 * codes, the define JSON's keys) with its current period, and its periods (opened on demand).
 */
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import type { UnitKind } from '../../../platform/db/schema/org.js';
import { fail } from '../../../platform/errors.js';
import {
  DAY_MS,
  dayNumberOf,
  instantOfLocalMs,
  parseIsoDate,
  periodAt,
  periodLabel,
  periodsOverlapping,
  previousPeriod,
  type Period,
  type Schedule,
} from '../../../platform/time/index.js';
import { formIndicators } from '../../../shared/report-form.js';
import { ensurePeriod } from '../periods/open-period.js';
import { frequencyOf, levelDeadlineInputsOf } from './definition.js';
import { selectRegimeById, selectUnitCodes } from './repository.js';
import { selectVisibleRegimes, type VisibleRegimeRow } from './visibility-repository.js';

/** Periods one call lists at most (a weekly regime's two years and more). */
export const MAX_PERIODS_PER_CALL = 120;
const DEFAULT_PERIODS = 12;

export async function listRegimes(db: Db, options: { actor: Actor; unitId?: number | undefined }) {
  const rows = await selectVisibleRegimes(db, options.actor, { unitId: options.unitId });
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, type: r.type, issuer: r.issuer, frequency: frequencyOf(r.schedule), archived: r.archivedAt !== null }));
}

async function visibleRegime(db: Db, actor: Actor, regimeId: number): Promise<VisibleRegimeRow> {
  const [row] = await selectVisibleRegimes(db, actor, { regimeId });
  if (!row) fail('REPORT_REGIME_NOT_FOUND');
  return row;
}

/** The regime's definition as the define JSON writes it (unit codes), plus id, issuer, form, archived, current period. */
export async function getRegime(db: Db, options: { actor: Actor; regimeId: number; now?: Date }) {
  const visible = await visibleRegime(db, options.actor, options.regimeId);
  const regime = await selectRegimeById(db, visible.id);
  if (!regime) fail('REPORT_REGIME_NOT_FOUND');
  const codes = await selectUnitCodes(db, [...regime.reportingUnitIds, ...regime.reportingSubtreeUnitIds]);
  const codeOf = (id: number): string => codes.get(id) ?? String(id);
  const current = periodAt(regime.schedule, options.now ?? new Date());
  return {
    id: regime.id,
    code: regime.code,
    name: regime.name,
    issuerUnit: visible.issuer.code,
    issuer: visible.issuer,
    type: regime.type,
    frequency: frequencyOf(regime.schedule),
    reportingUnitKinds: regime.reportingUnitKinds as UnitKind[],
    reportingUnits: regime.reportingUnitIds.map(codeOf),
    reportingSubtrees: regime.reportingSubtreeUnitIds.map(codeOf),
    recipientMode: regime.recipientMode,
    deadlines: levelDeadlineInputsOf(regime.deadlines),
    indicators: formIndicators(regime.form),
    outline: regime.form.outline,
    form: regime.form,
    reminderOffsetsMinutes: regime.reminderOffsetsMinutes,
    campaignId: regime.campaignId,
    sourceDirectiveId: regime.sourceDirectiveId,
    archived: regime.archivedAt !== null,
    currentPeriod: current && { key: current.key, closingDate: current.closingDate, start: current.start.toISOString(), end: current.end.toISOString() },
  };
}

const dayStart = (date: string): Date => instantOfLocalMs(dayNumberOf(parseIsoDate(date)) * DAY_MS);

/** The last `count` periods that started before `to`, oldest first. */
function lastPeriods(schedule: Schedule, to: Date, count: number): Period[] {
  if (schedule.kind === 'one_off') return periodsOverlapping(schedule, new Date(0), to);
  let p = periodAt(schedule, new Date(to.getTime() - 1));
  if (p.start.getTime() >= to.getTime()) p = previousPeriod(p); // a nine-month regime between two windows
  const result: Period[] = [];
  for (; result.length < count; p = previousPeriod(p)) result.unshift(p);
  return result;
}

/**
 * The regime's periods from `from` to `to` (Vietnam days; default: the last 12), past and current
 * only, oldest first; each opened (its expected units fixed) if it was not.
 */
export async function listRegimePeriods(db: Db, options: { actor: Actor; regimeId: number; from?: string | undefined; to?: string | undefined; now?: Date }) {
  await visibleRegime(db, options.actor, options.regimeId);
  const regime = await selectRegimeById(db, options.regimeId);
  if (!regime) fail('REPORT_REGIME_NOT_FOUND');
  const now = options.now ?? new Date();
  const endOfTo = options.to === undefined ? Infinity : dayStart(options.to).getTime() + DAY_MS;
  const to = new Date(Math.min(endOfTo, now.getTime() + 1));
  const periods = options.from === undefined ? lastPeriods(regime.schedule, to, DEFAULT_PERIODS) : periodsOverlapping(regime.schedule, dayStart(options.from), to);
  if (periods.length > MAX_PERIODS_PER_CALL) fail('PERIOD_RANGE_TOO_LONG', undefined, { params: { maxPeriods: MAX_PERIODS_PER_CALL } });
  const result = [];
  for (const period of periods) {
    const stored = await ensurePeriod(db, regime.id, period);
    result.push({ key: stored.key, closingDate: stored.closingDate, start: stored.start.toISOString(), end: stored.end.toISOString(), label: periodLabel(period) });
  }
  return result;
}
