/**
 * The reports demo's submissions: each unit's own content (pre-filled figures from the other
 * modules' manifests, the rest entered), frozen with what it sends up — its own values, or for a
 * receiving unit its own plus its reporting children's latest live versions — through
 * core/period-reports with `now` in the past, and the recipient's returns and approvals.
 */
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { collectFigures } from '../../../platform/modules/figures.js';
import type { Period } from '../../../platform/time/index.js';
import { approvePeriodReport, returnPeriodReport, submitPeriodReport } from '../../../core/period-reports/index.js';
import { formIndicators, type IndicatorValue, type ReportContent, type ReportForm } from '../../../shared/report-form.js';
import { valuesSentUp } from '../consolidate/aggregate.js';
import type { FrozenChild, SubmissionSnapshot } from '../types.js';
import type { DemoExpectedUnit } from './repository-demo.js';

/** A unit's latest live (not returned) version in the period, as its recipient adds it up. */
type Sent = FrozenChild;

export interface DemoPeriod {
  db: Db;
  actor: Actor;
  regimeId: number;
  form: ReportForm;
  period: Period;
  units: DemoExpectedUnit[];
  sent: Map<number, Sent>;
  /** Entered (not pre-filled) values of a unit, by indicator code. */
  entered: (unit: DemoExpectedUnit) => Record<string, IndicatorValue>;
  narrative: (unit: DemoExpectedUnit) => string[];
}

async function subtreeFigures(p: DemoPeriod, unitId: number): Promise<Map<string, number>> {
  const figures = await collectFigures(p.db, { actor: p.actor, unitId, periodStart: p.period.start, periodEnd: p.period.end });
  return new Map(figures.map((f) => [f.key, f.value]));
}

/** The unit's OWN figures: its subtree's minus the subtrees of the units reporting to it. */
async function ownFigures(p: DemoPeriod, unit: DemoExpectedUnit): Promise<Map<string, number>> {
  const own = await subtreeFigures(p, unit.unitId);
  for (const child of p.units.filter((u) => u.recipientUnitId === unit.unitId)) {
    for (const [key, value] of await subtreeFigures(p, child.unitId)) own.set(key, (own.get(key) ?? 0) - value);
  }
  return own;
}

/** The unit's own content: pre-filled indicators from the figures, the others as entered; `override` changes one pre-filled figure with a note. */
export async function demoContent(p: DemoPeriod, unit: DemoExpectedUnit, override?: { code: string; value: number; note: string }): Promise<ReportContent> {
  const figures = await ownFigures(p, unit);
  const entered = p.entered(unit);
  const content: ReportContent = { values: {}, notes: {}, prefilled: {}, narrative: p.narrative(unit), noActivity: false };
  for (const indicator of formIndicators(p.form)) {
    if (indicator.prefill !== undefined) {
      const value = figures.get(indicator.prefill) ?? 0;
      content.prefilled[indicator.code] = value;
      content.values[indicator.code] = value;
    } else {
      content.values[indicator.code] = entered[indicator.code] ?? null;
    }
  }
  if (override) {
    content.values[override.code] = override.value;
    content.notes[override.code] = override.note;
  }
  return content;
}

/** Freezes and submits the unit's content at `at` (its version's timeliness judged against its row's deadline). */
export async function demoSubmit(p: DemoPeriod, unit: DemoExpectedUnit, own: ReportContent, at: Date): Promise<number> {
  const indicators = formIndicators(p.form);
  const children = p.units.flatMap((u) => (u.recipientUnitId === unit.unitId ? [p.sent.get(u.unitId)].filter((s): s is Sent => s !== undefined) : []));
  const values = valuesSentUp(indicators, own, unit.receives ? children : null);
  const snapshot: SubmissionSnapshot = { own, values, children, narrative: own.narrative };
  const row = await submitPeriodReport(p.db, {
    actor: p.actor,
    subject: { kind: 'reports.regime', id: p.regimeId },
    unitId: unit.unitId,
    period: p.period,
    deadlines: { otherwise: { kind: 'fixed', at: unit.deadline.toISOString() } },
    recipientUnitId: unit.recipientUnitId,
    now: at,
    freeze: () => Promise.resolve(snapshot),
  });
  p.sent.set(unit.unitId, { unitId: unit.unitId, code: unit.code, name: unit.name, submissionId: row.id, version: row.version, values });
  return row.id;
}

export async function demoReturn(p: DemoPeriod, unit: DemoExpectedUnit, submissionId: number, reason: string, at: Date): Promise<void> {
  await returnPeriodReport(p.db, { actor: p.actor, submissionId, reason, now: at });
  p.sent.delete(unit.unitId);
}

export async function demoApprove(p: DemoPeriod, submissionId: number, at: Date): Promise<void> {
  await approvePeriodReport(p.db, { actor: p.actor, submissionId, now: at });
}
