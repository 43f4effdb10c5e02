/**
 * Warnings about a regime's deadlines, measured on its next period (returned with the definition,
 * never refused): a level due less than one working day before the level it reports to (Decree 09
 * Điều 8.5b), a level that receives reports due before the cut-off, a "day N" deadline with no full
 * working day after the cut-off.
 */
import {
  DAY_MS,
  WEEKDAY_NAMES_VI,
  dateOfDayNumber,
  formatTimeOfDay,
  formatViDate,
  isWorkingDay,
  isoWeekdayOf,
  nextPeriod,
  parseInstant,
  periodAt,
  periodLabel,
  vietnamLocalMs,
  type Period,
  type Schedule,
} from '../../../platform/time/index.js';
import { ruleDeadline } from '../../../core/period-reports/index.js';
import { AppError } from '../../../platform/errors.js';
import { unitKindLabels } from '../../../shared/labels.js';
import { levelRuleDeadline } from '../periods/open-period.js';
import type { RegimeLevelDeadline } from '../tables.js';

export interface RegimeWarning {
  code: 'LEVEL_GAP_TOO_SHORT' | 'DEADLINE_BEFORE_CUTOFF' | 'DEADLINE_TOO_CLOSE';
  message: string;
}

/** Who reports to whom, by unit kind (`recipientKind` null: to the issuer). */
export interface LevelPair {
  kind: string;
  recipientKind: string | null;
}

/** The period the warnings are measured on: the one after the current one (a one-off regime: its window). */
export function nextPeriodOf(schedule: Schedule, now: Date): Period {
  if (schedule.kind === 'one_off') return periodAt(schedule, parseInstant(schedule.start)) as Period;
  return nextPeriod(periodAt(schedule, now));
}

/** Milliseconds of [from, to) that fall on working days (Vietnam); 0 when to ≤ from. */
export function workingTimeBetween(from: Date, to: Date): number {
  const a = vietnamLocalMs(from);
  const b = vietnamLocalMs(to);
  let total = 0;
  for (let day = Math.floor(a / DAY_MS); day * DAY_MS < b; day++) {
    if (isWorkingDay(dateOfDayNumber(day))) total += Math.min(b, (day + 1) * DAY_MS) - Math.max(a, day * DAY_MS);
  }
  return Math.max(0, total);
}

/** "16:00 thứ Ba 11/11/2025" (an end-of-day deadline: "24:00 thứ Ba 11/11/2025"). */
export function shownInstant(at: Date): string {
  const local = vietnamLocalMs(at);
  let day = Math.floor(local / DAY_MS);
  let minutes = Math.round((local - day * DAY_MS) / 60_000);
  if (minutes === 0) {
    day -= 1;
    minutes = 24 * 60;
  }
  const date = dateOfDayNumber(day);
  return `${formatTimeOfDay(minutes)} ${WEEKDAY_NAMES_VI[isoWeekdayOf(date)]} ${formatViDate(date)}`;
}

const kindLabel = (kind: string): string => (unitKindLabels as Record<string, string>)[kind] ?? kind;

function tooCloseWarnings(period: Period, levels: readonly RegimeLevelDeadline[]): RegimeWarning[] {
  return levels.flatMap((level): RegimeWarning[] => {
    try {
      ruleDeadline(period, level.rule);
      return [];
    } catch (error) {
      if (!(error instanceof AppError && error.reason === 'DEADLINE_TOO_CLOSE')) throw error;
      const kinds = level.unitKinds.map(kindLabel).join(', ');
      return [{ code: 'DEADLINE_TOO_CLOSE', message: `Hạn của ${kinds} (${shownInstant(levelRuleDeadline(period, level.rule))}) không cách thời điểm chốt số liệu ít nhất 01 ngày làm việc trong ${periodLabel(period)}.` }];
    }
  });
}

/** The warnings of a regime's levels for `period`, given who reports to whom. */
export function levelWarnings(period: Period, levels: readonly RegimeLevelDeadline[], pairs: readonly LevelPair[]): RegimeWarning[] {
  const due = new Map<string, Date>();
  for (const level of levels) for (const kind of level.unitKinds) if (!due.has(kind)) due.set(kind, levelRuleDeadline(period, level.rule));
  const deadlineOf = (kind: string): Date => due.get(kind) ?? period.end;
  const warnings = tooCloseWarnings(period, levels);
  for (const { kind, recipientKind } of pairs) {
    if (recipientKind === null) continue;
    const lower = deadlineOf(kind);
    const higher = deadlineOf(recipientKind);
    if (workingTimeBetween(lower, higher) < DAY_MS) {
      warnings.push({
        code: 'LEVEL_GAP_TOO_SHORT',
        message: `${kindLabel(kind)} nộp báo cáo hạn ${shownInstant(lower)}, ${kindLabel(recipientKind)} tổng hợp gửi lên hạn ${shownInstant(higher)}: chưa cách nhau ít nhất 01 ngày làm việc (${periodLabel(period)}).`,
      });
    }
  }
  for (const kind of new Set(pairs.flatMap((p) => (p.recipientKind === null ? [] : [p.recipientKind])))) {
    if (deadlineOf(kind).getTime() < period.end.getTime()) {
      warnings.push({
        code: 'DEADLINE_BEFORE_CUTOFF',
        message: `${kindLabel(kind)} nhận báo cáo của cấp dưới nhưng có hạn ${shownInstant(deadlineOf(kind))}, trước thời điểm chốt số liệu ${shownInstant(period.end)}.`,
      });
    }
  }
  return warnings;
}
