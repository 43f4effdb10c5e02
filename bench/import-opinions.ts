/**
 * Import of 1,000,000 opinions (about 400,000 submissions) from CSV over the 100,000-unit tree:
 * `importOpinions` end-to-end, against a bare COPY of the same file into a plain table on the same
 * server in the same run. Targets: ≥ 50,000 opinions/s and ≥ half the bare COPY speed; exit 1 if missed.
 * It also times the floor of any import on this schema: the server inserting the same rows into
 * copies of `submissions` and `opinions` with their keys and indexes, and nothing else.
 *
 *   npx tsx bench/import-opinions.ts            (OPINIONS=… to change the size)
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import { from as copyFrom } from 'pg-copy-streams';
import { cliActor } from '../src/platform/access/roles.js';
import { createConsultation } from '../src/modules/consultation/create-consultation.js';
import { importOpinions } from '../src/modules/consultation/import/import-opinions.js';
import { generateTree } from './generate-tree.js';
import { writeOpinionCsv } from './generate-opinions.js';
import { serverCpuMeter } from './server-cpu.js';
import { insertUnits, loadAverage, logMachine, openBenchDatabase, runBenchmark, type BenchDatabase } from './harness.js';

const OPINIONS = Number(process.env.OPINIONS ?? 1_000_000);
const log = (m: string) => process.stdout.write(m + '\n');

async function main(): Promise<number> {
  logMachine(log);
  let bench: BenchDatabase | null = null;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lantoa-bench-opinions-'));
  try {
    bench = await openBenchDatabase(log);
    const { pool, db } = bench.database;
    const tree = generateTree({ total: 100_000, communes: 3_321 });
    await insertUnits(pool, tree.units);
    const receiving = tree.units.filter((u) => u.depth >= 4);
    const file = path.join(dir, 'y-kien.csv');
    let t = performance.now();
    const { bytes, submissions, withContact } = await writeOpinionCsv(file, receiving, OPINIONS);
    log(`Generated ${OPINIONS.toLocaleString('en')} opinions in ${submissions.toLocaleString('en')} submissions over ${receiving.length.toLocaleString('en')} receiving units: ${(bytes / 1024 ** 2).toFixed(0)} MiB in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // Opened before the generated rows' dates (from 15 October 2025): the import refuses earlier ones.
    const opensAt = new Date('2025-10-01T00:00:00+07:00');
    await createConsultation(db, { actor: cliActor(), input: { code: 'DH14', title: 'Lấy ý kiến dự thảo Văn kiện Đại hội XIV', documents: [{ code: 'BCCT', title: 'Báo cáo chính trị' }, { code: 'BCTK', title: 'Báo cáo tổng kết' }], opensAt } });
    await pool.query('checkpoint');
    const serverCpu = (await serverCpuMeter(pool)) ?? (() => NaN);
    const cpuS = (ms: number) => (Number.isNaN(ms) ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);

    // Bare COPY: the same file, as it is, into a plain table of text columns (no index, no constraint).
    await pool.query(`create table bare_copy (submission_id text, submitted_at text, unit_code text, channel text, contributor_group text, document_code text,
      section_ref text, stance text, opinion_text text, contributor_name text, contributor_phone text, contributor_id_number text)`);
    const client = await pool.connect();
    let serverAt = serverCpu();
    t = performance.now();
    try {
      await pipeline(createReadStream(file, { start: 3 }), client.query(copyFrom('copy bare_copy from stdin (format csv, header true)')));
    } finally {
      client.release();
    }
    const bareS = (performance.now() - t) / 1000;
    const bareServer = serverCpu() - serverAt;
    await pool.query('drop table bare_copy');
    await pool.query('checkpoint');
    const bareRate = OPINIONS / bareS;
    log(`Bare COPY: ${bareS.toFixed(2)} s = ${Math.round(bareRate).toLocaleString('en')} rows/s (server CPU ${cpuS(bareServer)})`);

    serverAt = serverCpu();
    const nodeAt = process.cpuUsage();
    t = performance.now();
    let phaseAt = t;
    const result = await importOpinions(db, {
      contactKey: () => benchContactKey,
      actor: cliActor(),
      consultationCode: 'DH14',
      filePath: file,
      onProgress: (p) => {
        if (p.phase === 'writing') {
          log(`  read, validated and staged in ${((performance.now() - t) / 1000).toFixed(2)} s`);
          phaseAt = performance.now();
        }
      },
    });
    const importS = (performance.now() - t) / 1000;
    const importServer = serverCpu() - serverAt;
    const nodeCpu = process.cpuUsage(nodeAt);
    log(`  inserted and committed in ${((performance.now() - phaseAt) / 1000).toFixed(2)} s`);
    log(`  CPU: server ${cpuS(importServer)}, Node.js ${cpuS((nodeCpu.user + nodeCpu.system) / 1000)}`);
    const rate = result.opinions / importS;
    log(`importOpinions: ${importS.toFixed(2)} s = ${Math.round(rate).toLocaleString('en')} opinions/s (${result.submissions.toLocaleString('en')} submissions, ${result.opinions.toLocaleString('en')} opinions, ${result.rejected.length} rejected)`);
    const check = await pool.query<{ s: number; o: number; q: number; c: number }>(
      'select (select count(*) from submissions) as s, (select count(*) from opinions) as o, (select count(*) from consultation_figure_queue) as q, (select count(*) from submission_contacts) as c',
    );
    const counted = check.rows[0];
    const countsOk =
      counted?.s === submissions && counted.o === OPINIONS && counted.q === submissions && counted.c === withContact && result.opinions === OPINIONS && result.submissions === submissions;
    log(`Stored: ${counted?.s} submissions, ${counted?.o} opinions, ${counted?.q} queued for the weekly figures, ${counted?.c} sealed contacts (${countsOk ? 'as generated' : 'MISMATCH'})`);

    t = performance.now();
    const again = await importOpinions(db, { contactKey: () => benchContactKey, actor: cliActor(), consultationCode: 'DH14', filePath: file });
    log(`Re-import of the same file: ${((performance.now() - t) / 1000).toFixed(2)} s, added ${again.opinions}, alreadyPresent ${again.alreadyPresent.toLocaleString('en')}`);

    // The floor of any import on this schema: the same rows written into copies of the import's
    // tables, with their keys and indexes, by the server alone (no file, no validation, no client).
    await pool.query('create table floor_opinions (like opinions including defaults including constraints including indexes)');
    await pool.query('create table floor_submissions (like submissions including defaults including constraints including indexes)');
    await pool.query('checkpoint');
    serverAt = serverCpu();
    t = performance.now();
    await pool.query('begin');
    await pool.query('insert into floor_submissions select * from submissions');
    await pool.query('insert into floor_opinions select * from opinions');
    await pool.query('commit');
    const floorS = (performance.now() - t) / 1000;
    log(`Floor: the same submissions and opinions inserted by the server into copies of their tables (keys and indexes, no trigger, no queue, no contacts): ${floorS.toFixed(2)} s (server CPU ${cpuS(serverCpu() - serverAt)}); best ratio reachable: ${(bareS / floorS).toFixed(2)}`);
    await pool.query('drop table floor_opinions, floor_submissions');

    log(`Load average at end (1/5/15 min): ${loadAverage()}`);
    const ratio = rate / bareRate;
    const ok = countsOk && rate >= 50_000 && ratio >= 0.5 && again.opinions === 0;
    log(`| importOpinions end-to-end | ≥ 50,000 opinions/s | ${Math.round(rate).toLocaleString('en')} /s | ${importS.toFixed(2)} s |`);
    log(`| bare COPY of the same rows | report | ${Math.round(bareRate).toLocaleString('en')} rows/s | ${bareS.toFixed(2)} s |`);
    log(`| ratio import / bare COPY | ≥ 0.5 | ${ratio.toFixed(2)} | |`);
    log(ok ? 'Targets met.' : 'TARGETS MISSED.');
    return ok ? 0 : 1;
  } finally {
    await bench?.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
/** Seals any contact details in the generated file (the bench measures the real import path). */
const benchContactKey = randomBytes(32);

runBenchmark(main, log);
