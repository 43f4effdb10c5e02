/**
 * Benchmark: the unit tree at national scale (100,000 units) in a real PostgreSQL.
 *
 *   npm run bench:units        (= npx tsx bench/units-tree.ts)
 *
 * Uses the server at DATABASE_URL (in a fresh database `lantoa_bench_<pid>`, dropped at the end),
 * otherwise an embedded server in a temporary directory (removed at the end). Measures the
 * application's own repository and access functions, so the numbers are what users get.
 * Exits with code 1 when a target is missed.
 */
import { performance } from 'node:perf_hooks';
import type { Database } from '../src/platform/db/database.js';
import { selectVisibleUnits } from '../src/modules/org/repository.js';
import { selectAncestors, selectSubtreeIds } from '../src/core/unit-tree/index.js';
import { effectiveRoles } from '../src/platform/access/scope.js';
import { generateTree, type GeneratedTree } from './generate-tree.js';
import { explain, formatMs, insertUnits, loadAverage, logMachine, openBenchDatabase, percentile, provinceAdmin, runBenchmark, type BenchDatabase } from './harness.js';

const TOTAL_UNITS = 100_000;
const COMMUNES = 3_321;
const WARMUP = 5;
const RUNS = 50;
const PROVINCE_SUBTREE_TARGET_MS = 50;
const ACCESS_CHECK_UNITS = 100;

interface Result {
  name: string;
  target: string;
  timings: number[];
  rows: number[];
}

const log = (msg: string) => console.log(msg);

/** Deterministic pseudo-random picks, so two runs measure the same units. */
function picker(seed: number): <T>(items: readonly T[]) => T {
  let state = seed >>> 0;
  return <T>(items: readonly T[]): T => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const item = items[state % items.length];
    if (item === undefined) throw new Error('empty list');
    return item;
  };
}

async function measure<A>(
  name: string,
  target: string,
  argsFor: (run: number) => A,
  run: (args: A) => Promise<number>,
): Promise<Result> {
  for (let i = 0; i < WARMUP; i++) await run(argsFor(i));
  const timings: number[] = [];
  const rows: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const args = argsFor(WARMUP + i);
    const start = performance.now();
    const n = await run(args);
    timings.push(performance.now() - start);
    rows.push(n);
  }
  return { name, target, timings, rows };
}

function formatRows(rows: number[]): string {
  const min = Math.min(...rows);
  const max = Math.max(...rows);
  return min === max ? String(min) : `${min}–${max}`;
}

function table(results: Result[]): string {
  const lines = [
    '| Query | Target | Runs | p50 ms | p95 ms | max ms | Rows |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const sorted = [...r.timings].sort((a, b) => a - b);
    lines.push(
      `| ${r.name} | ${r.target} | ${r.timings.length} | ${formatMs(percentile(sorted, 50))} | ${formatMs(percentile(sorted, 95))} | ${formatMs(
        sorted[sorted.length - 1] ?? NaN,
      )} | ${formatRows(r.rows)} |`,
    );
  }
  return lines.join('\n');
}

async function runBenchmarks(database: Database, tree: GeneratedTree): Promise<Result[]> {
  const { db } = database;
  const pick = picker(7);
  // Every province in turn (shuffled once), then again: the largest province is always included.
  const provinceOrder = [...tree.provinceIds.keys()];
  for (let i = provinceOrder.length - 1; i > 0; i--) {
    const j = (i * 7919 + 13) % (i + 1);
    [provinceOrder[i], provinceOrder[j]] = [provinceOrder[j] as number, provinceOrder[i] as number];
  }
  const provinceAt = (run: number) => provinceOrder[run % provinceOrder.length] as number;
  const deepByProvince = tree.provinceIds.map((_, pi) => tree.units.filter((u) => u.province === pi && u.depth >= 5).map((u) => u.id));
  const deepest = tree.units.filter((u) => u.depth === 6).map((u) => u.id);

  const results: Result[] = [];
  results.push(
    await measure(
      'Province subtree — `selectSubtreeIds(db, [province])`',
      `p95 < ${PROVINCE_SUBTREE_TARGET_MS} ms`,
      (run) => tree.provinceIds[provinceAt(run)] as number,
      async (provinceId) => (await selectSubtreeIds(db, [provinceId])).length,
    ),
  );
  results.push(
    await measure(
      'Ancestors of a depth-6 unit — `selectAncestors(db, [id])`',
      'report',
      () => pick(deepest),
      async (id) => (await selectAncestors(db, [id])).get(id)?.length ?? 0,
    ),
  );
  results.push(
    await measure(
      'Province admin unit list — `selectVisibleUnits(db, actor)`',
      'report',
      (run) => provinceAdmin(tree.provinceIds[provinceAt(run)] as number),
      async (actor) => (await selectVisibleUnits(db, actor)).length,
    ),
  );
  results.push(
    await measure(
      "Province admin search — `selectVisibleUnits(db, actor, 'xa phuong')`",
      'report',
      (run) => provinceAdmin(tree.provinceIds[provinceAt(run)] as number),
      async (actor) => (await selectVisibleUnits(db, actor, 'xa phuong')).length,
    ),
  );
  results.push(
    await measure(
      `Access check, ${ACCESS_CHECK_UNITS} deep units — \`effectiveRoles(db, actor, ids)\``,
      'report',
      (run) => {
        const pi = provinceAt(run);
        const pool = deepByProvince[pi] ?? [];
        const ids = new Set<number>();
        while (ids.size < ACCESS_CHECK_UNITS) ids.add(pick(pool));
        return { actor: provinceAdmin(tree.provinceIds[pi] as number), ids: [...ids] };
      },
      async ({ actor, ids }) => (await effectiveRoles(db, actor, ids)).size,
    ),
  );
  results.push(
    await measure(
      'Nation subtree (root) — `selectSubtreeIds(db, [root])`',
      'information',
      () => tree.rootId,
      async (rootId) => (await selectSubtreeIds(db, [rootId])).length,
    ),
  );
  return results;
}

async function main(): Promise<number> {
  log('# Unit tree benchmark: 100,000 units');
  log('');
  logMachine(log);

  let bench: BenchDatabase | null = null;
  try {
    bench = await openBenchDatabase(log);
    const { database } = bench;

    const buildStart = performance.now();
    const tree = generateTree({ total: TOTAL_UNITS, communes: COMMUNES });
    const generated = performance.now();
    await insertUnits(database.pool, tree.units);
    const built = performance.now();
    const count = await database.pool.query<{ n: number; communes: number }>(
      `select count(*)::int as n, count(*) filter (where kind = 'commune')::int as communes from units`,
    );
    const total = count.rows[0]?.n ?? 0;
    log(
      `Tree: ${total} units (${count.rows[0]?.communes ?? 0} communes, ${tree.provinceIds.length} provinces, depth ≤ ${Math.max(
        ...tree.units.map((u) => u.depth),
      )}); built in ${((built - buildStart) / 1000).toFixed(1)} s ` +
        `(generate ${((generated - buildStart) / 1000).toFixed(1)} s, insert + analyze ${((built - generated) / 1000).toFixed(1)} s)`,
    );
    if (total !== TOTAL_UNITS) throw new Error(`expected ${TOTAL_UNITS} units, found ${total}`);
    const sizes = tree.provinceIds.map((_, pi) => tree.units.filter((u) => u.province === pi).length);
    const largest = sizes.indexOf(Math.max(...sizes));
    log(
      `Province subtrees: ${Math.min(...sizes)}–${Math.max(...sizes)} units (largest: ${tree.provinceNames[largest] ?? '?'})`,
    );

    const results = await runBenchmarks(database, tree);
    log('');
    log(`Warm-up ${WARMUP} runs, then ${RUNS} measured runs each (wall time of the application function, one connection at a time).`);
    log('');
    log(table(results));

    const largestId = tree.provinceIds[largest] as number;
    log('');
    log(`EXPLAIN (ANALYZE, BUFFERS) of selectSubtreeIds for the largest province (${tree.provinceNames[largest] ?? '?'}):`);
    log('');
    log(await explain(database.pool, (db) => selectSubtreeIds(db, [largestId])));
    log('');
    log(`EXPLAIN (ANALYZE, BUFFERS) of selectVisibleUnits for an admin of the same province:`);
    log('');
    log(await explain(database.pool, (db) => selectVisibleUnits(db, provinceAdmin(largestId))));
    const deepIds = tree.units.filter((u) => u.province === largest && u.depth >= 5).slice(0, ACCESS_CHECK_UNITS).map((u) => u.id);
    log('');
    log(`EXPLAIN (ANALYZE, BUFFERS) of effectiveRoles for ${deepIds.length} deep units of the same province:`);
    log('');
    log(await explain(database.pool, (db) => effectiveRoles(db, provinceAdmin(largestId), deepIds)));

    log('');
    log(`Load average at end (1/5/15 min): ${loadAverage()}`);
    const subtree = results[0];
    const p95 = subtree ? percentile([...subtree.timings].sort((a, b) => a - b), 95) : NaN;
    log('');
    if (!(p95 < PROVINCE_SUBTREE_TARGET_MS)) {
      log(`TARGET FAILED: province subtree p95 ${formatMs(p95)} ms ≥ ${PROVINCE_SUBTREE_TARGET_MS} ms`);
      return 1;
    }
    log(`Target met: province subtree p95 ${formatMs(p95)} ms < ${PROVINCE_SUBTREE_TARGET_MS} ms`);
    return 0;
  } finally {
    await bench?.close();
  }
}

runBenchmark(main, log);
