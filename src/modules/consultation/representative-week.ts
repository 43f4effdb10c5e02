/**
 * What every change of representative opinions shares: the week of the consultation they belong
 * to, and the rule that a unit's picks for a week change only until its weekly report is submitted
 * (the parent then sees the frozen version).
 */
import type { Db, Tx } from '../../platform/db/database.js';
import type { consultations } from '../../platform/db/schema/index.js';
import { AppError } from '../../platform/errors.js';
import { periodClosingOn, type Period, type WeeklySchedule } from '../../platform/time/index.js';
import { isWeekSubmitted, lockUnitWeek } from './representative-repository.js';
import { loadConsultation, weeklySchedule } from './weekly-report.js';

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

export const SUBMITTED_MESSAGE =
  'Báo cáo tuần này của đơn vị đã được gửi lên cấp trên; cấp trên xem bản đã gửi, nên không thể thay đổi ý kiến tiêu biểu của tuần này nữa.';

/** Locks the unit's week for the transaction and throws CONFLICT when its report is already submitted. */
export async function requireOpenWeek(tx: Tx, key: { consultationId: number; unitId: number; periodEnd: string }): Promise<void> {
  await lockUnitWeek(tx, key);
  if (await isWeekSubmitted(tx, key)) throw new AppError('CONFLICT', SUBMITTED_MESSAGE, { periodEnd: key.periodEnd });
}
