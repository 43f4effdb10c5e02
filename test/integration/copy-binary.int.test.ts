import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import { describe, expect, it } from 'vitest';
import { BinaryRows, COPY_BINARY_HEADER, COPY_BINARY_TRAILER } from '../../src/platform/db/copy-binary.js';
import { createTestDatabase } from '../support/db.js';

/** The binary COPY rows the file import sends are read by the real server as the values meant. */
const database = await createTestDatabase();

interface Value {
  big: number;
  small: number | null;
  words: string | null;
  at: number;
  flag: boolean;
  path: number[];
}

async function roundTrip(values: Value[]): Promise<Record<string, unknown>[]> {
  const client = await database.pool.connect();
  try {
    await client.query('create temporary table binary_rows (big bigint, small integer, words text, at timestamptz, flag boolean, path integer[]) on commit preserve rows');
    const rows = new BinaryRows(16); // small, so that it has to grow
    for (const v of values) rows.row(6).int8(v.big).int4OrNull(v.small).text(v.words).timestamptz(v.at).bool(v.flag).int4Array(v.path);
    await pipeline(Readable.from([COPY_BINARY_HEADER, rows.view(), COPY_BINARY_TRAILER]), client.query(copyFrom('copy binary_rows from stdin (format binary)')));
    const result = await client.query(
      `select big::text, small, words, (extract(epoch from at) * 1000)::bigint::text as at_ms, flag, path from binary_rows order by binary_rows.big`,
    );
    await client.query('drop table binary_rows');
    return result.rows;
  } finally {
    client.release();
  }
}

describe('BinaryRows', () => {
  it('encodes bigints, integers, texts, timestamps, booleans and integer arrays as PostgreSQL reads them', async () => {
    const values: Value[] = [
      { big: -(2 ** 53) + 1, small: -2_147_483_648, words: '', at: Date.UTC(1999, 11, 31, 23, 59, 59, 999), flag: false, path: [] },
      { big: -1, small: null, words: null, at: Date.UTC(1970, 0, 1), flag: true, path: [7] },
      { big: 0, small: 0, words: 'Tán thành', at: Date.UTC(2000, 0, 1), flag: false, path: [1, 2, 3] },
      { big: 4_294_967_296, small: 2_147_483_647, words: 'Nhân dân 👍 "ngoặc" \\ tab\tdòng\nmới', at: Date.parse('2025-10-15T08:30:00.123+07:00'), flag: true, path: [2_147_483_647, 1] },
      { big: 2 ** 53 - 1, small: 5, words: 'x'.repeat(70_000), at: Date.UTC(2100, 5, 30, 12), flag: true, path: Array.from({ length: 40 }, (_, i) => i + 1) },
    ];
    const rows = await roundTrip(values);
    expect(rows).toEqual(
      values.map((v) => ({ big: String(v.big), small: v.small, words: v.words, at_ms: String(v.at), flag: v.flag, path: v.path })),
    );
  });

  it('turns a lone surrogate into U+FFFD instead of sending invalid UTF-8', async () => {
    const [row] = await roundTrip([{ big: 1, small: 1, words: 'a\uD800b', at: 0, flag: false, path: [1] }]);
    expect(row?.words).toBe('a\uFFFDb');
  });
});
