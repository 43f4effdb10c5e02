import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isWorkspaceEmpty } from '../../src/modules/org/load-demo.js';
import { openPool } from '../../src/platform/db/database.js';
import { EmbeddedDatabaseError, startEmbeddedServer, type EmbeddedServer } from '../../src/platform/db/embedded.js';
import { isProcessAlive } from '../../src/platform/db/instance-lock.js';
import { runMigrations } from '../../src/platform/db/migrate.js';
import { buildUnit } from '../support/factories.js';

/**
 * The embedded server's data directory survives what operators do: a pg/ restored without its
 * marker is adopted (never wiped and replaced by the demo), anything that is not a cluster of our
 * PostgreSQL is refused and left alone, and processes left by a killed process group are stopped —
 * only those of this cluster.
 */
const dirs: string[] = [];
const servers: EmbeddedServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop().catch(() => undefined);
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  await chown(dir, uid, gid);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(child, uid, gid);
    else await chown(child, uid, gid);
  }
}

async function freshDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-cluster-'));
  dirs.push(dir);
  return dir;
}

async function start(dataDir: string): Promise<EmbeddedServer> {
  const server = await startEmbeddedServer({ dataDir, port: 0, log: () => undefined });
  servers.push(server);
  return server;
}

async function refusal(dataDir: string): Promise<string> {
  const error = await startEmbeddedServer({ dataDir, port: 0, log: () => undefined }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmbeddedDatabaseError);
  return (error as Error).message;
}

describe('a cluster whose marker file is missing (pg/ restored or moved on its own)', () => {
  it('is adopted with its data: the row is still there and the workspace is not empty (no demo)', async () => {
    const dataDir = await freshDataDir();
    const first = await start(dataDir);
    const database = openPool(first.url, 2);
    await runMigrations(database.db);
    await buildUnit(database.db, { code: 'GIU-LAI', name: 'Đơn vị phải còn' });
    await database.close();
    await first.stop();

    await rm(path.join(dataDir, 'pg.initialised'));
    // Copied back carelessly: readable by others and, as root, owned by root (cp -a, tar as root).
    await chmod(path.join(dataDir, 'pg'), 0o755);
    if (process.getuid?.() === 0) await chownTree(path.join(dataDir, 'pg'), 0, 0);
    const said: string[] = [];
    const again = await startEmbeddedServer({ dataDir, port: 0, log: (m) => said.push(m) });
    servers.push(again);
    const reopened = openPool(again.url, 2);
    const rows = await reopened.pool.query(`select name from units where code = 'GIU-LAI'`);
    expect(rows.rows).toEqual([{ name: 'Đơn vị phải còn' }]);
    expect(await isWorkspaceEmpty(reopened.db)).toBe(false);
    await reopened.close();
    await again.stop();
    expect(said.join('\n')).toContain('Dùng cơ sở dữ liệu PostgreSQL có sẵn');
    expect(existsSync(path.join(dataDir, 'pg.initialised'))).toBe(true);
  }, 120_000);
});

describe('a pg/ that is not a cluster of this PostgreSQL', () => {
  it('is refused with the fix, and left as it was', async () => {
    const dir = await freshDataDir();
    await mkdir(path.join(dir, 'pg'));
    await writeFile(path.join(dir, 'pg', 'ghi-chu.txt'), 'dữ liệu của người khác');
    const message = await refusal(dir);
    expect(message).toContain('không phải là thư mục dữ liệu PostgreSQL');
    expect(message).toContain('mv ');
    expect(await readdir(path.join(dir, 'pg'))).toEqual(['ghi-chu.txt']);
  });

  it('a cluster of another PostgreSQL version is refused, and left as it was', async () => {
    const dir = await freshDataDir();
    await mkdir(path.join(dir, 'pg'));
    await writeFile(path.join(dir, 'pg', 'PG_VERSION'), '14\n');
    await writeFile(path.join(dir, 'pg-password'), 'x\n');
    const message = await refusal(dir);
    expect(message).toContain('PostgreSQL 14');
    expect(message).toContain('lantoa backup');
    expect(await readFile(path.join(dir, 'pg', 'PG_VERSION'), 'utf8')).toBe('14\n');
  });

  it('a marker without pg/ (the cluster was moved away) is refused instead of starting an empty database', async () => {
    const dir = await freshDataDir();
    await writeFile(path.join(dir, 'pg.initialised'), 'x\n');
    expect(await refusal(dir)).toContain('không còn');
    expect(existsSync(path.join(dir, 'pg'))).toBe(false);
  });
});

describe('processes left behind by a killed process group', () => {
  it('a postmaster.pid naming a live process of something else: that process is left alone', async () => {
    const dataDir = await freshDataDir();
    await (await start(dataDir)).stop();
    const bystander = spawn('sleep', ['120'], { stdio: 'ignore' });
    try {
      const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
      await writeFile(pidFile, `${bystander.pid}\n${path.join(dataDir, 'pg')}\n`);
      const said: string[] = [];
      const server = await startEmbeddedServer({ dataDir, port: 0, log: (m) => said.push(m) });
      servers.push(server);
      expect(isProcessAlive(bystander.pid as number)).toBe(true);
      expect(said.join('\n')).toContain('postmaster.pid');
      await server.stop();
    } finally {
      bystander.kill('SIGKILL');
    }
  }, 60_000);

  it('a backend orphaned by a killed postmaster (it keeps the shared memory) is stopped, and the server starts', async () => {
    const dataDir = await freshDataDir();
    // Not in `servers`: its postmaster is killed below, there is nothing to stop.
    const running = await startEmbeddedServer({ dataDir, port: 0, log: () => undefined });
    const busy = new pg.Client({ connectionString: running.url });
    await busy.connect();
    const backend = (await busy.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid as number;
    // CPU-bound, so the backend does not notice its postmaster dying.
    busy.query('select count(*) from generate_series(1, 100000000000)').catch(() => undefined);
    busy.on('error', () => undefined);
    await new Promise((r) => setTimeout(r, 500));
    const postmaster = Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    process.kill(postmaster, 'SIGKILL');
    for (let i = 0; i < 100 && isProcessAlive(postmaster); i++) await new Promise((r) => setTimeout(r, 50));
    expect(isProcessAlive(postmaster)).toBe(false);
    expect(isProcessAlive(backend)).toBe(true);

    const said: string[] = [];
    const again = await startEmbeddedServer({ dataDir, port: 0, log: (m) => said.push(m) }).finally(() => {
      // Never leave a spinning backend behind, whatever the outcome.
      if (isProcessAlive(backend)) process.kill(backend, 'SIGKILL');
    });
    servers.push(again);
    expect(said.join('\n')).toContain('mồ côi');
    expect(said.join('\n')).toContain(`pid ${backend}`);
    const check = new pg.Client({ connectionString: again.url });
    await check.connect();
    await check.query('create table after_restart (x int)');
    await check.end();
    await busy.end().catch(() => undefined);
    await again.stop();
  }, 120_000);
});
