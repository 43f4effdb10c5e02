/**
 * After a bulk import, the statements that fold and read the weekly figures must not be planned on
 * the statistics of before it (issue 9, item 6: one fold statement ran for nine minutes and the
 * national report took 10–14 s after 250,000 submissions were imported into a database analysed
 * while nearly empty). The import leaves the tables it wrote analysed (and folds its own submissions:
 * import-folds-figures.int.test.ts), and every fold statement is bounded in time without losing
 * the batch it gave up.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { foldFigures, queueLength } from '../../src/modules/consultation/figures/fold-figures.js';
import { isStatementTimeout, requeueConsultation } from '../../src/modules/consultation/figures/repository.js';
import { importOpinions } from '../../src/modules/consultation/import/import-opinions.js';
import { loadConsultation } from '../../src/modules/consultation/repository.js';
import { computeWeeklyReport } from '../../src/modules/consultation/report/weekly-report.js';
import { createTestDatabase } from '../support/db.js';
import { buildUnit } from '../support/factories.js';

const database = await createTestDatabase();
const db = database.db;
const actor = cliActor();
const TABLES = ['submissions', 'opinions', 'consultation_figure_queue'] as const;
const SUBMISSIONS = 1_200;
let dir: string;
let rootId: number;
let opinions = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-import-stats-'));
  const root = await buildUnit(db, { code: 'TW' });
  rootId = root.id;
  const province = await buildUnit(db, { code: 'T-LCU', parentId: root.id });
  const communes = [await buildUnit(db, { code: 'X-TD', parentId: province.id }), await buildUnit(db, { code: 'X-SH', parentId: province.id })];
  await createConsultation(db, {
    actor,
    input: { code: 'DH14', title: 'Lấy ý kiến dự thảo', documents: [{ code: 'BCCT', title: 'Báo cáo chính trị' }, { code: 'BCTK', title: 'Báo cáo tổng kết' }], opensAt: new Date('2025-10-15T16:00:00+07:00') },
  });
  // Statistics gathered while the tables were empty, and no autovacuum to refresh them behind the test's back.
  for (const table of TABLES) await db.execute(sql.raw(`alter table ${table} set (autovacuum_enabled = false)`));
  await db.execute(sql.raw(`analyze ${TABLES.join(', ')}`));
  const lines = ['submission_id,submitted_at,unit_code,channel,contributor_group,document_code,section_ref,stance,opinion_text'];
  for (let i = 0; i < SUBMISSIONS; i++) {
    const unit = communes[i % 2]?.code ?? '';
    const at = new Date(Date.parse('2025-10-16T08:00:00+07:00') + i * 600_000).toISOString();
    for (let k = 0; k <= i % 4; k++) {
      lines.push(`S${i},${at},${unit},vneid,nhan_dan,${k % 2 ? 'BCTK' : 'BCCT'},,partial,"Ý kiến số ${i % 50} về mục ${k}"`);
      opinions++;
    }
  }
  await writeFile(path.join(dir, 'y-kien.csv'), lines.join('\n'));
  await importOpinions(db, { actor, consultationCode: 'DH14', filePath: path.join(dir, 'y-kien.csv'), contactKey: () => randomBytes(32) });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('statistics after a bulk import', () => {
  it('are those of the imported rows, committed with them', async () => {
    const stats = await db.execute<{ relname: string; reltuples: number }>(sql`
      select relname, reltuples::float8 as reltuples from pg_class where relname in ('submissions', 'opinions', 'consultation_figure_queue', 'consultation_text_counts') and relkind = 'r'`);
    // The import folded its own submissions: the queue is empty and the text counts hold the 50 texts of each week.
    const counts = Object.fromEntries(stats.rows.map((r) => [r.relname, r.reltuples]));
    expect(counts).toMatchObject({ submissions: SUBMISSIONS, opinions, consultation_figure_queue: 0 });
    expect(counts.consultation_text_counts).toBeGreaterThan(SUBMISSIONS / 2);
    // The planner knows how many opinions each submission has (≈ 2.5), not "every opinion shares a few submissions".
    const distinct = await db.execute<{ n_distinct: number }>(sql`select n_distinct::float8 as n_distinct from pg_stats where tablename = 'opinions' and attname = 'submission_id'`);
    const n = distinct.rows[0]?.n_distinct ?? 0;
    expect(n < 0 ? -n * opinions : n).toBeCloseTo(SUBMISSIONS, -1);
  });
});

describe('folding the figures after the import', () => {
  it('gives up a fold statement that runs too long, in ever smaller batches, without losing the queued submissions', async () => {
    // The import folded its own submissions; queue them all again, as a rebuild does.
    const consultationId = (await loadConsultation(db, 'DH14')).id;
    await db.transaction((tx) => requeueConsultation(tx, consultationId));
    const queued = await queueLength(db);
    expect(queued).toBe(SUBMISSIONS);
    const failure = await foldFigures(db, { statementTimeoutMs: 1, minBatchSize: 300 }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isStatementTimeout(failure)).toBe(true);
    expect(await queueLength(db)).toBe(queued);
  });

  it('folds everything within the bound, and the national figures add up', async () => {
    expect(await foldFigures(db, { batchSize: 500 })).toEqual({ submissions: SUBMISSIONS });
    expect(await queueLength(db)).toBe(0);
    const consultation = await loadConsultation(db, 'DH14');
    const weeks = ['2025-10-22', '2025-10-29', '2025-11-05', '2025-11-12', '2025-11-19', '2025-11-26'];
    let submissions = 0;
    let total = 0;
    for (const periodEnd of weeks) {
      const report = await computeWeeklyReport(db, { consultation, unitId: rootId, periodEnd });
      submissions += report.submissions;
      total += report.opinions;
    }
    expect({ submissions, opinions: total }).toEqual({ submissions: SUBMISSIONS, opinions });
  });
});
