import type { Config } from '../config/config.js';
import { openPool, type Database } from './database.js';
import { findRunningInstance, startEmbeddedServer, type EmbeddedServer } from './embedded.js';

export interface Connection extends Database {
  /** Where the data lives, for messages: 'external' or 'embedded'. */
  mode: 'external' | 'embedded' | 'embedded-shared';
  embedded: EmbeddedServer | null;
}

/**
 * Opens the database Lan Tỏa works on:
 *  - `DATABASE_URL` set: that server, nothing embedded is started;
 *  - otherwise the embedded server of LANTOA_DATA_DIR. With `shareRunning`, a CLI command reuses the
 *    server of a `lantoa start` already running on the same data directory instead of failing.
 */
export async function connect(
  config: Config,
  options: { log: (msg: string) => void; shareRunning: boolean; poolSize?: number },
): Promise<Connection> {
  if (config.databaseUrl) {
    return { ...openPool(config.databaseUrl, options.poolSize), mode: 'external', embedded: null };
  }
  if (options.shareRunning) {
    const running = await findRunningInstance(config.dataDir);
    if (running) return { ...openPool(running.url, options.poolSize), mode: 'embedded-shared', embedded: null };
  }
  const embedded = await startEmbeddedServer({ dataDir: config.dataDir, port: config.embeddedPgPort, log: options.log });
  const database = openPool(embedded.url, options.poolSize);
  return {
    ...database,
    mode: 'embedded',
    embedded,
    async close() {
      await database.close();
      await embedded.stop();
    },
  };
}
