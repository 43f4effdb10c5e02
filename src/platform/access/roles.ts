import type { Role } from '../db/schema/org.js';

export type { Role };

/** Lower rank = more powerful. A role satisfies a requirement when its rank is ≤ the required one. */
export const roleRank: Record<Role, number> = { system_admin: 0, unit_admin: 1, editor: 2, viewer: 3 };

export function rolesAtLeast(minimum: Role): Role[] {
  return (Object.keys(roleRank) as Role[]).filter((role) => roleRank[role] <= roleRank[minimum]);
}

export interface Grant {
  id: number;
  role: Role;
  /** null: the whole system (system admin). */
  unitId: number | null;
  /** Who made the grant (null: the operator). A grant its holder made confers no right to see contacts. */
  grantedByUserId?: number | null;
}

/** Who is acting: a signed-in user, or the operator at the command line (full rights). */
export interface Actor {
  userId: number | null;
  username: string;
  grants: Grant[];
  ip: string | null;
}

export function isSystemAdmin(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'system_admin');
}

export function cliActor(): Actor {
  const name = process.env.USER ?? process.env.USERNAME ?? 'operator';
  return { userId: null, username: `cli:${name}`, grants: [{ id: 0, role: 'system_admin', unitId: null }], ip: null };
}
