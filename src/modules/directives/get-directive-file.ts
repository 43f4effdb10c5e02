import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { fail } from '../../platform/errors.js';
import { isDirectiveVisible, selectFile } from './repository.js';

/** The original file a directive was registered from, for the units that may see the directive. */
export async function getDirectiveFile(db: Db, options: { actor: Actor; directiveId: number }) {
  if (!(await isDirectiveVisible(db, options.actor, options.directiveId))) fail('DIRECTIVE_NOT_FOUND');
  const file = await selectFile(db, options.directiveId);
  if (!file) fail('DIRECTIVE_FILE_MISSING');
  return file;
}
