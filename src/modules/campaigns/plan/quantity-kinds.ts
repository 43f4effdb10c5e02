import type { Db } from '../../../platform/db/database.js';
import { selectQuantityKinds } from './repository.js';

/** The configurable list of activity quantity kinds, in its order. */
export function listQuantityKinds(db: Db): Promise<{ code: string; label: string }[]> {
  return selectQuantityKinds(db);
}
