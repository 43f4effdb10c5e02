import { effectiveRoles } from '../../platform/access/scope.js';
import type { Db } from '../../platform/db/database.js';
import type { ItemDue, ItemsDueQuery } from '../../platform/modules/manifest.js';
import { formatTimeOfDay, formatViDate, vietnamDateOf, vietnamMinuteOfDay } from '../../platform/time/index.js';
import { selectOpenRounds } from './extension-repository.js';

/** `16:00 ngày 05/11/2025`, Vietnam time. */
const closing = (at: Date) => `${formatTimeOfDay(vietnamMinuteOfDay(at))} ngày ${formatViDate(vietnamDateOf(at))}`;

/**
 * Items for the home page: each round open now of a contest whose audience includes one of the
 * user's units (internal contests) or organised in their subtree — one item per round, due at its
 * closing instant, linking to the contest's public page /thi/:code. Every role may see it (viewer).
 */
export async function contestItemsDue(db: Db, query: ItemsDueQuery): Promise<ItemDue[]> {
  const roles = await effectiveRoles(db, query.actor, [...query.unitIds]);
  const visible = query.unitIds.filter((id) => roles.has(id));
  if (visible.length === 0) return [];
  const rounds = await selectOpenRounds(db, { unitIds: visible, now: query.now });
  return rounds.map((r) => ({
    kind: 'contests.open-round',
    unitId: r.unitId,
    title: `Cuộc thi "${r.contestTitle}": vòng ${r.number} đang mở`,
    detail: `${r.organiserName} tổ chức; vòng ${r.number} kết thúc lúc ${closing(r.closesAt)}`,
    subject: `${r.contestCode}/${r.number}`,
    link: `/thi/${encodeURIComponent(r.contestCode)}`,
    group: 'Cuộc thi trắc nghiệm đang mở',
    deadline: r.closesAt,
    overdue: false,
  }));
}
