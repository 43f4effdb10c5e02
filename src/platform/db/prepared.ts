/**
 * Named prepared statements for hot paths: the SQL is composed once (with drizzle's `sql` and
 * `sql.placeholder(name)`), turned into fixed text, and sent as a named statement — PostgreSQL parses
 * it once per connection and each call only binds values, and Node builds nothing per call.
 */
import { is, Placeholder, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { Queryable } from './database.js';

const dialect = new PgDialect();

/** A statement's fixed text and, for each `$n`, either a constant or the name of the value to bind. */
export interface PreparedStatement {
  name: string;
  text: string;
  params: readonly ({ value: unknown } | { placeholder: string })[];
}

const names = new Set<string>();

/**
 * Composes a named statement once (call it at module load or memoise it): every `sql.placeholder(x)`
 * becomes a parameter bound from `values.x` at each call. Names are unique per process: PostgreSQL
 * keeps one text per name and connection.
 */
export function prepareStatement(name: string, query: SQL): PreparedStatement {
  if (names.has(name)) throw new Error(`prepared statement name used twice: ${name}`);
  names.add(name);
  const { sql: text, params } = dialect.sqlToQuery(query);
  return { name, text, params: params.map((p) => (is(p, Placeholder) ? { placeholder: p.name } : { value: p })) };
}

/** The pg pool or client behind a drizzle database or transaction handle. */
function clientOf(q: Queryable): pg.Pool | pg.PoolClient {
  return (q._.session as unknown as { client: pg.Pool | pg.PoolClient }).client;
}

/**
 * Runs a prepared statement on the database or inside the transaction `q`. Values come back as pg
 * parses them: timestamps as Date, `date` as 'YYYY-MM-DD', bigint as number, json parsed.
 */
export async function runPrepared<R extends pg.QueryResultRow>(q: Queryable, statement: PreparedStatement, values: Readonly<Record<string, unknown>>): Promise<R[]> {
  const bound = statement.params.map((p) => {
    if ('value' in p) return p.value;
    if (!(p.placeholder in values)) throw new Error(`${statement.name}: no value for ${p.placeholder}`);
    return values[p.placeholder];
  });
  const result = await clientOf(q).query<R>({ name: statement.name, text: statement.text, values: bound });
  return result.rows;
}
