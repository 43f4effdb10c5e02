import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../db/database.js';

/**
 * Records a domain event in the caller's transaction (the outbox): it exists if and only if the
 * change that raised it commits, and is handled after commit by the handlers registered for `name`.
 */
export async function emitEvent(tx: Tx, name: string, payload: Record<string, unknown>): Promise<void> {
  await tx.execute(sql`insert into outbox (name, payload) values (${name}, ${JSON.stringify(payload)}::jsonb)`);
}

/**
 * emitEvent as one part of a caller's statement: `insert into outbox … select <name>, <payload> from
 * <from>`, one event per row of `from` (e.g. the `returning` of the change, a CTE of the same
 * statement), its payload a jsonb expression over that row.
 */
export function eventInsertSql(name: string, payload: SQL, from: SQL): SQL {
  return sql`insert into outbox (name, payload) select ${name}::text, ${payload} from ${from}`;
}

/** Several events of one name at once (e.g. every unit a file import moved). */
export async function emitEvents(tx: Tx, name: string, payloads: readonly Record<string, unknown>[]): Promise<void> {
  if (payloads.length === 0) return;
  await tx.execute(sql`insert into outbox (name, payload) select ${name}, p from jsonb_array_elements(${JSON.stringify(payloads)}::jsonb) p`);
}
