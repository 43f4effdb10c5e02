import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../platform/db/database.js';
import { cliActor, type Actor } from '../../platform/access/roles.js';
import { acknowledgeDirective } from './acknowledge-directive.js';
import { parseDirectiveInput } from './parse-directive-input.js';
import { registerDirective } from './register-directive.js';
import { selectUnitIdByCode, selectUnitIdsByCodes } from './unit-repository.js';

const demoDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo');

/** The four seed documents, each registered in the unit that issued it, exactly as the parser reads them. */
const seeds = [
  { file: 'seed-001-son-la.txt', owner: 'SLA-DU-VPUBND' },
  { file: 'seed-002-lao-cai.txt', owner: 'LCA-SVHTTDL' },
  { file: 'seed-003-lai-chau-ke-hoach.txt', owner: 'LCU-SVHTTDL' },
  { file: 'seed-004-lai-chau-cong-van.txt', owner: 'LCU-DU-UBND' },
];

/**
 * Registers the seeds in the demo workspace. Their cited parents (167-CV/BTGDVTU, 816-CV/ĐU,
 * 21-HD/BTGDVTW, 37-KH/BTGDVTU, 134-CV/TU …) stay referenced placeholders until someone registers
 * them. One party cell acknowledges seed 004; the others have not acted, so the cascade shows them.
 */
export async function loadDirectivesDemo(db: Db, actor: Actor = cliActor()): Promise<void> {
  const owners = await selectUnitIdsByCodes(db, seeds.map((s) => s.owner));
  const idOf = new Map(owners.map((o) => [o.code, o.id]));
  let seed004: number | null = null;
  for (const seed of seeds) {
    const ownerUnitId = idOf.get(seed.owner);
    if (ownerUnitId === undefined) continue;
    const data = await readFile(path.join(demoDir, seed.file));
    const parsed = await parseDirectiveInput(db, { actor, file: { data, fileName: seed.file }, ownerUnitId });
    const id = await registerDirective(db, {
      actor,
      input: { ...parsed.draft, ownerUnitId },
      file: { data, fileName: seed.file, contentType: 'text/plain; charset=utf-8' },
    });
    if (seed.owner === 'LCU-DU-UBND') seed004 = id;
  }
  if (seed004 !== null) {
    const cellId = await selectUnitIdByCode(db, 'LCU-CB-SVHTTDL');
    if (cellId !== undefined) await acknowledgeDirective(db, { actor, directiveId: seed004, unitId: cellId }).catch(() => undefined);
  }
}
