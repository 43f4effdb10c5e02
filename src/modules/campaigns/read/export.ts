import type { Actor } from '../../../platform/access/roles.js';
import type { Queryable } from '../../../platform/db/database.js';
import { XLSX } from '../../../platform/http/openapi/route-docs.js';
import { campaignProgress } from './progress.js';
import { selectQuantityKinds } from './repository-read.js';
import { progressWorkbook } from './xlsx.js';

/** The progress XLSX of a campaign over a unit's subtree (the same data as the progress view). */
export async function exportProgressXlsx(db: Queryable, input: { actor: Actor; campaignId: number; unitId?: number; now?: Date }) {
  const progress = await campaignProgress(db, input);
  const body = await progressWorkbook(progress, await selectQuantityKinds(db));
  return { body, fileName: `tien-do-${progress.campaign.code}-${progress.unit.code}.xlsx`, contentType: XLSX };
}
