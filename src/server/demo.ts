import type { Db } from '../platform/db/database.js';
import { isWorkspaceEmpty } from '../modules/org/load-demo.js';
import { modules } from './modules.js';

/** Loads the demo workspace, each module's part in list order, when the database holds no unit yet. Returns whether it did. */
export async function loadDemoWorkspace(db: Db): Promise<boolean> {
  if (!(await isWorkspaceEmpty(db))) return false;
  for (const module of modules) await module.loadDemo?.(db);
  return true;
}
