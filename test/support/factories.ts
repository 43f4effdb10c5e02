import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/platform/db/database.js';
import { roleGrants, units, users } from '../../src/platform/db/schema/index.js';
import type { Role, UnitKind } from '../../src/platform/db/schema/org.js';
import { hashPassword } from '../../src/platform/auth/passwords.js';
import { searchKey } from '../../src/platform/vn/index.js';

/** `build*` factories: rows straight into the test database, with sensible defaults. */

const suffix = () => randomBytes(4).toString('hex');

export async function buildUnit(
  db: Db,
  input: { name?: string; code?: string; kind?: UnitKind; parentId?: number | null; abbreviation?: string | null } = {},
) {
  const code = input.code ?? `U-${suffix()}`;
  const name = input.name ?? `Đơn vị ${code}`;
  const [row] = await db
    .insert(units)
    .values({
      code,
      name,
      kind: input.kind ?? 'other',
      parentId: input.parentId ?? null,
      abbreviation: input.abbreviation ?? null,
      searchKey: searchKey(`${name} ${code} ${input.abbreviation ?? ''}`),
    })
    .returning();
  if (!row) throw new Error('buildUnit: no row');
  return row;
}

export const TEST_PASSWORD = 'Mat-khau-thu-nghiem-1';
let passwordHash: Promise<string> | null = null;

export async function buildUser(
  db: Db,
  input: { username?: string; role?: Role; unitId?: number | null; homeUnitId?: number | null; fullName?: string } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const username = input.username ?? `user.${suffix()}`;
  const [user] = await db
    .insert(users)
    .values({
      username,
      fullName: input.fullName ?? `Người dùng ${username}`,
      homeUnitId: input.homeUnitId ?? input.unitId ?? null,
      passwordHash: await passwordHash,
    })
    .returning();
  if (!user) throw new Error('buildUser: no row');
  if (input.role) {
    await db.insert(roleGrants).values({ userId: user.id, role: input.role, unitId: input.role === 'system_admin' ? null : (input.unitId ?? null) });
  }
  return user;
}
