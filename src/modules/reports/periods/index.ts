/** Periods of report regimes: opened once with their expected units (the set every other part reads). */
export { currentPeriodOfRegime, deadlinesByKind, ensurePeriod, firstDayOf, levelRuleDeadline, openPeriod, periodOfRegime } from './open-period.js';
export { openCurrentPeriods, openPeriodsJob } from './job.js';
export { selectPeriodByClosingDate, selectPeriodByKey, type StoredPeriod } from './repository.js';
