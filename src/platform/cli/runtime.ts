import { ConfigError, parseConfig, type Config } from '../config/config.js';
import { connect, type Connection } from '../db/connect.js';
import { EmbeddedDatabaseError } from '../db/embedded.js';
import { runMigrations } from '../db/migrate.js';
import { AppError } from '../errors.js';

/** Exit codes of the `lantoa` command. */
export const EXIT = { ok: 0, failure: 1, usage: 2, config: 3, database: 4 } as const;

export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.failure) {
    super(message);
  }
}

export function loadConfig(): Config {
  try {
    return parseConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, EXIT.config);
    throw error;
  }
}

export const info = (message: string) => process.stderr.write(message + '\n');

/**
 * Opens the database for a CLI command (sharing the server of a running `lantoa start`
 * on the same data directory), applies pending migrations, runs `work`, and closes everything.
 */
export async function withDatabase<T>(config: Config, work: (connection: Connection) => Promise<T>): Promise<T> {
  let connection: Connection;
  try {
    connection = await connect(config, { log: info, shareRunning: true, poolSize: 4 });
    await runMigrations(connection.db);
  } catch (error) {
    throw asCliError(error);
  }
  try {
    return await work(connection);
  } finally {
    await connection.close();
  }
}

/** A bad argument found by an operation's own checks, before any database: a usage error. */
export function asUsageError(error: unknown): CliError {
  const cliError = asCliError(error);
  return error instanceof AppError ? new CliError(cliError.message, EXIT.usage) : cliError;
}

/** Turns any failure into a message for the terminal and an exit code. */
export function asCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof EmbeddedDatabaseError) return new CliError(error.message, EXIT.database);
  if (error instanceof AppError) {
    const lines = [`Lỗi (${error.code}): ${error.message}`];
    const details = error.details as { errors?: { line: number; message: string }[] } | undefined;
    for (const e of details?.errors ?? []) lines.push(`  dòng ${e.line}: ${e.message}`);
    return new CliError(lines.join('\n'), EXIT.failure);
  }
  const err = error as NodeJS.ErrnoException;
  if (err?.code === 'ECONNREFUSED' || err?.code === 'ENOTFOUND' || err?.code === '28P01' || err?.code === '3D000') {
    return new CliError(`Không kết nối được PostgreSQL / cannot connect to PostgreSQL: ${err.message}. Kiểm tra DATABASE_URL.`, EXIT.database);
  }
  return new CliError(`Lỗi không mong đợi / unexpected error: ${err?.stack ?? String(error)}`, EXIT.failure);
}
