import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { fail } from '../../../platform/errors.js';
import { deleteRepresentative, selectRepresentativeRow } from './repository.js';
import { requireOpenWeek } from './week.js';
import { loadConsultation } from '../repository.js';

/**
 * An editor removes one of the unit's representative opinions (picked in the unit or carried up
 * from a child) while the unit's report for that week is not yet submitted. The children's own
 * picks are untouched.
 */
export async function unpickRepresentativeOpinion(db: Db, options: { actor: Actor; consultationCode: string; unitId: number; id: number }): Promise<void> {
  const { actor, unitId } = options;
  await requireUnitRole(db, actor, [unitId], 'editor');
  const consultation = await loadConsultation(db, options.consultationCode);
  await db.transaction(async (tx) => {
    const row = await selectRepresentativeRow(tx, { consultationId: consultation.id, unitId, id: options.id });
    if (!row) fail('REPRESENTATIVE_NOT_FOUND', { id: options.id });
    await requireOpenWeek(tx, { consultationId: consultation.id, unitId, periodEnd: row.periodEnd });
    await deleteRepresentative(tx, row.id);
    await recordAudit(tx, actor, {
      action: 'consultation.representative_unpick',
      entityType: 'representative_opinion',
      entityId: row.id,
      unitId,
      before: { consultation: consultation.code, periodEnd: row.periodEnd, opinionId: row.opinionId, carriedFromUnitId: row.carriedFromUnitId, note: row.note },
    });
  });
}
