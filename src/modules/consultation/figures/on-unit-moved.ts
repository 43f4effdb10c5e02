import { z } from 'zod';
import type { Db } from '../../../platform/db/database.js';
import { inTransaction } from '../../../platform/db/database.js';
import { defineEventHandler } from '../../../platform/jobs/index.js';
import { foldFigures } from './fold-figures.js';
import { requeueForUnits, selectAffectedUnits, selectConsultationsWithSubmissionsUnder } from './repository-moved.js';

/** What the org module writes with `unit.moved` (validated here: modules share no code). */
const unitMoved = z.object({ unitId: z.number().int(), fromPath: z.array(z.number().int()) });

/**
 * After a unit moved, recomputes along the current tree the figures of the units whose subtree
 * changed (the moved subtree, its old and new ancestors) for every consultation with submissions
 * under the moved unit, then folds them. Idempotent: running it twice gives the same figures.
 */
export async function refoldMovedUnit(db: Db, payload: unknown): Promise<{ consultations: number; submissions: number }> {
  const move = unitMoved.parse(payload);
  const affected = await selectAffectedUnits(db, move);
  const consultations = await selectConsultationsWithSubmissionsUnder(db, move.unitId);
  let submissions = 0;
  for (const consultationId of consultations) {
    submissions += await inTransaction(db, (tx) => requeueForUnits(tx, { consultationId, unitIds: affected }));
  }
  if (consultations.length > 0) await foldFigures(db);
  return { consultations: consultations.length, submissions };
}

export const refoldOnUnitMoved = defineEventHandler({
  event: 'unit.moved',
  name: 'consultation.refold-moved-unit',
  handle: refoldMovedUnit,
});
