import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { requireUnitRole } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { cleanNote, ALREADY_PICKED_MESSAGE } from './representative-pick.js';
import {
  insertRepresentative,
  isWeekSubmitted,
  selectDirectChild,
  selectFrozenChildPicks,
  selectOpinionPlace,
  selectPick,
  selectRepresentatives,
} from './representative-repository.js';
import type { RepresentativeOpinion } from './representative-schemas.js';
import { loadRepresentativeWeek, requireOpenWeek } from './representative-week.js';

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
      throw new AppError('VALIDATION_FAILED', 'Chỉ đưa lên được ý kiến tiêu biểu của đơn vị trực thuộc trực tiếp.', [
        { path: ['fromUnitId'], message: 'Không phải đơn vị trực thuộc trực tiếp.' },
      ]);
    }
    const key = { consultationId: consultation.id, unitId: child.id, periodEnd };
    let childNote: string | null;
    if (await isWeekSubmitted(tx, key)) {
      const frozen = (await selectFrozenChildPicks(tx, { consultationId: consultation.id, parentId: unitId, periodEnd })).find((c) => c.unitId === child.id);
      const item = frozen?.items.find((i) => i.opinionId === opinionId);
      if (!item) throw new AppError('NOT_FOUND', `Báo cáo tuần đã gửi của ${child.name} không có ý kiến tiêu biểu này.`, { opinionId });
      childNote = item.note;
    } else {
      const pick = await selectPick(tx, { ...key, opinionId });
      if (!pick) throw new AppError('NOT_FOUND', `${child.name} chưa chọn ý kiến này là ý kiến tiêu biểu của tuần.`, { opinionId });
      childNote = pick.note;
    }
    if (!(await selectOpinionPlace(tx, consultation.id, opinionId))) throw new AppError('NOT_FOUND', 'Ý kiến này không còn trong dữ liệu.', { opinionId });
    const note = options.note === undefined || options.note === null ? childNote : cleanNote(options.note);
    const row = await insertRepresentative(tx, { consultationId: consultation.id, unitId, periodEnd, opinionId, carriedFromUnitId: child.id, note, pickedByUserId: actor.userId });
    if (!row) throw new AppError('CONFLICT', ALREADY_PICKED_MESSAGE, { opinionId });
    await recordAudit(tx, actor, {
      action: 'consultation.representative_carry_up',
      entityType: 'representative_opinion',
      entityId: row.id,
      unitId,
      after: { consultation: consultation.code, periodEnd, opinionId, carriedFromUnitId: child.id, note },
    });
    const [carried] = await selectRepresentatives(tx, { consultationId: consultation.id, periodEnd, unitIds: [unitId], ids: [row.id] });
    if (!carried) throw new AppError('INTERNAL');
    const { unitId: _unit, ...result } = carried;
    return result;
  });
}
