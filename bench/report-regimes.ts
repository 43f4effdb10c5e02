/**
 * Benchmark (issue 13, item 11): a weekly report regime over the 100,000-unit tree.
 *
 *   npm run bench:reports        (RUNS=…, RUSH=…, WARMUP=…, RATE=…, WEEKS=…, UNITS=… for a trial; run alone: flock /tmp/bench.lock nice -n 0 npm run bench:reports)
 *
 * The centre's regime with 30 indicators for every party cell and party committee (defined and its
 * 53 periods opened through the module's operations: the expected sets), a year (52 closed weeks)
 * of history written set-based in the ledger's format, and the current week with 80 % of the cells
 * not in the rush already in. Then:
 *   1. the nation's and each province's status and consolidation (the operations, and GET …/status,
 *      …/consolidation through the HTTP stack): target p95 under 500 ms — before the rush, and again
 *      after it with every committee's consolidation frozen on top;
 *   2. the deadline rush: RUSH (20,000) cells' editors POST …/report/submit at RATE (300) per second
 *      on a `lantoa start` server over loopback (autocannon): p99 under 200 ms, and the versions
 *      stored equal the 2xx answers — after WARMUP (1,000) other cells did the same on the fresh
 *      server, not measured (its first seconds are printed apart).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type pg from 'pg';
import { cliActor } from '../src/platform/access/roles.js';
import { hashPassword } from '../src/platform/auth/passwords.js';
import { createSession } from '../src/platform/auth/sessions.js';
import { periodAt, previousPeriod, type Period, type RecurringSchedule } from '../src/platform/time/index.js';
import type { Db } from '../src/platform/db/database.js';
import { defineRegime, selectRegimeById } from '../src/modules/reports/regimes/index.js';
import { ensurePeriod } from '../src/modules/reports/periods/index.js';
import { reportStatus } from '../src/modules/reports/status/status.js';
import { sendReminders } from '../src/modules/reports/reminders/send-reminders.js';
import { consolidateReport } from '../src/modules/reports/consolidate/consolidate.js';
import { selectReportingChildren } from '../src/modules/reports/consolidate/repository.js';
import { PARALLEL_PLAN_SETTINGS as liveSettings, selectLivePartialsByChild } from '../src/modules/reports/consolidate/repository-live.js';
import { formIndicators } from '../src/shared/report-form.js';
import { buildApp } from '../src/server/app.js';
import { parseConfig } from '../src/platform/config/config.js';
import { generateTree, prng, shuffle, type GeneratedTree } from './generate-tree.js';
import { explain, insertUnits, loadAverage, logMachine, openBenchDatabase, percentile, postmasterPid, processTreeCpuMs, provinceAdmin, runBenchmark, startServer, timedRuns, timingRow } from './harness.js';
import { benchDefinition, indicatorCodes, insertClosedPeriod, insertCurrentLeaves, insertCurrentReceivers, insertEditors, sentBeforeRush } from './report-regimes-data.js';

const log = (msg: string) => console.log(msg);
const RUNS = Number(process.env.RUNS ?? 20);
const RUSH = Number(process.env.RUSH ?? 20_000);
const WARMUP = Number(process.env.WARMUP ?? 1_000);
const RATE = Number(process.env.RATE ?? 300);
const WEEKS = Number(process.env.WEEKS ?? 52);
const UNITS = Number(process.env.UNITS ?? 100_000);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

type Cell = { unitId: number; communeId: number };

interface Setup {
  regimeId: number;
  current: Period;
  periodId: number;
  rushCells: Cell[];
  /** Cells that submit first on the fresh server, not measured. */
  warmupCells: Cell[];
}

/** Defines the regime and opens its 53 periods through the module's operations; writes the year's history. */
async function setUp(db: Db, pool: pg.Pool, tree: GeneratedTree): Promise<Setup> {
  const rootCode = tree.units.find((u) => u.id === tree.rootId)?.code as string;
  let started = performance.now();
  const { id: regimeId } = await defineRegime(db, { actor: cliActor(), definition: benchDefinition(rootCode) });
  const regime = await selectRegimeById(db, regimeId);
  const current = periodAt(regime?.schedule as RecurringSchedule, new Date());
  const periods: Period[] = [current];
  while (periods.length <= WEEKS) periods.unshift(previousPeriod(periods[0] as Period<RecurringSchedule>));
  const stored = [];
  for (const p of periods) stored.push(await ensurePeriod(db, regimeId, p));
  const expected = (await pool.query<{ n: number }>('select count(*)::int as n from report_period_units e join report_periods p on p.id = e.period_id where p.regime_id = $1 and p.period_key = $2', [regimeId, current.key])).rows[0]?.n;
  log(`Regime defined and ${periods.length} periods opened (expected sets) in ${seconds(started)}: ${expected} expected units a week`);
  started = performance.now();
  let history = 0;
  for (const s of stored.slice(0, -1)) history += await insertClosedPeriod(pool, regimeId, s.id);
  const periodId = (stored[stored.length - 1] as { id: number }).id;
  const { rushCells, warmupCells } = await pickRushCells(pool, tree, periodId);
  const leaves = await insertCurrentLeaves(pool, regimeId, periodId, [...rushCells, ...warmupCells].map((c) => c.unitId));
  // A real contest's or regime's rows were written over days and vacuumed on the way: the rows written
  // here in one go are vacuumed now, or autovacuum would scan them during the measures.
  await pool.query('vacuum analyze');
  await pool.query('checkpoint');
  log(`History: ${history.toLocaleString('en')} versions over ${WEEKS} weeks; current week: ${leaves.toLocaleString('en')} cells in, ${rushCells.length} kept for the rush and ${warmupCells.length} for its warm-up (${seconds(started)})`);
  return { regimeId, current, periodId, rushCells, warmupCells };
}

/**
 * RUSH leaf cells of the current week that have nothing sent, taken commune by commune (each commune
 * gets one editor); then, from the communes after them, WARMUP cells among those the set-based
 * insert would send (insertCurrentLeaves' choice), so the warm-up sends them instead and the week
 * ends with as many reports in as without it.
 */
async function pickRushCells(pool: pg.Pool, tree: GeneratedTree, periodId: number): Promise<{ rushCells: Cell[]; warmupCells: Cell[] }> {
  const byId = new Map(tree.units.map((u) => [u.id, u]));
  const communeOf = (id: number): number | null => {
    for (let u = byId.get(id); u; u = u.parentId === null ? undefined : byId.get(u.parentId)) if (u.kind === 'commune') return u.id;
    return null;
  };
  const leaves = (await pool.query<{ unit_id: number }>('select unit_id from report_period_units where period_id = $1 and not receives', [periodId])).rows;
  const byCommune = new Map<number, number[]>();
  for (const { unit_id } of leaves) {
    const commune = communeOf(unit_id);
    if (commune !== null) byCommune.set(commune, [...(byCommune.get(commune) ?? []), unit_id]);
  }
  const communes = [...byCommune.keys()].sort((a, b) => a - b);
  shuffle(communes, prng(13));
  const rushCells: Cell[] = [];
  const warmupCells: Cell[] = [];
  for (const c of communes) {
    if (warmupCells.length >= WARMUP) break;
    for (const unitId of byCommune.get(c) ?? []) {
      if (rushCells.length < RUSH) rushCells.push({ unitId, communeId: c });
      else if (warmupCells.length < WARMUP && sentBeforeRush(unitId, periodId)) warmupCells.push({ unitId, communeId: c });
    }
  }
  return { rushCells, warmupCells };
}

/** The nation's and every province's status and consolidation, through the operations and through the HTTP stack. */
async function views(db: Db, pool: pg.Pool, tree: GeneratedTree, s: Setup, label: string): Promise<boolean> {
  const admin = cliActor();
  const address = (unitId: number) => ({ regimeId: s.regimeId, closingDate: s.current.closingDate, unitId });
  const provinces = tree.provinceIds;
  const province = (i: number) => provinces[(i + provinces.length) % provinces.length] as number;
  const t = {
    nationStatus: await timedRuns(RUNS, () => reportStatus(db, { actor: admin, ...address(tree.rootId) })),
    provinceStatus: await timedRuns(RUNS, (i) => reportStatus(db, { actor: provinceAdmin(province(i)), ...address(province(i)) })),
    nationConsolidation: await timedRuns(RUNS, () => consolidateReport(db, { actor: admin, ...address(tree.rootId) })),
    provinceConsolidation: await timedRuns(RUNS, (i) => consolidateReport(db, { actor: provinceAdmin(province(i)), ...address(province(i)) })),
  };
  const nation = await consolidateReport(db, { actor: admin, ...address(tree.rootId) });
  const status = await reportStatus(db, { actor: admin, ...address(tree.rootId) });
  log(`${label}: nation — ${status.subtree.expected} expected below, ${status.subtree.onTime + status.subtree.late} sent; ${nation.children.length} direct children; I01 consolidated ${nation.values.I01}, live ${nation.live.I01}; ${nation.mismatches.length} mismatches`);
  const ref = { regimeId: s.regimeId, periodId: s.periodId, periodKey: s.current.key };
  const indicators = formIndicators((await selectRegimeById(db, s.regimeId))?.form ?? { sections: [], relations: [], outline: [] });
  log(`Plan — the live sums below the nation, per direct child and indicator:\n${await explain(pool, (d) => selectLivePartialsByChild(d, ref, tree.rootId, indicators), liveSettings)}`);
  if (process.env.PROFILE) log(`Plan — a province's reporting children:\n${await explain(pool, (d) => selectReportingChildren(d, ref, province(0)))}`);
  const http = await httpViews(db, pool, tree, s);
  log('');
  log(`| ${label} | Target | Runs | p50 ms | p95 ms | max ms |`);
  log('|---|---|---:|---:|---:|---:|');
  log(timingRow('Status, the nation (operation)', '< 500 ms', t.nationStatus));
  log(timingRow('Status, a province (operation; every province in turn)', '< 500 ms', t.provinceStatus));
  log(timingRow('Consolidation, the nation (operation)', '< 500 ms', t.nationConsolidation));
  log(timingRow('Consolidation, a province (operation; every province in turn)', '< 500 ms', t.provinceConsolidation));
  for (const [name, timings] of http) log(timingRow(name, '< 500 ms', timings));
  log(`Load average after the views: ${loadAverage()}`);
  return [...Object.values(t), ...http.map(([, v]) => v)].every((v) => percentile(v, 95) < 500);
}

async function adminSession(db: Db, pool: pg.Pool): Promise<{ cookie: string; csrf: string }> {
  const hash = await hashPassword('Mat-khau-bench-1');
  const userId = (await pool.query<{ id: number }>(`insert into users (username, full_name, password_hash) values ('bench.admin.' || $2, 'Bench', $1) returning id`, [hash, Date.now()])).rows[0]?.id as number;
  await pool.query(`insert into role_grants (user_id, role) values ($1, 'system_admin')`, [userId]);
  const session = await createSession(db, { userId, hours: 8, ip: null, userAgent: 'bench' });
  return { cookie: `lantoa_session=${session.token}`, csrf: session.csrfToken };
}

async function httpViews(db: Db, pool: pg.Pool, tree: GeneratedTree, s: Setup): Promise<[string, number[]][]> {
  const config = parseConfig({ LANTOA_DATA_DIR: '/nonexistent', LANTOA_LOG_LEVEL: 'silent', DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://unused/unused' });
  const app = await buildApp({ db, config, logger: false, webRoot: null });
  await app.ready();
  const { cookie } = await adminSession(db, pool);
  const get = async (what: string, unitId: number) => {
    const url = `/api/v1/report-regimes/${s.regimeId}/periods/${s.current.closingDate}/units/${unitId}/${what}`;
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  };
  const province = (i: number) => tree.provinceIds[(i + tree.provinceIds.length) % tree.provinceIds.length] as number;
  const result: [string, number[]][] = [
    ['GET …/status, the nation (HTTP stack, inject)', await timedRuns(RUNS, () => get('status', tree.rootId))],
    ['GET …/status, a province (HTTP stack, inject)', await timedRuns(RUNS, (i) => get('status', province(i)))],
    ['GET …/consolidation, the nation (HTTP stack, inject)', await timedRuns(RUNS, () => get('consolidation', tree.rootId))],
    ['GET …/consolidation, a province (HTTP stack, inject)', await timedRuns(RUNS, (i) => get('consolidation', province(i)))],
  ];
  await app.close();
  return result;
}

function contentBody(i: number): string {
  const values = Object.fromEntries(indicatorCodes.map((code, k) => [code, (i + k) % 40]));
  return JSON.stringify({ content: { values, notes: {}, prefilled: {}, narrative: ['Đã tổ chức hội nghị.', '', '', 'Tiếp tục triển khai.'], noActivity: false } });
}

type Sessions = Map<number, { cookie: string; csrf: string }>;

interface Fired {
  result: autocannon.Result;
  statuses: Map<number, number>;
  /** Response times by second from the start (ms). */
  bySecond: number[][];
  /** CPU used meanwhile (ms): the server, PostgreSQL (every backend), this process (the load generator). */
  cpu: { server: number; postgres: number; bench: number };
}

/** Every cell's editor submits once, at RATE per second over 50 connections, on the server at `port`. */
async function fire(s: Setup, cells: Cell[], sessions: Sessions, at: { port: number; serverPid: number; postgresPid: number }): Promise<Fired> {
  const statuses = new Map<number, number>();
  let n = 0;
  const cpuBefore = { server: await processTreeCpuMs(at.serverPid), postgres: await processTreeCpuMs(at.postgresPid), bench: process.cpuUsage() };
  const started = performance.now();
  const bySecond: number[][] = [];
  const options: autocannon.Options = {
    url: `http://127.0.0.1:${at.port}`,
    connections: 50,
    overallRate: RATE,
    amount: cells.length,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const i = n++;
          const cell = cells[i % cells.length] as Cell;
          const session = sessions.get(cell.communeId) as { cookie: string; csrf: string };
          const url = `/api/v1/report-regimes/${s.regimeId}/periods/${s.current.closingDate}/units/${cell.unitId}/report/submit`;
          return { ...request, path: url, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' }, body: contentBody(i) };
        },
        onResponse: (status) => void statuses.set(status, (statuses.get(status) ?? 0) + 1),
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, done) => (error ? reject(error as Error) : resolve(done)));
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      const second = Math.floor((performance.now() - started) / 1000);
      (bySecond[second] ??= []).push(responseTime);
    });
  });
  const cpu = {
    server: (await processTreeCpuMs(at.serverPid)) - cpuBefore.server,
    postgres: (await processTreeCpuMs(at.postgresPid)) - cpuBefore.postgres,
    bench: (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpuBefore.bench)),
  };
  return { result, statuses, bySecond, cpu };
}

/** The three seconds with the slowest answer: second from the start, answers, p99, max. */
function slowestSeconds(bySecond: number[][]): string {
  return bySecond
    .map((times, second) => ({ second, times: times.sort((a, b) => a - b) }))
    .filter((b) => b.times.length > 0)
    .sort((a, b) => (b.times[b.times.length - 1] ?? 0) - (a.times[a.times.length - 1] ?? 0))
    .slice(0, 3)
    .map((w) => `${w.second}: ${w.times.length}, ${percentile(w.times, 99).toFixed(0)}, ${(w.times[w.times.length - 1] ?? 0).toFixed(0)}`)
    .join(' · ');
}

/**
 * The deadline rush: every rush cell's editor submits once, at RATE per second, on a real server —
 * after WARMUP other cells did the same on that server (not measured: a server at the deadline has
 * been answering all day; its code is compiled and its pool connected).
 */
async function rush(db: Db, pool: pg.Pool, databaseUrl: string, s: Setup): Promise<boolean> {
  const communes = [...new Set([...s.warmupCells, ...s.rushCells].map((c) => c.communeId))];
  const editors = await insertEditors(pool, communes, await hashPassword('Mat-khau-bench-1'));
  const sessions: Sessions = new Map();
  for (const [commune, userId] of editors) {
    const session = await createSession(db, { userId, hours: 8, ip: null, userAgent: 'bench' });
    sessions.set(commune, { cookie: `lantoa_session=${session.token}`, csrf: session.csrfToken });
  }
  // A server that has been running sent the reminders due so far (48 h and 4 h before the deadlines,
  // and the missing notices) before the last hour's rush: send them now, or the fresh server's first
  // job pass would claim and notify thousands of units in the middle of the measurement.
  const remindersStarted = performance.now();
  const reminded = await sendReminders(db);
  log(`Reminders due before the rush sent: ${reminded.reminders} reminders, ${reminded.missing} missing notices (${seconds(remindersStarted)})`);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lantoa-bench-reports-'));
  const port = 20_000 + (process.pid % 10_000);
  const server = await startServer(databaseUrl, port, dataDir);
  try {
    const at = { port, serverPid: server.pid as number, postgresPid: await postmasterPid(pool) };
    log('');
    if (s.warmupCells.length > 0) {
      const w = await fire(s, s.warmupCells, sessions, at);
      log(`Warm-up, not measured: ${w.result.requests.total} other cells submit the same way on the fresh server in ${w.result.duration.toFixed(1)} s, statuses ${JSON.stringify(Object.fromEntries(w.statuses))};`);
      log(`  latency p50 ${w.result.latency.p50} ms, p99 ${w.result.latency.p99} ms, max ${w.result.latency.max} ms; slowest seconds (from its start: answers, p99, max ms): ${slowestSeconds(w.bySecond)}`);
    }
    const { result, statuses, bySecond, cpu } = await fire(s, s.rushCells, sessions, at);
    const acknowledged = [...statuses].filter(([st]) => st >= 200 && st < 300).reduce((a, [, c]) => a + c, 0);
    const stored = (await pool.query<{ n: number }>(`select count(*)::int as n from period_report_submissions where subject_kind = 'reports.regime' and subject_id = $1 and period_key = $2 and unit_id = any($3::int[])`, [s.regimeId, s.current.key, s.rushCells.map((c) => c.unitId)])).rows[0]?.n;
    log(`Deadline rush: ${s.rushCells.length} cells' editors (${editors.size} sessions) POST …/report/submit at ${RATE}/s (autocannon, 50 connections, loopback, \`lantoa start\`):`);
    log(`  requests ${result.requests.total} in ${(result.duration).toFixed(1)} s, statuses ${JSON.stringify(Object.fromEntries(statuses))}, errors ${result.errors}, timeouts ${result.timeouts}`);
    log(`  latency p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
    const perRequest = (ms: number) => (ms / Math.max(1, result.requests.total)).toFixed(2);
    log(`  CPU a request: server ${perRequest(cpu.server)} ms, PostgreSQL ${perRequest(cpu.postgres)} ms, load generator (this process) ${perRequest(cpu.bench)} ms`);
    log(`  slowest seconds (from the start: answers, p99, max ms): ${slowestSeconds(bySecond)}`);
    log(`  stored versions ${stored}, acknowledged (2xx) ${acknowledged}: ${stored === acknowledged ? 'equal' : 'DIFFERENT'}`);
    log(`  Load average: ${loadAverage()}`);
    return result.latency.p99 < 200 && stored === acknowledged && acknowledged === s.rushCells.length;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 2000));
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  logMachine(log);
  const bench = await openBenchDatabase(log, 8);
  const { database } = bench;
  const { pool, db } = database;
  try {
    process.env.BENCH_DATABASE_URL = database.url;
    const tree = generateTree({ total: UNITS, communes: Math.round((3_321 * UNITS) / 100_000) });
    await insertUnits(pool, tree.units);
    log(`Tree: ${tree.units.length} units, ${tree.provinceIds.length} provinces`);
    const s = await setUp(db, pool, tree);
    const before = await views(db, pool, tree, s, 'Before the rush');
    const rushed = await rush(db, pool, database.url, s);
    const started = performance.now();
    const receivers = await insertCurrentReceivers(pool, s.regimeId, s.periodId);
    await pool.query('analyze period_report_submissions');
    log(`\nEvery committee's consolidation frozen on top (${receivers} receivers, ${seconds(started)})`);
    const after = await views(db, pool, tree, s, 'After the rush');
    return before && rushed && after ? 0 : 1;
  } finally {
    await bench.close();
  }
}

runBenchmark(main, log);
