/**
 * The shapes the reports module's parts share (the contract between fill/submit, consolidation,
 * documents and the web app). Values are keyed by indicator code (src/shared/report-form.ts).
 */
import type { IndicatorValue, ReportContent } from '../../shared/report-form.js';

/** A child's part of a consolidation, as frozen in its recipient's submitted version. */
export interface FrozenChild {
  unitId: number;
  code: string;
  name: string;
  submissionId: number;
  version: number;
  /** The child's consolidated values (its own plus its children's), as it submitted them. */
  values: Record<string, IndicatorValue>;
}

/**
 * What a submitted version freezes (core/period-reports `snapshot`): the unit's own content, the
 * values it sends up (own ⊕ children by each indicator's rule; equal to its own for a unit that
 * receives no reports), the children's versions it added up, and the narrative it sends.
 */
export interface SubmissionSnapshot {
  own: ReportContent;
  values: Record<string, IndicatorValue>;
  children: FrozenChild[];
  narrative: string[];
}

export type ReportTimeliness = 'onTime' | 'late' | 'missing';
export type ReportReview = 'submitted' | 'returned' | 'approved';

/** One reporting child in a consolidation or a status. */
export interface ChildReport {
  unitId: number;
  code: string;
  name: string;
  status: ReportTimeliness;
  review: ReportReview | null;
  submittedAt: Date | null;
  version: number | null;
  deadline: Date;
  /** Its latest submitted (not returned) version's values; empty when it has none. */
  values: Record<string, IndicatorValue>;
}

export interface Mismatch {
  indicator: string;
  /** The consolidated value (own + children's submitted consolidations). */
  values: number | null;
  /** The live value over every unit of the subtree's own figures. */
  live: number | null;
  /** The children whose submitted consolidation differs from the live sum of their own subtree. */
  explainedBy: { code: string; name: string; reported: number | null; live: number | null }[];
}

/** A drafted narrative section: the children's texts grouped, identical sentences merged. */
export interface NarrativeSection {
  title: string;
  entries: { text: string; units: string[] }[];
}

/** A unit's consolidated report of a period (API, CLI `reports consolidate`, DOCX and XLSX). */
export interface ConsolidatedReport {
  regime: { id: number; code: string; name: string; type: string };
  unit: { id: number; code: string; name: string; kind: string };
  period: { key: string; start: Date; end: Date; closingDate: string; label: string };
  deadline: Date | null;
  own: Record<string, IndicatorValue>;
  values: Record<string, number | null>;
  live: Record<string, number | null>;
  children: ChildReport[];
  mismatches: Mismatch[];
  narrative: NarrativeSection[];
}
