/** SQL of contest definitions: contests and their rounds, the units a definition names, the usable pool. */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { units } from '../../../platform/db/schema/org.js';
import type { Queryable, Tx } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { scopedUnitIds } from '../../../platform/access/scope.js';
import { subtreeIdsOf } from '../../../core/unit-tree/index.js';
import { contestQuestions, contestRounds, contests } from '../tables.js';

export type Contest = typeof contests.$inferSelect;
export type ContestRound = typeof contestRounds.$inferSelect;
/** What a definition writes of a contest (the rest: id, timestamps, archiving, creator). */
export type ContestWrite = Pick<typeof contests.$inferInsert, 'code' | 'title' | 'organiserUnitId' | 'audience' | 'audienceUnitId' | 'rules' | 'collectivePrizes'>;
/** What a definition writes of a round (its settings). */
export type RoundWrite = Pick<
  ContestRound,
  'number' | 'opensAt' | 'closesAt' | 'questionsPerAttempt' | 'timeLimitSeconds' | 'attemptsAllowed' | 'graceSeconds' | 'prediction' | 'prizes' | 'topics'
>;

export async function selectUnitByCode(db: Queryable, code: string): Promise<{ id: number; code: string; name: string } | null> {
  const rows = await db.select({ id: units.id, code: units.code, name: units.name }).from(units).where(eq(units.code, code));
  return rows[0] ?? null;
}

export async function selectContestById(db: Queryable, id: number): Promise<Contest | null> {
  const rows = await db.select().from(contests).where(eq(contests.id, id));
  return rows[0] ?? null;
}

export async function selectContestByCode(db: Queryable, code: string): Promise<Contest | null> {
  const rows = await db.select().from(contests).where(eq(contests.code, code));
  return rows[0] ?? null;
}

/** Locks the contest's row (two definitions of one code apply one after the other). */
export async function selectContestForUpdate(tx: Tx, by: { code: string } | { id: number }): Promise<Contest | null> {
  const where = 'code' in by ? eq(contests.code, by.code) : eq(contests.id, by.id);
  const rows = await tx.select().from(contests).where(where).for('update');
  return rows[0] ?? null;
}

/** Inserts a contest unless its code exists (a concurrent definition): the new id, or null. */
export async function insertContest(tx: Tx, row: ContestWrite & { createdByUserId: number | null }): Promise<number | null> {
  const inserted = await tx.insert(contests).values(row).onConflictDoNothing().returning({ id: contests.id });
  return inserted[0]?.id ?? null;
}

export async function updateContest(tx: Tx, id: number, row: ContestWrite): Promise<void> {
  await tx
    .update(contests)
    .set({ ...row, updatedAt: new Date() })
    .where(eq(contests.id, id));
}

export async function selectRounds(db: Queryable, contestId: number): Promise<ContestRound[]> {
  return db.select().from(contestRounds).where(eq(contestRounds.contestId, contestId)).orderBy(contestRounds.number);
}

export async function insertRound(tx: Tx, contestId: number, row: RoundWrite): Promise<number> {
  const inserted = await tx
    .insert(contestRounds)
    .values({ ...row, contestId })
    .returning({ id: contestRounds.id });
  return (inserted[0] as { id: number }).id;
}

export async function updateRound(tx: Tx, roundId: number, row: RoundWrite): Promise<void> {
  await tx.update(contestRounds).set(row).where(eq(contestRounds.id, roundId));
}

export async function deleteRounds(tx: Tx, roundIds: readonly number[]): Promise<void> {
  if (roundIds.length === 0) return;
  await tx.delete(contestRounds).where(inArray(contestRounds.id, [...roundIds]));
}

/**
 * The contest's usable questions (neither disputed nor retired) by topic: what a scored round may
 * draw from. A round with topics draws from those topics' counts, without topics from all.
 */
export async function selectUsablePool(db: Queryable, contestId: number): Promise<Map<string, number>> {
  const rows = await db
    .select({ topic: contestQuestions.topic, n: sql<number>`count(*)::int` })
    .from(contestQuestions)
    .where(and(eq(contestQuestions.contestId, contestId), eq(contestQuestions.disputed, false), isNull(contestQuestions.retiredAt)))
    .groupBy(contestQuestions.topic);
  return new Map(rows.map((r) => [r.topic, r.n]));
}

export interface ContestListRow {
  id: number;
  code: string;
  title: string;
  audience: Contest['audience'];
  organiser: { id: number; code: string; name: string };
}

/**
 * Contests whose organiser the actor sees (viewer+), within the subtree of `unitId` when given,
 * newest first.
 */
export async function selectVisibleContests(db: Queryable, actor: Actor, unitId: number | undefined): Promise<ContestListRow[]> {
  const inUnit = unitId === undefined ? sql`true` : sql`c.organiser_unit_id in ${subtreeIdsOf(sql`select ${unitId}::int`)}`;
  const rows = await db.execute<{ id: number; code: string; title: string; audience: Contest['audience']; unit_id: number; unit_code: string; unit_name: string }>(sql`
    select c.id, c.code, c.title, c.audience, u.id as unit_id, u.code as unit_code, u.name as unit_name
    from contests c join units u on u.id = c.organiser_unit_id
    where c.archived_at is null and c.organiser_unit_id in ${scopedUnitIds(actor, 'viewer')} and ${inUnit}
    order by c.created_at desc, c.id desc`);
  return rows.rows.map((r) => ({ id: r.id, code: r.code, title: r.title, audience: r.audience, organiser: { id: r.unit_id, code: r.unit_code, name: r.unit_name } }));
}

export async function selectRoundsOf(db: Queryable, contestIds: readonly number[]): Promise<ContestRound[]> {
  if (contestIds.length === 0) return [];
  return db
    .select()
    .from(contestRounds)
    .where(inArray(contestRounds.contestId, [...contestIds]))
    .orderBy(contestRounds.contestId, contestRounds.number);
}

export async function selectUnitRefs(db: Queryable, unitIds: readonly number[]): Promise<Map<number, { id: number; code: string; name: string }>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .select({ id: units.id, code: units.code, name: units.name })
    .from(units)
    .where(inArray(units.id, [...new Set(unitIds)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Questions of the bank that are not retired. */
export async function countQuestions(db: Queryable, contestId: number): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(contestQuestions)
    .where(and(eq(contestQuestions.contestId, contestId), isNull(contestQuestions.retiredAt)));
  return rows[0]?.n ?? 0;
}
