/** archiveRegime: a regime stops opening periods (its history stays readable). Editor of the issuer; audited. */
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { fail } from '../../../platform/errors.js';
import { archiveRegime as archiveRegimeRow, selectRegimeById } from './repository.js';

export async function archiveRegime(db: Db, options: { actor: Actor; regimeId: number; now?: Date }): Promise<{ id: number; archivedAt: Date }> {
  const { actor, regimeId } = options;
  const regime = await selectRegimeById(db, regimeId);
  if (!regime) fail('REPORT_REGIME_NOT_FOUND');
  await requireUnitRole(db, actor, [regime.issuerUnitId], 'editor');
  if (regime.archivedAt !== null) return { id: regime.id, archivedAt: regime.archivedAt };
  const at = options.now ?? new Date();
  await db.transaction(async (tx) => {
    await archiveRegimeRow(tx, regime.id, at);
    await recordAudit(tx, actor, { action: 'report_regime.archive', entityType: 'report_regime', entityId: regime.id, unitId: regime.issuerUnitId, before: { archivedAt: null }, after: { archivedAt: at } });
  });
  return { id: regime.id, archivedAt: at };
}
