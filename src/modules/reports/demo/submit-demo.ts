/**
 * The reports demo's submissions go through the module's own operations with `now` in the past:
 * the pre-filled content (other modules' figures through the manifests), the entered values, the
 * submit (a receiving unit freezes its children's latest versions), the recipient's return and approval.
 */
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import type { Period } from '../../../platform/time/index.js';
import type { IndicatorValue, ReportContent, ReportForm } from '../../../shared/report-form.js';
import { prefilledContent } from '../fill/prefill.js';
import { approveReport, returnReport } from '../fill/review-report.js';
import { submitReport } from '../fill/submit-report.js';
import type { DemoExpectedUnit } from './repository-demo.js';

export interface DemoPeriod {
  db: Db;
  actor: Actor;
  regimeId: number;
  periodId: number;
  form: ReportForm;
  period: Period;
  units: DemoExpectedUnit[];
  /** Entered (not pre-filled) values of a unit, by indicator code. */
  entered: (unit: DemoExpectedUnit) => Record<string, IndicatorValue>;
  narrative: (unit: DemoExpectedUnit) => string[];
}

/** The unit's own content: Lan Tỏa's figures pre-filled (and marked), the other indicators and the narrative as the unit enters them. */
export async function demoContent(p: DemoPeriod, unit: DemoExpectedUnit): Promise<ReportContent> {
  const content = await prefilledContent(p.db, { actor: p.actor, unitId: unit.unitId, periodId: p.periodId, period: p.period, form: p.form });
  for (const [code, value] of Object.entries(p.entered(unit))) if (!(code in content.prefilled)) content.values[code] = value;
  return { ...content, narrative: p.narrative(unit) };
}

/** Submits the unit's content at `at` (on time or late against its deadline in the period's expected set). */
export async function demoSubmit(p: DemoPeriod, unit: DemoExpectedUnit, content: ReportContent, at: Date): Promise<number> {
  const sent = await submitReport(p.db, { actor: p.actor, regimeId: p.regimeId, closingDate: p.period.closingDate, unitId: unit.unitId, content, now: at });
  return sent.submissionId;
}

export async function demoReturn(p: DemoPeriod, submissionId: number, reason: string, at: Date): Promise<void> {
  await returnReport(p.db, { actor: p.actor, submissionId, reason, now: at });
}

export async function demoApprove(p: DemoPeriod, submissionId: number, at: Date): Promise<void> {
  await approveReport(p.db, { actor: p.actor, submissionId, now: at });
}
