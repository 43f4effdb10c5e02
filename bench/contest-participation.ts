/**
 * Benchmark (issue 14 items 6, 7 and 10): participation and item statistics of a contest round with
 * 1,000,000 attempts in one province of the 100,000-unit tree.
 *
 *   npm run bench:contest-stats      (ATTEMPTS=… to change the size; run alone: flock /tmp/bench.lock …)
 *
 * Data: the tree, one contest of the centre, a bank of 60 questions, ATTEMPTS/3 participants spread
 * over the largest province's units, ATTEMPTS scored attempts in round 1 (three a person, ten
 * questions each with shuffled options and saved answers), the unit tallies added up from them (as
 * the submission transaction keeps them) and a headcount for every unit of the province. Then:
 *   1. the province's participation (operation and GET …/participation): target under 300 ms;
 *   2. the nation's participation, collective ranking of the provinces, the province's series;
 *   3. the round's item statistics (first attempts, one SQL statement) and the period figures.
 */
import { performance } from 'node:perf_hooks';
import { cliActor } from '../src/platform/access/roles.js';
import { hashPassword } from '../src/platform/auth/passwords.js';
import { collectiveRanking } from '../src/modules/contests/participation/collective-ranking.js';
import { contestParticipation } from '../src/modules/contests/participation/participation.js';
import { participationSeries } from '../src/modules/contests/participation/series.js';
import { roundItemStatistics } from '../src/modules/contests/statistics/round-statistics.js';
import { selectRoundItemSums } from '../src/modules/contests/statistics/repository.js';
import { itemSumsHandler } from '../src/modules/contests/statistics/item-sums-job.js';
import { contestFigures } from '../src/modules/contests/figures.js';
import { buildApp } from '../src/server/app.js';
import { parseConfig } from '../src/platform/config/config.js';
import { generateTree } from './generate-tree.js';
import { explain, insertUnits, loadAverage, logMachine, openBenchDatabase, percentile, provinceAdmin, runBenchmark, timedRuns, timingRow } from './harness.js';

const log = (msg: string) => console.log(msg);
const ATTEMPTS = Number(process.env.ATTEMPTS ?? 1_000_000);
const PEOPLE = Math.ceil(ATTEMPTS / 3);
const RUNS = Number(process.env.RUNS ?? 30);

async function main(): Promise<number> {
  logMachine(log);
  const bench = await openBenchDatabase(log, 6);
  const { database } = bench;
  const { pool, db } = database;
  try {
    const tree = generateTree({ total: 100_000, communes: 3_321 });
    await insertUnits(pool, tree.units);
    const sizes = tree.provinceIds.map((_, p) => tree.units.filter((u) => u.province === p).length);
    const largest = sizes.indexOf(Math.max(...sizes));
    const province = tree.provinceIds[largest]!;
    const provinceUnits = tree.units.filter((u) => u.province === largest).map((u) => u.id);
    log(`Tree: ${tree.units.length} units; province ${tree.provinceNames[largest]}: ${provinceUnits.length} units`);

    const setup = performance.now();
    const contestId = (await pool.query<{ id: number }>(`insert into contests (code, title, organiser_unit_id, audience, collective_prizes) values ('DH-BENCH', 'Tìm hiểu các kỳ Đại hội Đảng', $1, 'public', '[{"name":"Giải tập thể","count":3}]') returning id`, [tree.rootId])).rows[0]!.id;
    const roundId = (await pool.query<{ id: number }>(`insert into contest_rounds (contest_id, number, opens_at, closes_at, questions_per_attempt, time_limit_seconds, attempts_allowed, prediction) values ($1, 1, now() - interval '7 days', now() - interval '1 hour', 10, 600, 7, 'perfect-scores') returning id`, [contestId])).rows[0]!.id;
    await pool.query(`insert into contest_rounds (contest_id, number, opens_at, closes_at, questions_per_attempt, time_limit_seconds, attempts_allowed, prediction) values ($1, 2, now(), now() + interval '7 days', 10, 600, 7, 'perfect-scores')`, [contestId]);
    const questionIds = (await pool.query<{ id: number }>(`insert into contest_questions (contest_id, difficulty, content_hash) select $1, 'medium', 'h' || g from generate_series(0, 59) g returning id`, [contestId])).rows.map((r) => r.id).sort((a, b) => a - b);
    await pool.query(
      `insert into contest_question_versions (question_id, version, text, options, correct) select q, 1, 'Câu hỏi ' || k, array['A','B','C','D'], array[k % 4] from unnest($1::int[]) with ordinality as x(q, k)`,
      [questionIds],
    );
    const versionIds = (await pool.query<{ id: number }>(`select v.id from contest_question_versions v where v.question_id = any($1::int[]) order by v.question_id`, [questionIds])).rows.map((r) => r.id);
    const firstParticipant = (await pool.query<{ id: number }>(
      `insert into contest_participants (contest_id, unit_id, display_name, participant_group, phone_key)
       select $1, ($2::int[])[1 + ((g::bigint * 7919) % cardinality($2::int[]))::int], 'Người dự thi ' || g, 'dang-vien', 'k' || g from generate_series(0, $3::int - 1) g returning id`,
      [contestId, provinceUnits, PEOPLE],
    )).rows.reduce((m, r) => Math.min(m, r.id), Number.MAX_SAFE_INTEGER);
    // Version k (1-based) has key k % 4; option order rotated by g % 4, so the key shows at (k % 4 − g % 4 + 4) % 4.
    await pool.query(
      `insert into contest_attempts (round_id, participant_id, unit_id, number, questions, answers, started_at, deadline_at, submitted_at, score, max_score, duration_ms)
       select $1, p.id, p.unit_id, g / $4::int + 1, f.questions, f.answers, now() - interval '2 days', now() - interval '2 days' + interval '10 minutes', now() - interval '2 days' + interval '5 minutes', f.score, 10, 300000
       from generate_series(0, $3::int - 1) g
       join contest_participants p on p.id = $2::int + g % $4::int
       cross join lateral (
         select jsonb_agg(jsonb_build_object('versionId', ($5::int[])[1 + k], 'optionOrder', jsonb_build_array(g % 4, (g + 1) % 4, (g + 2) % 4, (g + 3) % 4)) order by i) as questions,
                jsonb_object_agg(i::text, jsonb_build_object('chosen', jsonb_build_array(case when ok then ((k + 1) % 4 - g % 4 + 4) % 4 else ((k + 1) % 4 - g % 4 + 5) % 4 end), 'savedAt', now() - interval '2 days' + interval '1 minute')) as answers,
                sum(ok::int)::int as score
         from generate_series(0, 9) i
         cross join lateral (select (g + i * 7) % 60 as k) kk
         cross join lateral (select abs(hashint4(g * 16 + i)) % 100 < 45 + p.id % 50 + k % 7 as ok) oo
       ) f`,
      [roundId, firstParticipant, ATTEMPTS, PEOPLE, versionIds],
    );
    await pool.query(
      `insert into contest_unit_tallies (contest_id, round_id, unit_id, attempts, people, perfect_scores, first_attempt_score_sum)
       select $1, r, a.unit_id, count(*), count(distinct a.participant_id), count(distinct a.participant_id) filter (where a.score = a.max_score), coalesce(sum(a.score) filter (where a.number = 1), 0)
       from contest_attempts a cross join unnest(array[a.round_id, 0]) r group by r, a.unit_id`,
      [contestId],
    );
    await pool.query(`insert into unit_headcounts (unit_id, headcount) select u, 50 + u % 200 from unnest($1::int[]) u`, [provinceUnits]);
    await pool.query('analyze');
    log(`Data: ${ATTEMPTS.toLocaleString('en')} attempts of ${PEOPLE.toLocaleString('en')} people and their tallies in ${((performance.now() - setup) / 1000).toFixed(1)} s`);

    const admin = cliActor();
    if (process.env.PROFILE) log(await explain(pool, (d) => selectRoundItemSums(d, { roundId, graceSeconds: 5 })));
    const provinceView = await timedRuns(RUNS, () => contestParticipation(db, { actor: provinceAdmin(province), contestId, unitId: province, round: 1 }));
    const nation = await timedRuns(RUNS, () => contestParticipation(db, { actor: admin, contestId, round: 0 }));
    const ranking = await timedRuns(RUNS, () => collectiveRanking(db, { actor: admin, contestId, round: 1 }));
    const series = await timedRuns(RUNS, () => participationSeries(db, { actor: provinceAdmin(province), contestId, unitId: province }));
    const check = await contestParticipation(db, { actor: admin, contestId, unitId: province, round: 1 });
    log(`Province: ${check.attempts} attempts, ${check.people} people, ${check.perfectScores} perfect, rate ${check.participationRate?.toFixed(4)}; ${check.children.length} children`);
    const week = { periodStart: new Date(Date.now() - 7 * 86_400_000), periodEnd: new Date() };
    const figures = await timedRuns(Math.min(RUNS, 5), () => contestFigures(db, { actor: admin, unitId: province, ...week }));
    const last: { stats?: Awaited<ReturnType<typeof roundItemStatistics>> } = {};
    const items = await timedRuns(Number(process.env.ITEM_RUNS ?? 2), async () => (last.stats = await roundItemStatistics(db, { actor: admin, contestId, round: 1 })));
    const stats = last.stats!;
    log(`Item statistics: ${stats.test.people} first attempts, mean ${stats.test.mean?.toFixed(2)}, alpha ${stats.test.alpha?.toFixed(3)}, ${stats.items.length} items`);
    // Once the round is closed, the job adds them up once and the page reads what it stored.
    await pool.query('update contest_rounds set closed_at = now() where id = $1', [roundId]);
    const job = performance.now();
    await itemSumsHandler.job.run({ db, payload: { roundId } } as never);
    const jobMs = performance.now() - job;
    const storedItems = await timedRuns(RUNS, () => roundItemStatistics(db, { actor: admin, contestId, round: 1 }));

    const config = parseConfig({ LANTOA_DATA_DIR: '/nonexistent', LANTOA_LOG_LEVEL: 'silent', DATABASE_URL: database.url });
    const app = await buildApp({ db, config, logger: false, webRoot: null });
    await app.ready();
    const passwordHash = await hashPassword('Mat-khau-bench-1');
    const userId = (await pool.query<{ id: number }>(`insert into users (username, full_name, password_hash) values ('bench.viewer', 'Bench', $1) returning id`, [passwordHash])).rows[0]!.id;
    await pool.query(`insert into role_grants (user_id, role, unit_id) values ($1, 'viewer', $2)`, [userId, province]);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bench.viewer', password: 'Mat-khau-bench-1' } });
    const cookie = String([login.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const http = await timedRuns(RUNS, async () => {
      const res = await app.inject({ method: 'GET', url: `/api/v1/contests/${contestId}/participation?unitId=${province}&round=1`, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`participation: ${res.statusCode}`);
    });
    await app.close();

    log('');
    log('| View | Target | Runs | p50 ms | p95 ms | max ms |');
    log('|---|---|---:|---:|---:|---:|');
    log(timingRow('Participation of the province, round 1 (operation)', '< 300 ms', provinceView));
    log(timingRow('GET …/participation?unitId=<province>&round=1 (HTTP stack, inject)', '< 300 ms', http));
    log(timingRow('Participation of the nation, whole contest (operation)', '—', nation));
    log(timingRow('Collective ranking of the provinces (operation)', '—', ranking));
    log(timingRow('Series per round of the province (operation)', '—', series));
    log(timingRow('Figures of the province for the last 7 days (attempts scan)', '—', figures));
    log(timingRow('Item statistics of round 1 (first attempts), open round: added up live', '—', items));
    log(`| The contests.item-statistics job after the close (adds them up once and stores them) | — | 1 | ${jobMs.toFixed(1)} | ${jobMs.toFixed(1)} | ${jobMs.toFixed(1)} |`);
    log(timingRow('Item statistics of round 1, closed round: read from storage', '—', storedItems));
    log(`Load average after the views: ${loadAverage()}`);
    return percentile(provinceView, 95) < 300 && percentile(http, 95) < 300 ? 0 : 1;
  } finally {
    await bench.close();
  }
}

runBenchmark(main, log);
