import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { AppError } from '../../platform/errors.js';
import { isDirectiveVisible, selectFile } from './repository.js';

/** The original file a directive was registered from, for the units that may see the directive. */
export async function getDirectiveFile(db: Db, options: { actor: Actor; directiveId: number }) {
  if (!(await isDirectiveVisible(db, options.actor, options.directiveId))) throw new AppError('NOT_FOUND');
  const file = await selectFile(db, options.directiveId);
  if (!file) throw new AppError('NOT_FOUND', 'Văn bản này được đăng ký từ nội dung dán vào, không có tệp gốc.');
  return file;
}
