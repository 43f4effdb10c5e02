import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/platform/db/ports.js';

/**
 * The `lantoa` command's exit codes as the README lists them (1 failure, 2 usage, 3 configuration,
 * 4 database), and that a command refuses bad arguments and files before any database: DATABASE_URL
 * points at a listener that counts connections, and a usage error must leave it untouched.
 */
const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let sentinel: net.Server;
let sentinelUrl: string;
let connections = 0;

interface Run {
  code: number | null;
  out: string;
  err: string;
}
interface Case {
  args: string[];
  env?: NodeJS.ProcessEnv;
}
type Result = Run & { what: string };

function lantoa(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> {
  const env = { ...process.env, LANTOA_DATA_DIR: path.join(dir, 'data'), LANTOA_LOG_LEVEL: 'warn', DATABASE_URL: sentinelUrl, ...extraEnv };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (err += String(d)));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    }),
  );
}

/** Runs the cases a few at a time (2 cores shared with other work). */
async function runAll(cases: Case[]): Promise<Result[]> {
  const results = new Map<Case, Result>();
  const queue = [...cases];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      results.set(next, { what: next.args.join(' '), ...(await lantoa(next.args, next.env)) });
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return cases.map((c) => results.get(c) as Result);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-cli-args-'));
  sentinel = net.createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => sentinel.listen(0, '127.0.0.1', resolve));
  sentinelUrl = `postgres://lantoa:secret@127.0.0.1:${(sentinel.address() as net.AddressInfo).port}/lantoa`;
});
afterAll(async () => {
  await new Promise((resolve) => sentinel.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('lantoa: arguments and files are checked before any database', () => {
  it('exits 2 (usage) on a missing or unreadable file, for every command that reads one, without connecting', async () => {
    const missing = path.join(dir, 'khong-co.csv');
    const folder = path.join(dir, 'thu-muc');
    await mkdir(folder);
    const readers = (file: string) => [
      ['units', 'import', file],
      ['consultation', 'import', '--consultation', 'GY', file],
      ['consultation', 'document', '--consultation', 'GY', '--document', 'DT', file],
      ['directives', 'parse', file],
      ['restore', file],
    ];
    const results = await runAll([...readers(missing), ...readers(folder)].map((args) => ({ args })));
    for (const result of results) {
      expect(result.code, `${result.what}\n${result.err}`).toBe(2);
      expect(result.err).toContain('Không đọc được tệp');
    }
    expect(connections).toBe(0);
  }, 180_000);

  it('exits 2 (usage) on bad arguments and unwritable outputs, without connecting', async () => {
    const nowhere = path.join(dir, 'khong-co-thu-muc');
    const cases: Case[] = [
      ['khong-co-lenh'],
      ['units', 'import'],
      ['units', 'export', '--output', path.join(nowhere, 'don-vi.csv')],
      ['units', 'export', '--format', 'pdf'],
      ['backup', path.join(nowhere, 'sao-luu.backup')],
      ['consultation', 'report', '--consultation', 'GY', '--unit', 'TU', '--period-end', '2025-02-31'],
      ['consultation', 'report', '--consultation', 'GY', '--unit', 'TU', '--period-end', '2025-10-22', '--docx', path.join(nowhere, 'bao-cao.docx')],
      ['consultation', 'create', '--code', 'có dấu cách', '--title', 'Đợt', '--document', 'DT=Dự thảo'],
      ['consultation', 'create', '--code', 'GY', '--title', 'Đợt', '--document', 'DT=Dự thảo', '--opens', '2025-10-20T08:00:00+07:00', '--closes', '2025-10-01T08:00:00+07:00'],
      ['consultation', 'create', '--code', 'GY', '--title', 'Đợt', '--document', 'DT=Dự thảo', '--document', 'DT=Dự thảo khác'],
      ['users', 'create-admin', '--username', 'quantri'],
      ['jobs', 'run', 'khong-co'],
      ['jobs', 'list', '--limit', '0'],
      ['start', '--port', '70000'],
    ].map((args) => ({ args }));
    cases.push({ args: ['users', 'create-admin', '--username', 'quantri'], env: { LANTOA_ADMIN_PASSWORD: 'ngan' } });
    const results = await runAll(cases);
    for (const result of results) expect(result.code, `${result.what}\n${result.err}`).toBe(2);
    expect(results.map((r) => r.err).join('\n')).toContain('ít nhất 10 ký tự');
    expect(connections).toBe(0);
  }, 240_000);

  it('exits 1 on a file it can read but not use, 3 on a bad setting, 4 when PostgreSQL cannot be reached', async () => {
    const notADocx = path.join(dir, 'hong.docx');
    await writeFile(notADocx, randomBytes(2048));
    const closedPort = await findFreePort();
    const results = await runAll([
      { args: ['directives', 'parse', notADocx] },
      { args: ['migrate'], env: { LANTOA_SESSION_HOURS: '-1' } },
      { args: ['migrate'], env: { DATABASE_URL: `postgres://lantoa:secret@127.0.0.1:${closedPort}/lantoa` } },
    ]);
    expect(results.map((r) => r.code)).toEqual([1, 3, 4]);
    expect(connections).toBe(0);
  }, 180_000);

  it("prints package.json's version and bilingual help", async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const [version, help] = await runAll([{ args: ['--version'] }, { args: ['consultation', 'report', '--help'] }]);
    expect(version?.code).toBe(0);
    expect(version?.out.trim()).toBe(pkg.version);
    expect(help?.code).toBe(0);
    expect(help?.out).toContain('Cách dùng / Usage:');
    expect(help?.out).toMatch(/--period-end <YYYY-MM-DD> +ngày chốt/);
    expect(help?.out).not.toContain('mặc định');
  }, 120_000);
});
