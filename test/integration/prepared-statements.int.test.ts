import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { executePrepared } from '../../src/platform/db/prepared.js';
import { createTestDatabase } from '../support/db.js';

/** Hot statements run as named prepared statements: planned once per connection, the same rows as a plain query (timestamps as Date). */
const { db } = await createTestDatabase();

describe('executePrepared', () => {
  it('prepares the statement once on the connection and returns the same rows as a plain query', async () => {
    await db.transaction(async (tx) => {
      const statement = (n: number) => sql`select ${n}::int as n, ${'Lan Tỏa'}::text as name, now() as at, ${n}::bigint * 2 as twice`;
      const first = await executePrepared<{ n: number; name: string; at: Date; twice: number }>(tx, 'test.shape', statement(7));
      const second = await executePrepared<{ n: number; name: string; at: Date; twice: number }>(tx, 'test.shape', statement(8));
      const plain = await tx.execute<{ n: number; name: string; at: string; twice: number }>(statement(8));
      expect(first.rows[0]).toMatchObject({ n: 7, name: 'Lan Tỏa', twice: 14 });
      expect(Object.keys(second.rows[0]!)).toEqual(Object.keys(plain.rows[0]!));
      expect(second.rows[0]!.at).toBeInstanceOf(Date);
      expect(second.rows[0]!.at.getTime()).toBe(new Date(plain.rows[0]!.at).getTime());
      const prepared = await tx.execute<{ name: string; calls: number }>(sql`select name, generic_plans + custom_plans as calls from pg_prepared_statements where name = 'test.shape'`);
      expect(prepared.rows).toEqual([{ name: 'test.shape', calls: 2 }]);
    });
  });

  it('gives another text of the same builder another name instead of failing', async () => {
    await db.transaction(async (tx) => {
      const a = await executePrepared<{ v: number }>(tx, 'test.variant', sql`select ${1}::int as v`);
      const b = await executePrepared<{ v: number }>(tx, 'test.variant', sql`select ${2}::int + 1 as v`);
      expect([a.rows[0]!.v, b.rows[0]!.v]).toEqual([1, 3]);
      const names = await tx.execute<{ name: string }>(sql`select name from pg_prepared_statements where name like 'test.variant%' order by name`);
      expect(names.rows.map((r) => r.name)).toEqual(['test.variant', 'test.variant#2']);
    });
  });

  it('counts the rows on the pool as in a transaction', async () => {
    const result = await executePrepared(db, 'test.write', sql`select generate_series(1, ${3}::int) as id`);
    expect(result.rowCount).toBe(3);
  });
});
