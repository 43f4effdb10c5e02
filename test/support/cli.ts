import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs `lantoa ARGS` in a real process on a test database, as the operator would, with its data directory under `dir`. */
export function runLantoa(args: readonly string[], options: { databaseUrl: string; dir: string }): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, LANTOA_DATA_DIR: path.join(options.dir, 'data'), LANTOA_LOG_LEVEL: 'warn', DATABASE_URL: options.databaseUrl },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}
