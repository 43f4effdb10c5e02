/**
 * Shared pieces of the benchmark scripts in bench/: a throw-away database (embedded PostgreSQL in a
 * temporary directory, or a fresh database on the server at DATABASE_URL), the unit bulk insert,
 * percentiles and formatting, and EXPLAIN of the exact SQL an application function sends.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { openPool, type Database, type Db } from '../src/platform/db/database.js';
import { startEmbeddedServer, type EmbeddedServer } from '../src/platform/db/embedded.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import * as schema from '../src/platform/db/schema/index.js';
import type { Actor } from '../src/platform/access/roles.js';
import { unitSearchKey } from '../src/modules/org/repository.js';
import type { UnitSeed } from './generate-tree.js';

const CHUNK = 10_000;

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? NaN;
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
}

/** Machine, Node version and load average, as the benchmarks print them at the start. */
export function logMachine(log: (msg: string) => void): void {
  const cpus = os.cpus();
  log(`Machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()}`);
  log(`Node: ${process.version}`);
  log(`Load average at start (1/5/15 min): ${loadAverage()}`);
}

export function formatMs(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

export interface BenchDatabase {
  database: Database;
  /** Closes the pool, drops the bench database, stops the embedded server and removes its directory. */
  close(): Promise<void>;
}

/**
 * A fresh, migrated database `lantoa_bench_<pid>`: on the server at DATABASE_URL when set, otherwise
 * on an embedded server in a temporary directory. Logs where it is and the server version.
 */
export async function openBenchDatabase(log: (msg: string) => void, poolSize = 4): Promise<BenchDatabase> {
  let embedded: EmbeddedServer | null = null;
  let dataDir: string | null = null;
  let admin: pg.Client | null = null;
  let database: Database | null = null;
  const dbName = `lantoa_bench_${process.pid}`;
  let created = false;
  const close = async () => {
    await database?.close();
    if (admin) {
      if (created) await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
    await embedded?.stop();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  };
  try {
    let adminUrl = process.env.DATABASE_URL;
    if (adminUrl) {
      log('Database: server at DATABASE_URL');
    } else {
      dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lantoa-bench-'));
      const started = performance.now();
      embedded = await startEmbeddedServer({ dataDir, port: 0, log: (m) => log(`  [embedded] ${m}`) });
      adminUrl = embedded.url;
      log(`Database: embedded PostgreSQL in ${dataDir} (started in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
    admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    created = true;
    database = openPool(withDatabase(adminUrl, dbName), poolSize);
    await runMigrations(database.db);
    const version = await database.pool.query<{ version: string }>('select version()');
    log(`PostgreSQL: ${version.rows[0]?.version ?? 'unknown'}`);
    return { database, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/** Bulk insert with explicit ids (parents first), `unnest` of array parameters in chunks. */
export async function insertUnits(pool: pg.Pool, units: UnitSeed[]): Promise<void> {
  for (let offset = 0; offset < units.length; offset += CHUNK) {
    const chunk = units.slice(offset, offset + CHUNK);
    await pool.query(
      `insert into units (id, code, name, kind, abbreviation, parent_id, sort_order, search_key)
       overriding system value
       select * from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::text[])`,
      [
        chunk.map((u) => u.id),
        chunk.map((u) => u.code),
        chunk.map((u) => u.name),
        chunk.map((u) => u.kind),
        chunk.map((u) => u.abbreviation),
        chunk.map((u) => u.parentId),
        chunk.map((u) => u.sortOrder),
        chunk.map((u) => unitSearchKey(u)),
      ],
    );
  }
  await pool.query(`select setval(pg_get_serial_sequence('units', 'id'), (select max(id) from units))`);
  await pool.query('analyze units');
}

/** The SQL text and parameters the application sends for one call, captured through drizzle's logger. */
export async function captureSql(pool: pg.Pool, call: (db: Db) => Promise<unknown>, which: 'first' | 'last' = 'first'): Promise<{ text: string; params: unknown[] }> {
  let captured: { text: string; params: unknown[] } | null = null;
  const keep = (text: string, params: unknown[]) => {
    if (which === 'last' && /^\s*(begin|commit|rollback)\b/i.test(text)) return;
    if (which === 'last' || captured === null) captured = { text, params };
  };
  const db = drizzle(pool, { schema, logger: { logQuery: keep } });
  await call(db);
  if (!captured) throw new Error('no query captured');
  return captured;
}

/** EXPLAIN (ANALYZE, BUFFERS) of the first query `call` sends — or, with `settings` (a statement the call runs first in its transaction), of its last one under those settings. */
export async function explain(pool: pg.Pool, call: (db: Db) => Promise<unknown>, settings?: string): Promise<string> {
  const { text, params } = await captureSql(pool, call, settings ? 'last' : 'first');
  const client = await pool.connect();
  try {
    await client.query('begin');
    if (settings) await client.query(settings);
    const result = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${text}`, params);
    return result.rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.query('rollback');
    client.release();
  }
}

/** A `unit_admin` of one province (the grant holds for its whole subtree). */
export function provinceAdmin(provinceId: number): Actor {
  return { userId: 1, username: 'bench', ip: null, grants: [{ id: 1, role: 'unit_admin', unitId: provinceId }] };
}

/** Runs a benchmark's main(), prints the total run time, and exits with its code (1 on a crash). */
export function runBenchmark(main: () => Promise<number>, log: (msg: string) => void): void {
  const started = performance.now();
  main().then(
    (code) => {
      log(`Total run time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
      process.exit(code);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** CPU ticks a second in /proc (USER_HZ; 100 on Linux everywhere we run). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) used so far by a process and every process below it, counting the
 * children already exited and reaped (a PostgreSQL postmaster's ended backends). Linux /proc only;
 * NaN elsewhere.
 */
export async function processTreeCpuMs(rootPid: number): Promise<number> {
  let entries: string[];
  try {
    entries = (await fs.readdir('/proc')).filter((e) => /^\d+$/.test(e));
  } catch {
    return NaN;
  }
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of entries) {
    try {
      const stat = await fs.readFile(`/proc/${entry}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch {
      // the process ended meanwhile
    }
  }
  let ticks = 0;
  const below = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, s] of stats) {
      if (below.has(pid) || !below.has(s.ppid)) continue;
      below.add(pid);
      grew = true;
    }
  }
  for (const pid of below) ticks += stats.get(pid)?.ticks ?? 0;
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** The PostgreSQL server process (postmaster) behind a pool: the parent of one of its backends. */
export async function postmasterPid(pool: pg.Pool): Promise<number> {
  const backend = (await pool.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid as number;
  const stat = await fs.readFile(`/proc/${backend}/stat`, 'utf8').catch(() => '');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** Starts `lantoa start` (production, no demo) on an existing database and waits until it answers its health check. */
export async function startServer(databaseUrl: string, port: number, dataDir: string): Promise<ChildProcess> {
  // BENCH_SERVER_NODE_FLAGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server alone.
  const nodeFlags = (process.env.BENCH_SERVER_NODE_FLAGS ?? '').split(' ').filter((f) => f !== '');
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', path.resolve(import.meta.dirname, '../src/cli/main.ts'), 'start', '--no-demo', '--port', String(port)], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, LANTOA_DATA_DIR: dataDir, LANTOA_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start in 60 s');
}

/** `runs` timed calls after one warm-up call (index -1); the timings in ms, sorted ascending. */
export async function timedRuns(runs: number, call: (i: number) => Promise<unknown>): Promise<number[]> {
  await call(-1);
  const timings: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await call(i);
    timings.push(performance.now() - started);
  }
  return timings.sort((a, b) => a - b);
}

/** One Markdown row of BENCHMARKS.md's tables: name, target, runs, p50, p95, max of sorted timings. */
export const timingRow = (name: string, target: string, t: number[]) =>
  `| ${name} | ${target} | ${t.length} | ${formatMs(percentile(t, 50))} | ${formatMs(percentile(t, 95))} | ${formatMs(t[t.length - 1] ?? NaN)} |`;
