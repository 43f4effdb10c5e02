import type pg from 'pg';
import type { BackupTable } from './format.js';

/**
 * What a backup reads from the catalogue: the application's tables (every schema but the system
 * ones and drizzle's migration journal), their columns (generated columns excluded, PostgreSQL
 * computes them), parents before children, and the sequences.
 */
const APP_SCHEMAS = `n.nspname not in ('pg_catalog', 'information_schema', 'drizzle') and n.nspname not like 'pg\\_%'`;

export async function listTables(client: pg.ClientBase): Promise<BackupTable[]> {
  const tables = await client.query<{ oid: number; schema: string; name: string; columns: string[] }>(
    `select c.oid::int as oid, n.nspname as schema, c.relname as name,
            array_agg(a.attname::text order by a.attnum) as columns
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      where c.relkind in ('r', 'p') and not c.relispartition and ${APP_SCHEMAS}
      group by c.oid, n.nspname, c.relname
      order by n.nspname, c.relname`,
  );
  const edges = await client.query<{ child: number; parent: number }>(
    `select conrelid::int as child, confrelid::int as parent from pg_constraint where contype = 'f' and conrelid <> confrelid`,
  );
  return parentsFirst(tables.rows, edges.rows).map(({ schema, name, columns }) => ({ schema, name, columns }));
}

/** Orders tables so that every table comes after the tables its foreign keys point to. */
export function parentsFirst<T extends { oid: number }>(tables: T[], edges: { child: number; parent: number }[]): T[] {
  const byOid = new Map(tables.map((t) => [t.oid, t]));
  const parents = new Map<number, number[]>();
  for (const { child, parent } of edges) {
    if (byOid.has(child) && byOid.has(parent)) parents.set(child, [...(parents.get(child) ?? []), parent]);
  }
  const ordered: T[] = [];
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (oid: number) => {
    if (state.get(oid) === 'done' || state.get(oid) === 'visiting') return; // a cycle: keep the order found
    state.set(oid, 'visiting');
    for (const parent of parents.get(oid) ?? []) visit(parent);
    state.set(oid, 'done');
    ordered.push(byOid.get(oid) as T);
  };
  for (const table of tables) visit(table.oid);
  return ordered;
}

export async function listSequences(client: pg.ClientBase) {
  const names = await client.query<{ schema: string; name: string }>(
    `select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'S' and ${APP_SCHEMAS} order by 1, 2`,
  );
  const sequences: { schema: string; name: string; lastValue: string; isCalled: boolean }[] = [];
  for (const { schema, name } of names.rows) {
    const state = await client.query<{ last_value: string; is_called: boolean }>(`select last_value::text, is_called from "${schema}"."${name}"`);
    const row = state.rows[0];
    if (row) sequences.push({ schema, name, lastValue: row.last_value, isCalled: row.is_called });
  }
  return sequences;
}

/** Whether the database holds anything of ours or anyone's: tables, views, sequences, or drizzle's journal. */
export async function isDatabaseEmpty(client: pg.ClientBase): Promise<boolean> {
  const result = await client.query<{ n: number }>(
    `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
        and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'`,
  );
  return (result.rows[0]?.n ?? 0) === 0;
}
