import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { fail } from '../../../platform/errors.js';
import { cleanNote } from './pick.js';
import {
  insertRepresentative,
  isWeekSubmitted,
  selectDirectChild,
  selectFrozenChildPicks,
  selectOpinionPlace,
  selectPick,
  selectRepresentatives,
} from './repository.js';
import type { RepresentativeOpinion } from './schemas.js';
import { loadRepresentativeWeek, requireOpenWeek } from './week.js';

/**
 * An editor carries a direct child's representative opinion up: the child's pick for the same week
 * becomes a pick of this unit (`carriedFromUnitId` = the child), so the parent sees it in turn. The
 * child's pick is taken from its submitted report when it has submitted, from its live picks
 * otherwise. The note is the child's unless the editor writes another.
 */
export async function carryUpRepresentativeOpinion(
  db: Db,
  options: { actor: Actor; consultationCode: string; unitId: number; periodEnd: string; fromUnitId: number; opinionId: number; note?: string | null | undefined },
): Promise<RepresentativeOpinion> {
  const { actor, unitId, opinionId } = options;
  await requireUnitRole(db, actor, [unitId], 'editor');
  const { consultation, periodEnd } = await loadRepresentativeWeek(db, options.consultationCode, options.periodEnd);
  return db.transaction(async (tx) => {
    await requireOpenWeek(tx, { consultationId: consultation.id, unitId, periodEnd });
    const child = await selectDirectChild(tx, unitId, options.fromUnitId);
    if (!child) {
      fail('CARRY_UP_NOT_DIRECT_CHILD', [
        { path: ['fromUnitId'], message: 'Không phải đơn vị trực thuộc trực tiếp.' },
      ]);
    }
    const key = { consultationId: consultation.id, unitId: child.id, periodEnd };
    let childNote: string | null;
    if (await isWeekSubmitted(tx, key)) {
      const frozen = (await selectFrozenChildPicks(tx, { consultationId: consultation.id, parentId: unitId, periodEnd })).find((c) => c.unitId === child.id);
      const item = frozen?.items.find((i) => i.opinionId === opinionId);
      if (!item) fail('CARRY_UP_NOT_IN_CHILD_REPORT', { opinionId }, { params: { childName: child.name } });
      childNote = item.note;
    } else {
      const pick = await selectPick(tx, { ...key, opinionId });
      if (!pick) fail('CARRY_UP_NOT_PICKED_BY_CHILD', { opinionId }, { params: { childName: child.name } });
      childNote = pick.note;
    }
    if (!(await selectOpinionPlace(tx, consultation.id, opinionId))) fail('OPINION_GONE', { opinionId });
    const note = options.note === undefined || options.note === null ? childNote : cleanNote(options.note);
    const row = await insertRepresentative(tx, { consultationId: consultation.id, unitId, periodEnd, opinionId, carriedFromUnitId: child.id, note, pickedByUserId: actor.userId });
    if (!row) fail('REPRESENTATIVE_ALREADY_PICKED', { opinionId });
    await recordAudit(tx, actor, {
      action: 'consultation.representative_carry_up',
      entityType: 'representative_opinion',
      entityId: row.id,
      unitId,
      after: { consultation: consultation.code, periodEnd, opinionId, carriedFromUnitId: child.id, note },
    });
    const [carried] = await selectRepresentatives(tx, { consultationId: consultation.id, periodEnd, unitIds: [unitId], ids: [row.id] });
    if (!carried) fail('UNEXPECTED');
    const { unitId: _unit, ...result } = carried;
    return result;
  });
}
