/**
 * The submission ledger of periodic reports, shared by every module that asks units to report on a
 * period: per-level deadlines, frozen versions (on time / late), returned / approved reviews, and the
 * status of a period below a unit in one query. See docs/ARCHITECTURE.md, "core/period-reports".
 */
export {
  heightsNeeded,
  isPeriodOpen,
  levelCascadeProblems,
  levelDeadline,
  levelRule,
  periodPhase,
  ruleDeadline,
  type LevelDeadlineRule,
  type LevelDeadlines,
  type PeriodPhase,
  type UnitLevel,
} from './deadline-rule.js';
export { lockUnitPeriod, unitPeriodLockKeySql, selectSubmissionSubject, selectLatestOfUnitAndChildren, selectLiveSubmissionKeys, selectLatestVersion, selectUnitHistory, type Subject, type SubmissionEntry, type SubmissionRow, type UnitPeriodKey } from './repository.js';
export { countStatuses, selectChildrenStatus, selectSubtreeStatusCounts, type ChildStatus, type DueCheck, type StatusCounts, type Timeliness } from './status-repository.js';
export { recordSubmission, recordSubmitted, sendSubmitted, submitPeriodReport, type SubmissionInput } from './submit.js';
export type { AlongsideWrite, VersionFigures } from './record-repository.js';
export { approvePeriodReport, reopenPeriodReport, returnPeriodReport } from './review.js';
export { periodReportHistory, periodReportStatus, type PeriodStatus } from './queries.js';
export { periodReportStates, periodReportSubmissions, type PeriodReportState } from './tables.js';
