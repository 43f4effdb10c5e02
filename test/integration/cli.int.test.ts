import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/platform/db/ports.js';

/**
 * The `lantoa` command as an operator uses it, in real processes on a real embedded PostgreSQL:
 * start, a second start on the same data, CLI commands beside a running server, Ctrl-C, kill -9.
 */
const root = path.resolve(import.meta.dirname, '../..');
let dataDir: string;
const env = () => {
  const e: NodeJS.ProcessEnv = { ...process.env, LANTOA_DATA_DIR: dataDir, LANTOA_LOG_LEVEL: 'warn' };
  delete e.DATABASE_URL;
  return e;
};

function lantoa(args: string[], extraEnv: NodeJS.ProcessEnv = {}, input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    env: { ...env(), ...extraEnv },
    encoding: 'utf8',
    timeout: 60_000,
    input,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

interface Server {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

async function startServer(port: number): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start', '--port', String(port), '--no-demo'], { cwd: root, env: env() });
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  while (!output.includes('đang chạy tại')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => output, exited };
}

async function login(port: number, username: string, password: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return res.status;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-cli-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('lantoa command', () => {
  it('explains itself with --help and exits 0', () => {
    const help = lantoa(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['start', 'migrate', 'units', 'users', 'backup', 'restore']) expect(help.out).toContain(command);
    const sub = lantoa(['units', 'import', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.out).toContain('code,name,kind,parent_code');
  });

  it('reports every invalid setting at once and exits non-zero', () => {
    const result = lantoa(['migrate'], { PORT: 'abc', LANTOA_SESSION_HOURS: '-1', DATABASE_URL: 'mysql://x' });
    expect(result.code).toBe(3);
    for (const setting of ['PORT', 'LANTOA_SESSION_HOURS', 'DATABASE_URL']) expect(result.err).toContain(setting);
  });

  it('rejects an unknown command with a non-zero exit', () => {
    expect(lantoa(['khong-co']).code).not.toBe(0);
  });

  it('runs, shares its database with CLI commands, refuses a second server, stops cleanly and recovers from kill -9', async () => {
    const port = await findFreePort();
    const server = await startServer(port);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    // A second server on the same data directory is refused with a clear message.
    const second = lantoa(['start', '--port', String(await findFreePort()), '--no-demo']);
    expect(second.code).not.toBe(0);
    expect(second.err).toContain('đang được một tiến trình Lan Tỏa khác sử dụng');

    // CLI commands work against the running server's database. The administrator's password comes
    // from standard input or the environment, not from the command line (process list, history).
    expect(lantoa(['users', 'create-admin', '--username', 'quantri', '--password-stdin'], {}, 'ngan\n').code).toBe(2);
    const created = lantoa(['users', 'create-admin', '--username', 'quantri', '--password-stdin'], {}, 'Mat-khau-quan-tri-1\n');
    expect(created.code, created.err).toBe(0);
    expect(await login(port, 'quantri', 'Mat-khau-quan-tri-1')).toBe(200);
    const fromEnv = lantoa(['users', 'create-admin', '--username', 'quantri.env'], { LANTOA_ADMIN_PASSWORD: 'Mat-khau-quan-tri-2' });
    expect(fromEnv.code, fromEnv.err).toBe(0);
    expect(await login(port, 'quantri.env', 'Mat-khau-quan-tri-2')).toBe(200);
    const noPassword = lantoa(['users', 'create-admin', '--username', 'quantri.khong']);
    expect(noPassword.code).toBe(2);
    expect(noPassword.err).toContain('--password-stdin');
    const onCommandLine = lantoa(['users', 'create-admin', '--username', 'quantri.lo', '--password', 'Mat-khau-quan-tri-3']);
    expect(onCommandLine.code, onCommandLine.err).toBe(0);
    expect(onCommandLine.err).toContain('Cảnh báo: mật khẩu ghi trên dòng lệnh');

    const bad = path.join(dataDir, 'bad.csv');
    await writeFile(bad, 'code,name,kind,parent_code\nX1,Tỉnh ủy X,party_committee,\nX2,,other,X1\n');
    const rejected = lantoa(['units', 'import', bad]);
    expect(rejected.code).toBe(1);
    expect(rejected.err).toMatch(/dòng 3/);
    const good = path.join(dataDir, 'good.csv');
    await writeFile(good, 'code,name,kind,parent_code\nX1,Tỉnh ủy X,party_committee,\nX2,Xã Y,commune,X1\n');
    const imported = lantoa(['units', 'import', good, '--json']);
    expect(imported.code, imported.err).toBe(0);
    expect(JSON.parse(imported.out)).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(lantoa(['units', 'import', path.join(dataDir, 'missing.csv')]).code).not.toBe(0);

    // Background jobs: the server registered its schedules; one runs now from the CLI and is logged.
    const listed = lantoa(['jobs', 'list']);
    expect(listed.code, listed.err).toBe(0);
    expect(listed.out).toMatch(/consultation\.fold-figures\s+mỗi 2 giây/);
    expect(listed.out).toMatch(/consultation\.erase-contacts\s+mỗi 3\.600 giây/);
    const ran = lantoa(['jobs', 'run', 'sessions.purge']);
    expect(ran.code, ran.err).toBe(0);
    expect(lantoa(['jobs', 'list', '--name', 'sessions.purge']).out).toMatch(/sessions\.purge\s+lần 1\s+thành công/);
    const unknown = lantoa(['jobs', 'run', 'khong-co']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('consultation.fold-figures');

    // A consistent backup while the server runs; restored into a fresh data directory (with the
    // contact key when asked to include it); restoring onto a data directory that has a database is refused.
    const contactKey = randomBytes(32).toString('base64');
    await writeFile(path.join(dataDir, 'contact.key'), contactKey + '\n', { mode: 0o600 });
    const plainBackup = path.join(dataDir, 'sao-luu.backup');
    const backedUp = lantoa(['backup', plainBackup]);
    expect(backedUp.code, backedUp.err).toBe(0);
    expect(backedUp.err).toContain('KHÔNG nằm trong bản sao lưu');
    expect(lantoa(['backup', plainBackup]).code).toBe(2);
    const keyedBackup = path.join(dataDir, 'sao-luu-kem-khoa.backup');
    expect(lantoa(['backup', keyedBackup, '--include-contact-key']).code).toBe(0);
    const restoreDir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-restore-'));
    try {
      const restored = lantoa(['restore', keyedBackup], { LANTOA_DATA_DIR: restoreDir });
      expect(restored.code, restored.err).toBe(0);
      expect((await readFile(path.join(restoreDir, 'contact.key'), 'utf8')).trim()).toBe(contactKey);
      expect(lantoa(['units', 'export'], { LANTOA_DATA_DIR: restoreDir }).out).toContain('X2,Xã Y,commune,X1');
      const onto = lantoa(['restore', plainBackup], { LANTOA_DATA_DIR: restoreDir });
      expect(onto.code).toBe(1);
      expect(onto.err).toContain('đã có cơ sở dữ liệu');
    } finally {
      await rm(restoreDir, { recursive: true, force: true });
    }

    // A busy HTTP port gives a clear error.
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const busyPort = (blocker.address() as net.AddressInfo).port;
    const busyDir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-busy-'));
    const busy = lantoa(['start', '--port', String(busyPort), '--no-demo'], { LANTOA_DATA_DIR: busyDir });
    blocker.close();
    await rm(busyDir, { recursive: true, force: true });
    expect(busy.code).toBe(1);
    expect(busy.err).toContain(`Cổng ${busyPort} đang được chương trình khác dùng`);

    // Ctrl-C / SIGTERM: clean stop, lock released.
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'lantoa.lock'))).toBe(false);

    // Restart keeps the data.
    const again = await startServer(port);
    expect(await login(port, 'quantri', 'Mat-khau-quan-tri-1')).toBe(200);

    // kill -9, then start again: recovers without manual steps, data intact.
    again.child.kill('SIGKILL');
    await again.exited;
    const recovered = await startServer(port);
    expect(await login(port, 'quantri', 'Mat-khau-quan-tri-1')).toBe(200);
    const exported = lantoa(['units', 'export']);
    expect(exported.out).toContain('X2,Xã Y,commune,X1');
    recovered.child.kill('SIGINT');
    expect(await recovered.exited).toBe(0);
  }, 240_000);
});
