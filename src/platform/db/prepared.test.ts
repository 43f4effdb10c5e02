import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Queryable } from './database.js';
import { prepareStatement, runPrepared } from './prepared.js';

/** A fake drizzle handle whose pg client records what it is asked to run. */
function recordingHandle() {
  const sent: { name: string; text: string; values: unknown[] }[] = [];
  const client = { query: async (config: { name: string; text: string; values: unknown[] }) => (sent.push(config), { rows: [{ ok: true }] }) };
  return { q: { _: { session: { client } } } as unknown as Queryable, sent };
}

describe('prepared statements', () => {
  it('compose fixed text once and bind each placeholder (and constant) by position at every call', async () => {
    const statement = prepareStatement('test.bind', sql`select ${sql.placeholder('a')}::int + ${5}, ${sql.placeholder('b')}::text, ${sql.placeholder('a')}::int`);
    expect(statement.text).toBe('select $1::int + $2, $3::text, $4::int');
    const { q, sent } = recordingHandle();
    expect(await runPrepared(q, statement, { a: 7, b: 'bảy' })).toEqual([{ ok: true }]);
    expect(sent).toEqual([{ name: 'test.bind', text: statement.text, values: [7, 5, 'bảy', 7] }]);
  });

  it('refuse a name used twice (PostgreSQL keeps one text per name) and a call without a value', async () => {
    prepareStatement('test.once', sql`select 1`);
    expect(() => prepareStatement('test.once', sql`select 2`)).toThrow(/used twice/);
    const statement = prepareStatement('test.missing', sql`select ${sql.placeholder('x')}::int`);
    await expect(runPrepared(recordingHandle().q, statement, {})).rejects.toThrow(/no value for x/);
  });
});
