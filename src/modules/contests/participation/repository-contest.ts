import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.js';
import type { CollectivePrize } from '../types.js';

/** SQL of what the participation and statistics reads look up first: the contest, a round, a unit by code. */

export interface ContestRef {
  id: number;
  code: string;
  title: string;
  organiserUnitId: number;
  collectivePrizes: CollectivePrize[];
}

export interface RoundRef {
  id: number;
  number: number;
  graceSeconds: number;
}

type ContestRow = {
  id: number;
  code: string;
  title: string;
  organiser_unit_id: number;
  collective_prizes: CollectivePrize[];
};

const contestOf = (r: ContestRow): ContestRef => ({ id: r.id, code: r.code, title: r.title, organiserUnitId: r.organiser_unit_id, collectivePrizes: r.collective_prizes });

export async function selectContest(db: Queryable, key: { id: number } | { code: string }): Promise<ContestRef | null> {
  const where = 'id' in key ? sql`c.id = ${key.id}` : sql`c.code = ${key.code}`;
  const rows = await db.execute<ContestRow>(sql`select c.id, c.code, c.title, c.organiser_unit_id, c.collective_prizes from contests c where ${where}`);
  return rows.rows[0] ? contestOf(rows.rows[0]) : null;
}

export async function selectRound(db: Queryable, contestId: number, number: number): Promise<RoundRef | null> {
  const rows = await db.execute<{ id: number; number: number; grace_seconds: number }>(
    sql`select r.id, r.number, r.grace_seconds from contest_rounds r where r.contest_id = ${contestId} and r.number = ${number}`,
  );
  const row = rows.rows[0];
  return row ? { id: row.id, number: row.number, graceSeconds: row.grace_seconds } : null;
}

export async function selectUnitIdByCode(db: Queryable, code: string): Promise<number | null> {
  const rows = await db.execute<{ id: number }>(sql`select u.id from units u where u.code = ${code}`);
  return rows.rows[0]?.id ?? null;
}
