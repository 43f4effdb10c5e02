import type { Db } from '../../platform/db/database.js';
import { cliActor, type Actor } from '../../platform/access/roles.js';
import { createUser } from './create-user.js';
import { grantRole } from './grant-role.js';
import { importUnits } from './import-units.js';
import { selectUnitsByCodes } from './repository.js';
import { selectUserByUsername } from './repository-users.js';
import { demoAccounts, demoPassword, demoUnitsCsv } from './demo-data.js';

export { isWorkspaceEmpty } from './repository.js';

/** Loads the demo workspace (units from the seeds, one account per role), written and audited like any import. */
export async function loadDemo(db: Db, actor: Actor = cliActor()): Promise<void> {
  await importUnits(db, { actor, data: Buffer.from(demoUnitsCsv, 'utf8'), fileName: 'demo-units.csv' });
  const codes = demoAccounts.flatMap((a) => [a.unitCode, a.homeUnitCode]).filter((c): c is string => c !== null);
  const byCode = new Map((await selectUnitsByCodes(db, codes)).map((u) => [u.code, u.id]));
  for (const account of demoAccounts) {
    const homeUnitId = account.homeUnitCode ? (byCode.get(account.homeUnitCode) ?? null) : null;
    const user = await createUser(db, {
      actor,
      input: { username: account.username, fullName: account.fullName, email: null, homeUnitId, password: demoPassword },
    });
    const unitId = account.unitCode ? (byCode.get(account.unitCode) ?? null) : null;
    await grantRole(db, { actor, userId: user.id, role: account.role, unitId });
  }
}

/** The demo accounts still present (for the start banner), with their documented password. */
export async function presentDemoAccounts(db: Db) {
  const present = [];
  for (const account of demoAccounts) {
    if (await selectUserByUsername(db, account.username)) present.push({ ...account, password: demoPassword });
  }
  return present;
}
