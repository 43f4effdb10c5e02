/**
 * The list editors pick representative opinions from (`listRepresentativeCandidates`) on a heavy
 * national week: OPINIONS opinions (default 1,000,000, about 400,000 submissions) received in one
 * week by the units of the 100,000-unit tree. Times the first page, the next page, a stance filter,
 * a common and a rare word (accent-insensitive) at the national root, one province and one commune.
 *
 *   npx tsx bench/representative-candidates.ts            (OPINIONS=… to change the size)
 */
import { performance } from 'node:perf_hooks';
import { cliActor, type Actor } from '../src/platform/access/roles.js';
import { createConsultation } from '../src/modules/consultation/create-consultation.js';
import { listRepresentativeCandidates } from '../src/modules/consultation/representatives/candidates.js';
import { generateTree } from './generate-tree.js';
import { formatMs, insertUnits, logMachine, openBenchDatabase, percentile, provinceAdmin, runBenchmark, type BenchDatabase } from './harness.js';

const OPINIONS = Number(process.env.OPINIONS ?? 1_000_000);
const RUNS = 7;
const WEEK = '2025-11-05';
const log = (m: string) => process.stdout.write(m + '\n');

async function main(): Promise<number> {
  logMachine(log);
  let bench: BenchDatabase | null = null;
  try {
    bench = await openBenchDatabase(log);
    const { pool, db } = bench.database;
    const tree = generateTree({ total: 100_000, communes: 3_321 });
    await insertUnits(pool, tree.units);
    const receiving = tree.units.filter((u) => u.depth >= 4).map((u) => u.id);
    const created = await createConsultation(db, {
      actor: cliActor(),
      input: { code: 'DH14', title: 'Lấy ý kiến dự thảo Văn kiện Đại hội XIV', documents: [{ code: 'BCCT', title: 'Báo cáo chính trị' }, { code: 'BCTK', title: 'Báo cáo tổng kết' }], opensAt: new Date('2025-10-15T00:00:00+07:00') },
    });
    const [bcct, bctk] = created.documents.map((d) => d.id);
    let t = performance.now();
    // Submissions of 1–4 opinions (2.5 on average) spread over the week closing 05/11/2025 16:00.
    const submissions = Math.round(OPINIONS / 2.5);
    await pool.query(
      `insert into submissions (consultation_id, external_id, unit_id, channel, contributor_group, submitted_at, self_submitted, opinion_count)
       select $1, 'b' || g, ($2::int[])[(1 + (g * 7919) % cardinality($2::int[]))::int], 'vneid', 'dang_vien',
              timestamptz '2025-10-29 16:00+07' + ((g * 104729) % 604800000)::float8 * interval '1 millisecond', true, (1 + g % 4)::int
       from generate_series(1::bigint, $3::bigint) g`,
      [created.id, receiving, submissions],
    );
    await pool.query(
      `insert into opinions (submission_id, consultation_id, unit_id, document_id, section_ref, stance, body, text_key, submitted_at)
       select s.id, s.consultation_id, s.unit_id, case when k % 2 = 0 then $1 else $2 end::int, 'II.' || (1 + (s.id + k) % 5),
              (array['agree','disagree','partial','none'])[1 + (s.id + k) % 4],
              case when (s.id * 31 + k) % 10000 = 0 then 'Đề nghị quan tâm đặc biệt tới đồng bào vùng biên giới hiếm người ở.'
                   else (array['Tán thành với nội dung dự thảo.', 'Đề nghị bổ sung giải pháp chuyển đổi số ở cấp xã.', 'Cần làm rõ vai trò của chi bộ thôn, bản.', 'Chưa nhất trí cách diễn đạt.'])[1 + (s.id + k) % 4] || ' (' || s.id || ')' end,
              '', s.submitted_at
       from submissions s cross join lateral generate_series(1, s.opinion_count) k`,
      [bcct, bctk],
    );
    await pool.query('analyze submissions; analyze opinions');
    const count = (await pool.query<{ n: number }>('select count(*)::int as n from opinions')).rows[0]?.n ?? 0;
    log(`Generated ${count.toLocaleString('en')} opinions in ${submissions.toLocaleString('en')} submissions over ${receiving.length.toLocaleString('en')} units in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const province = tree.provinceIds[0] as number;
    const commune = tree.units.find((u) => u.kind === 'commune' && u.province === 0)?.id ?? province;
    const scopes: [string, number, Actor][] = [
      ['national root', tree.rootId, cliActor()],
      ['province', province, provinceAdmin(province)],
      ['commune', commune, provinceAdmin(province)],
    ];
    const cases: [string, Record<string, string>][] = [
      ['first page', {}],
      ['stance = disagree', { stance: 'disagree' }],
      ['words "chuyen doi so"', { q: 'chuyen doi so' }],
      ['rare words "bien gioi hiem"', { q: 'bien gioi hiem' }],
    ];
    let worst = 0;
    for (const [scope, unitId, actor] of scopes) {
      for (const [name, filter] of cases) {
        const times: number[] = [];
        let items = 0;
        let cursor: string | null = null;
        for (let i = 0; i < RUNS; i++) {
          t = performance.now();
          const page = await listRepresentativeCandidates(db, { actor, consultationCode: 'DH14', unitId, periodEnd: WEEK, limit: 20, ...filter });
          times.push(performance.now() - t);
          items = page.items.length;
          cursor = page.nextCursor;
        }
        const nextTimes: number[] = [];
        for (let i = 0; cursor && i < RUNS; i++) {
          t = performance.now();
          await listRepresentativeCandidates(db, { actor, consultationCode: 'DH14', unitId, periodEnd: WEEK, limit: 20, cursor, ...filter });
          nextTimes.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        nextTimes.sort((a, b) => a - b);
        worst = Math.max(worst, percentile(times, 50));
        log(
          `${scope.padEnd(14)} ${name.padEnd(30)} ${String(items).padStart(2)} items  median ${formatMs(percentile(times, 50)).padStart(9)}  p95 ${formatMs(percentile(times, 95)).padStart(9)}` +
            (nextTimes.length ? `   next page median ${formatMs(percentile(nextTimes, 50))}` : ''),
        );
      }
    }
    log(`Slowest median: ${formatMs(worst)}`);
    return 0;
  } finally {
    await bench?.close();
  }
}

runBenchmark(main, log);
