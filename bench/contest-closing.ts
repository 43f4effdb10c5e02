/**
 * Benchmark of a round's closing and results at national scale (issue 14 item 10): 1,000,000
 * attempts of 350,000 people (0.5 % never submitted), then
 *  - closeRound: finalisation of the unsubmitted attempts, official figure, ranking (< 10 s),
 *  - a person's own rank and the top 100 (< 200 ms), a results page, the public winners,
 *  - the flags job (off the hot path; measured for information).
 * Run: `flock /tmp/bench.lock npx tsx bench/contest-closing.ts` (ATTEMPTS=… to change the size).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { cliActor } from '../src/platform/access/roles.js';
import { closeRound } from '../src/modules/contests/closing/close-round.js';
import { computeRoundFlags } from '../src/modules/contests/flags/compute-flags.js';
import { getMyRank, getPublicWinners } from '../src/modules/contests/results/public-results.js';
import { getRoundResults } from '../src/modules/contests/results/round-results.js';
import { formatMs, logMachine, openBenchDatabase, percentile } from './harness.js';

const log = (m: string) => process.stdout.write(m + '\n');
const ATTEMPTS = Number(process.env.ATTEMPTS ?? 1_000_000);
const PEOPLE = Math.round(ATTEMPTS * 0.35);
const UNITS = 60;
const QUESTIONS = 10;

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  log(`${label}: ${formatMs(performance.now() - start)} ms`);
  return result;
}

async function main() {
  logMachine(log);
  const bench = await openBenchDatabase(log);
  const { db } = bench.database;
  try {
    await timed(`Generate ${ATTEMPTS.toLocaleString('en')} attempts of ${PEOPLE.toLocaleString('en')} people`, async () => {
      await db.execute(sql`insert into units (code, name, kind, search_key) values ('BTG', 'Ban Tuyên giáo', 'party_committee', 'ban tuyen giao')`);
      await db.execute(sql`insert into units (code, name, kind, parent_id, search_key) select 'U' || g, 'Đơn vị ' || g, 'other', 1, 'don vi ' || g from generate_series(1, ${UNITS}) g`);
      await db.execute(sql`insert into contests (code, title, organiser_unit_id, audience) values ('DH-BENCH', 'Tìm hiểu các kỳ Đại hội Đảng', 1, 'public')`);
      await db.execute(sql`insert into contest_rounds (contest_id, number, opens_at, closes_at, questions_per_attempt, time_limit_seconds, attempts_allowed, grace_seconds, prediction, prizes)
        values (1, 1, '2025-11-10T01:00:00Z', '2025-11-16T13:00:00Z', ${QUESTIONS}, 600, 7, 5, 'perfect-scores', '[{"name":"Giải Nhất","count":1},{"name":"Giải Nhì","count":2},{"name":"Giải Ba","count":3},{"name":"Giải Khuyến khích","count":10}]')`);
      await db.execute(sql`insert into contest_questions (contest_id, difficulty, content_hash) select 1, 'easy', 'h' || g from generate_series(1, ${QUESTIONS}) g`);
      await db.execute(sql`insert into contest_question_versions (question_id, version, text, options, correct) select g, 1, 'Câu ' || g, array['A','B','C','D'], array[0] from generate_series(1, ${QUESTIONS}) g`);
      await db.execute(sql`insert into contest_participants (contest_id, display_name, unit_id, participant_group, phone_key, phone_masked)
        select 1, 'Người dự thi ' || g, 2 + g % ${UNITS}, 'dang-vien', 'k' || g, '0912***' || lpad((g % 1000)::text, 3, '0') from generate_series(1, ${PEOPLE}) g`);
      const questions = JSON.stringify(Array.from({ length: QUESTIONS }, (_, i) => ({ versionId: i + 1, optionOrder: [0, 1, 2, 3] })));
      await db.execute(sql`
        insert into contest_attempts (round_id, participant_id, unit_id, number, questions, answers, prediction, started_at, deadline_at, submitted_at, score, max_score, duration_ms, client_key)
        select 1, p::int, (2 + p % ${UNITS})::int, ((g - 1) / ${PEOPLE} + 1)::int, ${questions}::jsonb,
          case when unsubmitted then '{"0":{"chosen":[0],"savedAt":"2025-11-12T00:00:10Z"}}'::jsonb else '{}'::jsonb end,
          case when g % 10 = 0 then null else ((g * 7919) % 20000)::int end,
          started, least(started + interval '600 seconds', '2025-11-16T13:00:00Z'::timestamptz),
          case when unsubmitted then null else started + make_interval(secs => dur / 1000.0) end,
          case when unsubmitted then null else least(10, (g * 2654435761) % 13)::int end, ${QUESTIONS},
          case when unsubmitted then null else dur::int end, 'c' || (g % 200000)
        from (select g, 1 + (g - 1) % ${PEOPLE} as p, g % 200 = 0 as unsubmitted,
                '2025-11-10T01:00:00Z'::timestamptz + make_interval(secs => ((g * 104729) % 561600)::double precision) as started,
                30000 + (g * 31) % 570000 as dur
              from generate_series(1::bigint, ${ATTEMPTS}::bigint) g) s`);
      await db.execute(sql`analyze`);
    });
    const closed = await timed('closeRound (finalise unsubmitted, figure, ranking, mark closed)', () => closeRound(db, 1, new Date('2025-11-16T13:00:05Z')));
    const figures = await db.execute(sql`select official_figure, result_attempts, result_people, result_perfect_scores from contest_rounds where id = 1`);
    log(`  ${JSON.stringify(figures.rows[0])} closedNow=${closed.closedNow}`);
    await timed('flags job (off the hot path)', () => computeRoundFlags(db, 1));
    await db.execute(sql`update contest_rounds set results_confirmed_at = now() where id = 1`);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const participantId = 1 + ((i * 7919) % PEOPLE);
      const start = performance.now();
      await getMyRank(db, { code: 'DH-BENCH', number: 1, participantId });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    log(`my rank + top 100 (200 people): p50 ${formatMs(percentile(times, 50))} ms, p99 ${formatMs(percentile(times, 99))} ms, max ${formatMs(times.at(-1)!)} ms`);
    await timed('results page (ranks 500,001–500,100) for the organiser', () => getRoundResults(db, { actor: cliActor(), address: { contestCode: 'DH-BENCH', number: 1 }, offset: 500_000, limit: 100 }));
    await timed('public winners', () => getPublicWinners(db, { code: 'DH-BENCH', number: 1 }));
  } finally {
    await bench.close();
  }
}

await main();
