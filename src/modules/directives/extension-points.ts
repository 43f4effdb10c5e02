import type { Db } from '../../platform/db/database.js';
import { roleRank } from '../../platform/access/roles.js';
import { effectiveRoles, requireUnitRole } from '../../platform/access/scope.js';
import { fail } from '../../platform/errors.js';
import type { FigureQuery, ItemDue, ItemsDueQuery, ModuleFigure } from '../../platform/modules/manifest.js';
import { selectPendingDirectives, selectSubtreeDirectiveCounts, type PendingDirective } from './extension-repository.js';

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

/**
 * Directives due: addressed to a unit on which the actor may acknowledge (editor or above), and
 * neither acknowledged nor implemented by it yet. Directives carry no single due date: `deadline` is null.
 */
export async function directiveItemsDue(db: Db, query: ItemsDueQuery): Promise<ItemDue[]> {
  const roles = await effectiveRoles(db, query.actor, [...query.unitIds]);
  const editable = [...roles].filter(([, role]) => roleRank[role] <= roleRank.editor).map(([unitId]) => unitId);
  const pending = await selectPendingDirectives(db, editable);
  return pending.map((d) => ({ kind: 'directives.acknowledge', unitId: d.unitId, title: titleOf(d), subject: String(d.directiveId), deadline: null, overdue: false }));
}
