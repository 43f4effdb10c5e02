import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { roleRank } from '../../platform/access/roles.js';
import { fail } from '../../platform/errors.js';
import { selectManagedUsers } from './repository-users.js';
import { presentUser } from './present.js';

/** The accounts the actor manages (home unit within their unit-admin subtrees). */
export async function listUsers(db: Db, options: { actor: Actor; query?: string | undefined }) {
  if (!options.actor.grants.some((g) => roleRank[g.role] <= roleRank.unit_admin)) fail('ROLE_TOO_WEAK');
  const rows = await selectManagedUsers(db, options.actor, { query: options.query });
  return rows.map(presentUser);
}

export async function getManagedUser(db: Db, actor: Actor, userId: number) {
  const [row] = await selectManagedUsers(db, actor, { ids: [userId] });
  if (!row) fail('ACCOUNT_NOT_FOUND');
  return presentUser(row);
}
