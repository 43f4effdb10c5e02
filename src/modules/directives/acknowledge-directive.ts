import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { requireUnitRole } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { fail } from '../../platform/errors.js';
import { insertAcknowledgement, selectAddressees } from './repository.js';

/** One click: a recipient unit confirms it received the directive (idempotent). */
export async function acknowledgeDirective(db: Db, options: { actor: Actor; directiveId: number; unitId: number }) {
  const { actor, directiveId, unitId } = options;
  await requireUnitRole(db, actor, [unitId], 'editor');
  const addressed = (await selectAddressees(db, directiveId)).some((a) => a.unitId === unitId);
  if (!addressed) fail('UNIT_NOT_ADDRESSED');
  await db.transaction(async (tx) => {
    if (await insertAcknowledgement(tx, { directiveId, unitId, userId: actor.userId })) {
      await recordAudit(tx, actor, { action: 'directive.acknowledge', entityType: 'directive', entityId: directiveId, unitId, after: { directiveId, unitId } });
    }
  });
}
