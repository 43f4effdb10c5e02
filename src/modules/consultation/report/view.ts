/**
 * Operations behind the weekly report page, its exports and the report command: everything a
 * unit's weekly report shows, for an actor who may see the unit.
 */
import type { Db, Queryable } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import type { UnitKind } from '../../../platform/db/schema/org.js';
import { effectiveRoles, requireUnitRole } from '../../../platform/access/scope.js';
import { roleRank } from '../../../platform/access/roles.js';
import { fail } from '../../../platform/errors.js';
import { formatVietnamInstant, periodAt, periodClosingOn, periodLabel } from '../../../platform/time/index.js';
import { loadConsultation, selectDocuments } from '../repository.js';
import { visibleOwnerCondition } from '../manage/repository.js';
import { requireConsultationVisible } from '../manage/policy.js';
import type { ReportExportContext, ReportSigning } from './content.js';
import { renderWeeklyReportDocx } from './docx.js';
import { selectReportUnit, type ReportUnitRow } from './repository.js';
import {
  contributorCounts,
  frozenReports,
  listConsultationSummaries,
  opinionsPerWeek,
  weekOverWeek,
  weekPickerLabel,
  type ContributorCounts,
  type WeekChange,
  type WeekPoint,
} from './history.js';
import { renderWeeklyReportXlsx } from './xlsx.js';
import type { Representatives } from '../representatives/schemas.js';
import { selectSectionOutline } from '../representatives/repository.js';
import { loadRepresentatives, mergedRepresentatives } from '../representatives/view.js';
import { computeWeeklyReport, loadReportCells, reportDeadline, weeklySchedule, type WeeklyReport, type WeeklyReportStatus } from './weekly-report.js';

/**
 * Consultations for pickers and the consultations page: the system-wide ones and those of units
 * whose subtree meets the actor's (manage/repository.ts `visibleOwnerCondition`).
 */
export async function listConsultationsForReports(db: Queryable, options: { actor: Actor; now?: Date }) {
  return listConsultationSummaries(db, (owner) => visibleOwnerCondition(options.actor, owner), options.now);
}

export interface FrozenSummary {
  submittedAt: string;
  deadline: string;
  late: boolean;
  submittedBy: string | null;
  submissions: number;
  opinions: number;
  cumulative: { submissions: number; opinions: number };
  byDocument: Record<string, number>;
  byChannel: Record<string, number>;
}

export interface ReportView {
  consultation: { code: string; title: string; documents: { code: string; title: string; sections: { ref: string; heading: string | null }[] }[] };
  /**
   * `kind` chooses the layout of the DOCX export: the unit's own kind, or for a body of kind `other` its
   * nearest ancestor's that is not (a centre under a Sở writes as the State does); the API does not show it.
   */
  unit: { id: number; code: string; name: string; kind: UnitKind; parentName: string | null; grassroots: boolean; signing: ReportSigning };
  /** `overdue`: the unit's own deadline has passed (at the server's now); a report sent now is marked late. */
  period: { periodEnd: string; periodStart: string; periodEndInstant: string; label: string; pickerLabel: string; deadline: string; overdue: boolean };
  report: WeeklyReport;
  history: WeekPoint[];
  change: WeekChange;
  contributors: ContributorCounts;
  /** This unit's own report for the week, once submitted. */
  submission: FrozenSummary | null;
  children: {
    code: string;
    name: string;
    status: WeeklyReportStatus;
    live: { submissions: number; opinions: number };
    frozen: FrozenSummary | null;
  }[];
  canSubmit: boolean;
  representatives: Representatives;
  /** An editor of the unit while the week's report is not submitted: may pick, unpick and carry up. */
  canPickRepresentatives: boolean;
}

function frozenSummary(f: Awaited<ReturnType<typeof frozenReports>>['own']): FrozenSummary | null {
  if (!f) return null;
  return {
    submittedAt: formatVietnamInstant(f.submittedAt),
    deadline: formatVietnamInstant(f.deadline),
    late: f.late,
    submittedBy: f.submittedBy,
    submissions: f.snapshot.submissions,
    opinions: f.snapshot.opinions,
    cumulative: f.snapshot.cumulative,
    byDocument: f.snapshot.byDocument,
    byChannel: f.snapshot.byChannel,
  };
}

/** Where and by whom the unit's reports are signed (the DOCX export); blank settings are absent. */
function reportSigning(unit: ReportUnitRow): ReportSigning {
  return { abbreviation: unit.abbreviation, place: unit.place, signer: unit.signer };
}

/** The default week: the one containing `now` (its cut-off is the coming one). */
export function defaultPeriodEnd(consultation: Parameters<typeof weeklySchedule>[0], now = new Date()): string {
  return periodAt(weeklySchedule(consultation), now).closingDate;
}

/**
 * The weekly report page of a unit: live figures of its subtree, the last weeks, the change from
 * the week before, its own submission, each child's status with its frozen figures, and the
 * representative opinions of the unit and of its children.
 */
export async function getReportView(
  db: Db,
  options: { actor: Actor; consultationCode: string; unitId: number; periodEnd?: string | undefined; weeks?: number | undefined; now?: Date },
): Promise<ReportView> {
  const { actor, unitId } = options;
  await requireUnitRole(db, actor, [unitId], 'viewer');
  const consultation = await loadConsultation(db, options.consultationCode);
  await requireConsultationVisible(db, actor, consultation);
  const periodEnd = options.periodEnd ?? defaultPeriodEnd(consultation, options.now);
  const period = periodClosingOn(weeklySchedule(consultation), periodEnd);
  const documents = await selectDocuments(db, consultation.id);
  const unit = await selectReportUnit(db, unitId);
  if (!unit) fail('UNIT_NOT_FOUND');
  // One read of the figures (and of the queued tail) for the week, the charts and the children.
  const weeks = options.weeks ?? 8;
  const now = options.now ?? new Date();
  const cells = await loadReportCells(db, { consultation, unitId, periodEnd, weeks, now });
  const report = await computeWeeklyReport(db, { consultation, unitId, periodEnd, cells, now });
  const deadline = reportDeadline(consultation, period, unit.grassroots);
  const history = await opinionsPerWeek(db, { consultation, unitId, periodEnd, weeks, cells });
  const contributors = await contributorCounts(db, { consultation, unitId, periodEnd, documentCodes: new Map(documents.map((d) => [d.id, d.code])), cells });
  const frozen = await frozenReports(db, { consultationId: consultation.id, unitId, periodEnd });
  const roles = await effectiveRoles(db, actor, [unitId]);
  const role = roles.get(unitId);
  const representatives = await loadRepresentatives(db, { consultationId: consultation.id, unitId, periodEnd });
  const outline = await selectSectionOutline(db, consultation.id);
  const canSubmit = role !== undefined && roleRank[role] <= roleRank.editor;
  return {
    consultation: {
      code: consultation.code,
      title: consultation.title,
      documents: documents.map((d) => ({ code: d.code, title: d.title, sections: outline.get(d.code) ?? [] })),
    },
    unit: { id: unitId, code: unit.code, name: unit.name, kind: unit.kind, parentName: unit.parentName, grassroots: unit.grassroots, signing: reportSigning(unit) },
    period: {
      periodEnd,
      periodStart: report.periodStart,
      periodEndInstant: report.periodEnd,
      label: periodLabel(period),
      pickerLabel: weekPickerLabel(period),
      deadline: formatVietnamInstant(deadline),
      overdue: now.getTime() >= deadline.getTime(),
    },
    report,
    history,
    change: weekOverWeek(history, report),
    contributors,
    submission: frozenSummary(frozen.own),
    children: report.children.map((c) => ({
      code: c.code,
      name: c.name,
      status: c.status,
      live: { submissions: c.submissions, opinions: c.opinions },
      frozen: frozenSummary(frozen.children.get(c.code) ?? null),
    })),
    canSubmit,
    representatives,
    canPickRepresentatives: canSubmit && frozen.own === null,
  };
}

export function exportContext(view: ReportView, now = new Date()): ReportExportContext {
  return {
    consultationCode: view.consultation.code,
    consultationTitle: view.consultation.title,
    documents: view.consultation.documents.map((d) => ({ code: d.code, title: d.title })),
    parentUnitName: view.unit.parentName,
    unitKind: view.unit.kind,
    signing: view.unit.signing,
    contributors: view.contributors,
    change: view.change,
    frozenChildren: Object.fromEntries(
      view.children.flatMap((c) => (c.frozen ? [[c.code, { submittedAt: c.frozen.submittedAt, late: c.frozen.late, submissions: c.frozen.submissions, opinions: c.frozen.opinions }]] : [])),
    ),
    own: view.submission ? { submittedAt: view.submission.submittedAt, late: view.submission.late } : null,
    deadline: view.period.deadline,
    representatives: mergedRepresentatives(view.representatives),
    generatedAt: now,
  };
}

export const EXPORT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The weekly report of a unit as a DOCX (official layout) or XLSX file, with the "< 5" rule applied. */
export async function exportWeeklyReport(
  db: Db,
  options: { actor: Actor; consultationCode: string; unitId: number; periodEnd?: string | undefined; format: 'docx' | 'xlsx'; now?: Date },
): Promise<{ body: Buffer; fileName: string; contentType: string }> {
  const view = await getReportView(db, { ...options, weeks: 2 });
  const context = exportContext(view, options.now);
  const body = options.format === 'docx' ? await renderWeeklyReportDocx(view.report, context) : await renderWeeklyReportXlsx(view.report, context);
  const fileName = `bao-cao-gop-y-${view.consultation.code}-${view.unit.code}-${view.period.periodEnd}.${options.format}`;
  return { body, fileName, contentType: EXPORT_TYPES[options.format] };
}
