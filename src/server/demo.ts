import { randomBytes } from 'node:crypto';
import type { Db } from '../platform/db/database.js';
import type { DemoContext } from '../platform/modules/manifest.js';
import { isWorkspaceEmpty } from '../modules/org/load-demo.js';
import { modules } from './modules.js';

/**
 * Loads the demo workspace, each module's part in list order, when the database holds no unit yet.
 * Returns whether it did. `lantoa start` passes the server's contact key; without one (tests) the
 * demo's contact details are sealed under a throw-away key.
 */
export async function loadDemoWorkspace(db: Db, context?: DemoContext): Promise<boolean> {
  if (!(await isWorkspaceEmpty(db))) return false;
  const throwAway = randomBytes(32);
  const demo = context ?? { contactKey: () => throwAway };
  for (const module of modules) await module.loadDemo?.(db, demo);
  return true;
}
