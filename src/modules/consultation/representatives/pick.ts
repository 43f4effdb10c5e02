import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { fail } from '../../../platform/errors.js';
import { periodLabel } from '../../../platform/time/index.js';
import { normalizeVi } from '../../../platform/vn/index.js';
import { isInSubtree } from '../../../core/unit-tree/index.js';
import { insertRepresentative, selectOpinionPlace, selectRepresentatives } from './repository.js';
import type { RepresentativeOpinion } from './schemas.js';
import { instantVi } from '../report/content.js';
import { loadRepresentativeWeek, requireOpenWeek } from './week.js';

/** An editor's note as stored: Vietnamese-normalised, trimmed, null when empty. */
export function cleanNote(note: string | null | undefined): string | null {
  const text = normalizeVi(note ?? '').trim();
  return text === '' ? null : text;
}

/**
 * An editor picks an opinion as representative (ý kiến tiêu biểu) of the unit's weekly report.
 * The opinion must have been received by the unit or one of its descendants during that week, and
 * the unit's report for the week must not be submitted yet.
 */
export async function pickRepresentativeOpinion(
  db: Db,
  options: { actor: Actor; consultationCode: string; unitId: number; periodEnd: string; opinionId: number; note?: string | null | undefined },
): Promise<RepresentativeOpinion> {
  const { actor, unitId } = options;
  await requireUnitRole(db, actor, [unitId], 'editor');
  const { consultation, period, periodEnd } = await loadRepresentativeWeek(db, options.consultationCode, options.periodEnd);
  const note = cleanNote(options.note);
  return db.transaction(async (tx) => {
    await requireOpenWeek(tx, { consultationId: consultation.id, unitId, periodEnd });
    const opinion = await selectOpinionPlace(tx, consultation.id, options.opinionId);
    if (!opinion || !(await isInSubtree(tx, unitId, [opinion.unitId])).has(opinion.unitId)) fail('OPINION_NOT_IN_SUBTREE', { opinionId: options.opinionId });
    if (opinion.submittedAt < period.start || opinion.submittedAt >= period.end) {
      fail('OPINION_OUTSIDE_WEEK', [{ path: ['opinionId'], message: 'Ý kiến không thuộc tuần báo cáo.' }], {
        params: { submittedAt: instantVi(opinion.submittedAt), week: periodLabel(period).replace(/^Tuần/, 'tuần') },
      }
      );
    }
    const row = await insertRepresentative(tx, { consultationId: consultation.id, unitId, periodEnd, opinionId: opinion.id, carriedFromUnitId: null, note, pickedByUserId: actor.userId });
    if (!row) fail('REPRESENTATIVE_ALREADY_PICKED', { opinionId: opinion.id });
    await recordAudit(tx, actor, {
      action: 'consultation.representative_pick',
      entityType: 'representative_opinion',
      entityId: row.id,
      unitId,
      after: { consultation: consultation.code, periodEnd, opinionId: opinion.id, note },
    });
    const [picked] = await selectRepresentatives(tx, { consultationId: consultation.id, periodEnd, unitIds: [unitId], ids: [row.id] });
    if (!picked) fail('UNEXPECTED');
    const { unitId: _unit, ...result } = picked;
    return result;
  });
}
