import type { Db } from '../../platform/db/database.js';
import { roleRank } from '../../platform/access/roles.js';
import { effectiveRoles, requireUnitRole } from '../../platform/access/scope.js';
import { fail } from '../../platform/errors.js';
import type { FigureQuery, ItemDue, ItemsDueQuery, ModuleFigure } from '../../platform/modules/manifest.js';
import { selectPendingDirectives, selectSubtreeDirectiveCounts, selectWaitingDrafts, type PendingDirective, type WaitingDraft } from './extension-repository.js';

/** The directives' figures for a unit's subtree and a period, for periodic reports to pre-fill. */
export async function directiveFigures(db: Db, query: FigureQuery): Promise<ModuleFigure[]> {
  if (query.periodEnd.getTime() <= query.periodStart.getTime()) fail('SCHEDULE_RANGE_INVALID');
  await requireUnitRole(db, query.actor, [query.unitId], 'viewer');
  const counts = await selectSubtreeDirectiveCounts(db, { unitId: query.unitId, start: query.periodStart, end: query.periodEnd });
  return [
    { key: 'directives.registered', label: 'Văn bản đã đăng ký vào sổ', value: counts.registered },
    { key: 'directives.issued', label: 'Văn bản đã ban hành', value: counts.issued },
  ];
}

function titleOf(d: PendingDirective): string {
  const name = [d.docType, d.numberSymbol ? `số ${d.numberSymbol}` : null].filter(Boolean).join(' ') || 'Văn bản';
  return `Xác nhận đã nhận hoặc thực hiện: ${name}${d.subject ? ` — ${d.subject}` : ''}`;
}

function draftTitleOf(d: WaitingDraft): string {
  const subject = d.subject?.trim();
  return `Hoàn thiện và ban hành dự thảo ${d.docType?.trim() || 'văn bản'}${subject ? `: ${subject}` : ''}`;
}

/**
 * Directives due, for the units on which the actor may act (editor or above): the directives
 * addressed to a unit and neither acknowledged nor implemented by it yet, and the unit's drafts of
 * implementing directives not issued yet. Neither carries a single due date: `deadline` is null.
 */
export async function directiveItemsDue(db: Db, query: ItemsDueQuery): Promise<ItemDue[]> {
  const roles = await effectiveRoles(db, query.actor, [...query.unitIds]);
  const editable = [...roles].filter(([, role]) => roleRank[role] <= roleRank.editor).map(([unitId]) => unitId);
  const pending = await selectPendingDirectives(db, editable);
  const drafts = await selectWaitingDrafts(db, editable);
  return [
    ...pending.map((d) => ({
      kind: 'directives.acknowledge',
      unitId: d.unitId,
      title: titleOf(d),
      subject: String(d.directiveId),
      deadline: null,
      overdue: false,
      link: `/van-ban/${d.directiveId}`,
      group: 'Văn bản mới cần xác nhận',
    })),
    ...drafts.map((d) => ({
      kind: 'directives.draft',
      unitId: d.unitId,
      title: draftTitleOf(d),
      subject: String(d.draftId),
      deadline: null,
      overdue: false,
      link: `/du-thao/${d.draftId}`,
      group: 'Dự thảo đang chờ ban hành',
    })),
  ];
}
