import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import type { Db } from '../../../platform/db/database.js';
import { formIndicators } from '../../../shared/report-form.js';
import { aggregateValues, type ConsolidatedValues } from '../consolidate/aggregate.js';
import { ownPart } from '../consolidate/mismatches.js';
import { fail } from '../../../platform/errors.js';
import { loadRegime, toReportPeriod } from '../fill/context.js';
import { selectUnitBrief } from '../fill/repository.js';
import type { ReportReview, ReportTimeliness } from '../types.js';
import { countReports, reportRates, timelinessOf, type ReportCounts, type ReportRates } from './rates.js';
import { selectChildrenOverPeriods, selectOwnOverPeriods, selectRecentPeriods, type GridRow } from './repository.js';

export const MAX_MONITORING_PERIODS = 104;

export interface MonitoringPeriod extends ReportCounts, ReportRates {
  key: string;
  closingDate: string;
  label: string;
  /** The unit's consolidated value of each indicator (own ⊕ children's latest versions not returned). */
  indicators: ConsolidatedValues;
}

export interface MonitoringCell {
  key: string;
  /** null when the unit was not expected in that period. */
  status: ReportTimeliness | null;
  review: ReportReview | null;
}

export interface Monitoring {
  unit: { id: number; code: string; name: string };
  periods: MonitoringPeriod[];
  units: { id: number; code: string; name: string; cells: MonitoringCell[] }[];
}

function gridUnits(rows: readonly GridRow[], keys: readonly { id: number; key: string }[]): Monitoring['units'] {
  const units = new Map<number, Monitoring['units'][number]>();
  const cellOf = new Map(rows.map((r) => [`${r.periodId}:${r.unitId}`, r]));
  for (const r of rows) if (!units.has(r.unitId)) units.set(r.unitId, { id: r.unitId, code: r.code, name: r.name, cells: [] });
  for (const unit of units.values()) {
    unit.cells = keys.map((p) => {
      const r = cellOf.get(`${p.id}:${unit.id}`);
      return { key: p.key, status: r ? timelinessOf(r.late === null ? null : { late: r.late }) : null, review: r?.state ?? null };
    });
  }
  return [...units.values()];
}

/**
 * The last `periods` opened periods of a regime (oldest first) below a unit (the issuer by default),
 * for a viewer of it: counts and rates over its direct reporting children, its consolidated
 * indicators, and the units × periods grid (drill-down: the same call with a child's id). Three
 * statements whatever the number of periods and units.
 */
export async function reportMonitoring(db: Db, options: { actor: Actor; regimeId: number; unitId?: number | undefined; periods?: number | undefined; now?: Date | undefined }): Promise<Monitoring> {
  const regime = await loadRegime(db, options.regimeId);
  const unitId = options.unitId ?? regime.issuerUnitId;
  await requireUnitRole(db, options.actor, [unitId], 'viewer');
  const limit = Math.min(Math.max(options.periods ?? 12, 1), MAX_MONITORING_PERIODS);
  const periods = (await selectRecentPeriods(db, regime.id, options.now ?? new Date(), limit)).reverse().map((p) => toReportPeriod(regime, p));
  const ids = periods.map((p) => p.id);
  const rows = await selectChildrenOverPeriods(db, regime.id, ids, unitId);
  const own = await selectOwnOverPeriods(db, regime.id, ids, unitId);
  const indicators = formIndicators(regime.form);
  const unit = await selectUnitBrief(db, unitId);
  if (!unit) fail('UNIT_NOT_FOUND');
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    periods: periods.map((p) => {
      const inPeriod = rows.filter((r) => r.periodId === p.id);
      const counts = countReports(inPeriod.map((r) => ({ status: timelinessOf(r.late === null ? null : { late: r.late }), review: r.state })));
      const parts = [ownPart(own.get(p.id)), ...inPeriod.map((r) => ({ values: r.values ?? {} }))];
      return { key: p.key, closingDate: p.closingDate, label: p.label, ...counts, ...reportRates(counts), indicators: aggregateValues(indicators, parts) };
    }),
    units: gridUnits(rows, periods),
  };
}
