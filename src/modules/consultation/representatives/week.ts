/**
 * What every change of representative opinions shares: the week of the consultation they belong
 * to, and the rule that a unit's picks for a week change only until its weekly report is submitted
 * (the parent then sees the frozen version).
 */
import type { Db, Tx } from '../../../platform/db/database.js';
import type { consultations } from '../tables.js';
import { fail } from '../../../platform/errors.js';
import { periodClosingOn, type Period, type WeeklySchedule } from '../../../platform/time/index.js';
import { isWeekSubmitted, lockUnitWeek } from './repository.js';
import { loadConsultation } from '../repository.js';
import { weeklySchedule } from '../report/weekly-report.js';

type Consultation = typeof consultations.$inferSelect;

export interface RepresentativeWeek {
  consultation: Consultation;
  period: Period<WeeklySchedule>;
  periodEnd: string;
}

/** The consultation and the week closing on `periodEnd` (VALIDATION_FAILED when that day is not a cut-off day). */
export async function loadRepresentativeWeek(db: Db, consultationCode: string, periodEnd: string): Promise<RepresentativeWeek> {
  const consultation = await loadConsultation(db, consultationCode);
  return { consultation, period: periodClosingOn(weeklySchedule(consultation), periodEnd), periodEnd };
}

/** Locks the unit's week for the transaction and throws CONFLICT when its report is already submitted. */
export async function requireOpenWeek(tx: Tx, key: { consultationId: number; unitId: number; periodEnd: string }): Promise<void> {
  await lockUnitWeek(tx, key);
  if (await isWeekSubmitted(tx, key)) fail('WEEK_LOCKED_BY_REPORT', { periodEnd: key.periodEnd });
}
