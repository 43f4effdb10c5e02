import { stat } from 'node:fs/promises';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from '../../../platform/db/database.js';
import * as schema from '../../../platform/db/schema/index.js';
import type { Actor } from '../../../platform/access/roles.js';
import type { Tx } from '../../../platform/db/database.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { fail, invariant } from '../../../platform/errors.js';
import { OpinionValidator } from './opinion-file.js';
import { OpinionFileError } from './opinion-file-read.js';
import { insertImportRecord, isDuplicateSubmission, loadMaps, lockConsultationImports, queueFiguresByWriter, submissionSequence } from './repository.js';
import { fileSubmission } from './file-submission.js';
import { ImportRun } from './import-run.js';
import { rejectedFileFor, writeRejectedFile } from './rejected-file.js';
import { UnitPaths } from './unit-paths.js';
import { analyzeFoldedTables, analyzeImportedTables } from '../figures/repository.js';
import { foldImport, lastOpinionId } from '../figures/repository-import.js';
import { weeklySchedule } from '../report/weekly-report.js';
import { loadConsultation } from '../repository.js';
import type { ImportOpinionsOptions, ImportOpinionsResult } from './types.js';

export type { ImportOpinionsOptions, ImportOpinionsResult, ImportProgress } from './types.js';

/**
 * Imports opinions from a CSV or XLSX file in the interchange format, in one transaction.
 *
 * The file is streamed and validated row by row, in batches. The submission_ids a batch introduces
 * are looked up on a second connection while the next batch is validated: those already in the
 * consultation are skipped (`alreadyPresent`, so importing a file twice adds nothing); the new ones
 * were given ids reserved from the identity sequence when first met, so their opinions are copied
 * (binary COPY FROM STDIN) straight into `opinions` while the file is still being read, followed by
 * the batch's new submissions and their sealed contact details. Submissions that gain rows after being copied get their counts corrected at the end;
 * then the import folds its submissions into the weekly figures itself (the figures trigger stands
 * aside for it), so that reports right after a large import have no queued tail to add
 * (import-figures.ts, figures/repository-import.ts).
 * Imports of one consultation are serialised by an advisory lock held from the first look-up to
 * the commit.
 *
 * By default any bad row rejects the whole file (IMPORT_REJECTED listing every bad row; writing
 * stops at the first one and the transaction rolls back); with `skipInvalid` the good submissions
 * are imported and the rejected rows written beside the input.
 */
export async function importOpinions(db: Db, options: ImportOpinionsOptions): Promise<ImportOpinionsResult> {
  const { actor, filePath } = options;
  const consultation = await loadConsultation(db, options.consultationCode.trim());
  const totalBytes = (await stat(filePath).catch(() => null))?.size;
  if (totalBytes === undefined) fail('OPINION_FILE_UNREADABLE', { path: filePath });

  const pool = poolOf(db);
  const client = await pool.connect();
  // Look-ups run on a connection of their own, outside the pool: an import holding the lock never
  // waits for a pooled connection that imports queued behind the lock are holding.
  const lookup = new pg.Client(pool.options);
  lookup.on('error', () => undefined);
  try {
    await lookup.connect();
    const conn = drizzle(client, { schema });
    return await conn.transaction(async (tx) => {
      await lockConsultationImports(tx, consultation.id);
      await queueFiguresByWriter(tx);
      const maps = await loadMaps(tx, consultation);
      const run = new ImportRun(client, lookup, {
        consultationId: consultation.id,
        sequence: await submissionSequence(tx),
        validator: new OpinionValidator({ ...maps, window: consultation, now: new Date() }, fileSubmission),
        paths: new UnitPaths(maps.parents),
        options,
        totalBytes,
      });
      const opinionsBefore = await lastOpinionId(tx);
      await run.readFile();
      const { errors } = run;
      if (errors.length > 0 && !options.skipInvalid) {
        errors.sort((a, b) => a.line - b.line);
        fail('OPINION_IMPORT_REJECTED', { errors, rowsRead: run.rowsRead }, { params: { errorCount: errors.length } });
      }
      options.onProgress?.({ phase: 'writing', rowsRead: run.rowsRead, bytesRead: totalBytes, totalBytes });
      await requireUnitRole(tx, actor, run.receivingUnits(), 'editor');
      const written = await run.finish(tx);
      if (written.submissions > 0) {
        // Statistics that see the new rows, for this fold and for the folds and reports planned
        // after the commit (see "Weekly figures" in docs/ARCHITECTURE.md); they commit with the rows.
        await analyzeImportedTables(tx);
        const figures = run.figures(weeklySchedule(consultation));
        await foldImport(tx, { consultationId: consultation.id, ...figures, opinionIds: { after: opinionsBefore, upTo: await lastOpinionId(tx) } });
        await analyzeFoldedTables(tx);
      }

      const rejected = errors.map((e) => ({ line: e.line, reason: e.message }));
      let rejectedFile: string | null = null;
      if (options.skipInvalid && rejected.length > 0) {
        rejectedFile = rejectedFileFor(filePath);
        rejected.push(...(await writeRejectedFile(filePath, rejectedFile, run)));
        rejected.sort((a, b) => a.line - b.line);
      }
      const result: ImportOpinionsResult = { rowsRead: run.rowsRead, ...written, rejected, rejectedFile };
      await recordImport(tx, actor, { consultationId: consultation.id, file: path.basename(filePath), result });
      return result;
    });
  } catch (error) {
    if (error instanceof OpinionFileError) {
      fail('OPINION_FILE_REJECTED', { errors: [error.problem], rowsRead: 0 }, { params: { problem: error.message } });
    }
    if (isDuplicateSubmission(error)) {
      fail('OPINION_IMPORT_RACE');
    }
    throw error;
  } finally {
    client.release();
    await lookup.end().catch(() => undefined);
  }
}

/** The import's record (opinion_imports) and audit row. */
async function recordImport(tx: Tx, actor: Actor, options: { consultationId: number; file: string; result: ImportOpinionsResult }): Promise<void> {
  const { consultationId, file, result } = options;
  const counts = { rowsRead: result.rowsRead, submissions: result.submissions, opinions: result.opinions, alreadyPresent: result.alreadyPresent, rejected: result.rejected.length };
  await insertImportRecord(tx, { consultationId, fileName: file, ...counts, importedByUserId: actor.userId });
  await recordAudit(tx, actor, { action: 'consultation.import', entityType: 'consultation', entityId: consultationId, unitId: null, after: { file, ...counts } });
}

/** The pool behind the drizzle instance (COPY needs a raw connection, the transaction's own). */
function poolOf(db: Db): pg.Pool {
  const client = (db as unknown as { $client?: pg.Pool }).$client;
  invariant(client && typeof client.connect === 'function' && 'totalCount' in client, 'importOpinions needs a drizzle instance over a pg.Pool');
  return client;
}

