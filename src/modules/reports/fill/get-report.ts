import { selectUnitHistory } from '../../../core/period-reports/index.js';
import { roleRank, type Actor } from '../../../platform/access/roles.js';
import { effectiveRoles, requireUnitRole } from '../../../platform/access/scope.js';
import type { Db, Queryable } from '../../../platform/db/database.js';
import type { ReportContent, ReportForm } from '../../../shared/report-form.js';
import { selectReportingChildren } from '../consolidate/repository.js';
import type { ChildReport, ReportReview } from '../types.js';
import { toChildReport } from './children.js';
import { ensureReportPeriod, loadReportContext, type ReportAddress, type ReportContext } from './context.js';
import { prefilledContent, emptyContent } from './prefill.js';
import { selectDraft, selectUnitBrief, type UnitBrief } from './repository.js';
import { regimeSubject } from './subject.js';

export interface ReportVersion {
  submissionId: number;
  version: number;
  submittedAt: Date;
  late: boolean;
  review: ReportReview;
  returnReason: string | null;
}

/** A unit's report of a period, as the page to fill (or consolidate) it shows it. */
export interface ReportView {
  regime: { id: number; code: string; name: string; type: string };
  period: { key: string; closingDate: string; start: Date; end: Date; label: string };
  unit: UnitBrief;
  recipient: UnitBrief | null;
  deadline: Date | null;
  form: ReportForm;
  content: ReportContent;
  /** True when the actor may edit and submit it now (an editor of the unit; nothing under review or approved). */
  editable: boolean;
  receives: boolean;
  versions: ReportVersion[];
  /** The units that report to it, when it receives (their latest versions' status and values). */
  children?: ChildReport[];
}

export async function isEditorOf(db: Queryable, actor: Actor, unitId: number): Promise<boolean> {
  const role = (await effectiveRoles(db, actor, [unitId])).get(unitId);
  return role !== undefined && roleRank[role] <= roleRank.editor;
}

async function versionsOf(db: Queryable, ctx: ReportContext): Promise<ReportVersion[]> {
  const history = await selectUnitHistory(db, { subject: regimeSubject(ctx.regime.id), unitId: ctx.unit.id, periodKey: ctx.period.key });
  return history.map((h) => ({ submissionId: h.id, version: h.version, submittedAt: h.submittedAt, late: h.late, review: h.state, returnReason: h.returnReason }));
}

/**
 * The page's data: the unit's draft, or a new content with Lan Tỏa's figures pre-filled; its versions;
 * its children's reports when it receives. For a viewer of the unit (a sibling: NOT_FOUND).
 */
export async function getReport(db: Db, options: ReportAddress & { actor: Actor }): Promise<ReportView> {
  await requireUnitRole(db, options.actor, [options.unitId], 'viewer');
  await ensureReportPeriod(db, options);
  const ctx = await loadReportContext(db, options);
  const versions = await versionsOf(db, ctx);
  const draft = await selectDraft(db, ctx.period.id, ctx.unit.id);
  const content =
    draft?.content ??
    (ctx.expected ? await prefilledContent(db, { actor: options.actor, unitId: ctx.unit.id, periodId: ctx.period.id, period: ctx.period, form: ctx.regime.form }) : emptyContent(ctx.regime.form));
  const latest = versions[0];
  const open = ctx.expected !== null && !ctx.regime.archived && (latest === undefined || latest.review === 'returned');
  const recipient = ctx.expected ? ((await selectUnitBrief(db, ctx.expected.recipientUnitId)) ?? null) : null;
  const view: ReportView = {
    regime: { id: ctx.regime.id, code: ctx.regime.code, name: ctx.regime.name, type: ctx.regime.type },
    period: { key: ctx.period.key, closingDate: ctx.period.closingDate, start: ctx.period.start, end: ctx.period.end, label: ctx.period.label },
    unit: ctx.unit,
    recipient,
    deadline: ctx.expected?.deadline ?? null,
    form: ctx.regime.form,
    content,
    editable: open && (await isEditorOf(db, options.actor, ctx.unit.id)),
    receives: ctx.receives,
    versions,
  };
  if (ctx.receives) view.children = (await selectReportingChildren(db, ctx.ref, ctx.unit.id)).map(toChildReport);
  return view;
}
