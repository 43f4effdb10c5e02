/** Who may act on a contest's results: editor+ of the organiser unit acts, viewers of it read. */
import { effectiveRoles } from '../../../platform/access/scope.js';
import { roleRank, type Actor, type Role } from '../../../platform/access/roles.js';
import type { Queryable } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';

/** CONTEST_NOT_FOUND outside every granted subtree (nothing revealed), ROLE_TOO_WEAK when visible but too weak. */
export async function requireOrganiserRole(db: Queryable, actor: Actor, organiserUnitId: number, minimum: Role): Promise<void> {
  const role = (await effectiveRoles(db, actor, [organiserUnitId])).get(organiserUnitId);
  if (!role) fail('CONTEST_NOT_FOUND');
  if (roleRank[role] > roleRank[minimum]) fail('ROLE_TOO_WEAK', { unitId: organiserUnitId, required: minimum });
}
