import type { Actor } from '../../../platform/access/roles.js';
import type { Queryable } from '../../../platform/db/database.js';
import { campaignProgress, type CampaignProgress } from './progress.js';
import { selectQuantityKinds } from './repository-read.js';
import { progressWorkbook } from './xlsx.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The progress XLSX of a campaign over a unit's subtree (the same data as the progress view). */
export async function exportProgressXlsx(db: Queryable, input: { actor: Actor; campaignId: number; unitId?: number; now?: Date }) {
  return progressFile(db, await campaignProgress(db, { ...input, allUnits: true }));
}

/** The workbook of a progress already computed (the CLI's `--xlsx`). */
export async function progressFile(db: Queryable, progress: CampaignProgress) {
  const body = await progressWorkbook(progress, await selectQuantityKinds(db));
  return { body, fileName: `tien-do-${progress.campaign.code}-${progress.unit.code}.xlsx`, contentType: XLSX };
}
