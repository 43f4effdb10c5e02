import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { fail } from '../../../platform/errors.js';
import { countActivityFiles, insertActivityFile, selectActivity, selectActivityFile } from './repository.js';
import { evidenceTypeOf } from './file-type.js';
import { requireTaskRole } from './task-access.js';

/** Files one activity may keep (photos of a meeting, the article as PDF …). */
export const MAX_FILES_PER_ACTIVITY = 10;

/**
 * Keeps a file as evidence of an activity (same rule as recording it). The size limit is applied
 * while the upload is read (platform/files/limits.ts `campaignActivityFileBytes`); here the content
 * must be a JPEG, PNG, WebP, PDF or DOCX whose name says the same (file-type.ts).
 */
export async function attachActivityFile(db: Db, options: { actor: Actor; activityId: number; file: { data: Buffer; fileName: string } | null }): Promise<{ id: number }> {
  const { actor, activityId, file } = options;
  const activity = await selectActivity(db, activityId);
  if (!activity) fail('CAMPAIGN_ACTIVITY_NOT_FOUND');
  await requireTaskRole(db, actor, activity.unitId, 'editor', 'CAMPAIGN_ACTIVITY_NOT_FOUND');
  if (!file) fail('CAMPAIGN_FILE_REQUIRED');
  if (file.data.length === 0) fail('FILE_EMPTY', { fileName: file.fileName });
  const type = evidenceTypeOf(file.data, file.fileName);
  if (!type) fail('CAMPAIGN_FILE_TYPE_UNSUPPORTED', { fileName: file.fileName });
  if ((await countActivityFiles(db, activityId)) >= MAX_FILES_PER_ACTIVITY) fail('CAMPAIGN_ACTIVITY_FILES_FULL', { max: MAX_FILES_PER_ACTIVITY });
  return db.transaction(async (tx) => {
    const id = await insertActivityFile(tx, { activityId, fileName: file.fileName, contentType: type.contentType, size: file.data.length, content: file.data });
    await recordAudit(tx, actor, {
      action: 'campaign.activity_file_attach',
      entityType: 'campaign_task',
      entityId: activity.taskId,
      unitId: activity.unitId,
      after: { activityId, fileId: id, fileName: file.fileName, contentType: type.contentType, size: file.data.length },
    });
    return { id };
  });
}

/** An evidence file, for whoever sees the unit that recorded it (viewer or above over that unit). */
export async function getActivityFile(db: Db, options: { actor: Actor; fileId: number }) {
  const file = await selectActivityFile(db, options.fileId);
  if (!file) fail('CAMPAIGN_FILE_NOT_FOUND');
  await requireTaskRole(db, options.actor, file.unitId, 'viewer', 'CAMPAIGN_FILE_NOT_FOUND');
  return file;
}
