import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { sql, type SQL } from 'drizzle-orm';
import * as schema from './schema/index.js';

// Dates (`date` columns) stay 'YYYY-MM-DD' strings; bigint counts come back as numbers.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle; operations receive it and pass it to repositories. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything a repository can run queries on: the database or a transaction. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  url: string;
  close(): Promise<void>;
}

export function openPool(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'lantoa' });
  // A broken idle connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = drizzle(pool, { schema });
  return { db, pool, url, close: () => pool.end() };
}

/** Runs `work` in one transaction: everything it writes (including audit rows) commits or nothing does. */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(work);
}

/**
 * One array parameter for raw SQL (`${pgArray(ids)}::int[]`). drizzle's `sql` would otherwise
 * expand a JavaScript array into a list of parameters.
 */
export const pgArray = (values: readonly unknown[]): SQL => sql`${sql.param(values)}`;
