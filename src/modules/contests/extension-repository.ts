import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../platform/db/database.js';
import { subtreeIdsOf, unitPaths } from '../../core/unit-tree/index.js';

/**
 * SQL of the contests' extension points: figures of a unit's subtree for a period, and the open
 * rounds a user's units should know about. Each is one statement (tree walks through core/unit-tree).
 */

export interface ContestPeriodFigures {
  attempts: number;
  people: number;
  perfectScores: number;
}

/**
 * Non-practice scored attempts SUBMITTED in [start, end) by participants of the subtree's units, over
 * every contest: attempts, distinct people, distinct people with at least one perfect score in it.
 */
export async function selectPeriodFigures(db: Queryable, options: { unitId: number; start: Date; end: Date }): Promise<ContestPeriodFigures> {
  const rows = await db.execute<{ attempts: number; people: number; perfect_scores: number }>(sql`
    select count(*)::int as attempts, count(distinct a.participant_id)::int as people,
           count(distinct a.participant_id) filter (where a.score = a.max_score)::int as perfect_scores
    from contest_attempts a
    where a.unit_id in ${subtreeIdsOf(sql`select ${options.unitId}::int`)} and not a.practice and a.score is not null
      and a.submitted_at >= ${options.start.toISOString()}::timestamptz and a.submitted_at < ${options.end.toISOString()}::timestamptz`);
  const row = rows.rows[0];
  return { attempts: row?.attempts ?? 0, people: row?.people ?? 0, perfectScores: row?.perfect_scores ?? 0 };
}

export interface OpenRoundRow {
  unitId: number;
  contestCode: string;
  contestTitle: string;
  organiserName: string;
  number: number;
  closesAt: Date;
}

/**
 * Rounds open at `now` of contests (not archived) that are internal with an audience subtree holding
 * one of `unitIds`, or organised by a unit in the subtree of one of them: one row per round, with the
 * first of `unitIds` (in the order given) it concerns.
 */
export async function selectOpenRounds(db: Queryable, options: { unitIds: readonly number[]; now: Date }): Promise<OpenRoundRow[]> {
  const ids = pgArray([...new Set(options.unitIds)]);
  const rows = await db.execute<{ unit_id: number; code: string; title: string; organiser_name: string; number: number; closes_at: Date | string }>(sql`
    with open_rounds as (
      select r.id as round_id, r.number, r.closes_at, c.code, c.title, c.audience, c.organiser_unit_id,
             coalesce(c.audience_unit_id, c.organiser_unit_id) as audience_unit_id
      from contest_rounds r join contests c on c.id = r.contest_id
      where r.opens_at <= ${options.now.toISOString()}::timestamptz and r.closes_at > ${options.now.toISOString()}::timestamptz and c.archived_at is null
    ),
    mine as (select p.unit_id, p.path from ${unitPaths(sql`${ids}::int[]`)} p),
    organisers as (select p.unit_id, p.path from ${unitPaths(sql`(select coalesce(array_agg(distinct organiser_unit_id), '{}'::int[]) from open_rounds)`)} p)
    select distinct on (o.round_id) m.unit_id, o.code, o.title, ou.name as organiser_name, o.number, o.closes_at
    from open_rounds o
    join organisers op on op.unit_id = o.organiser_unit_id
    join units ou on ou.id = o.organiser_unit_id
    join mine m on (o.audience = 'internal' and o.audience_unit_id = any(m.path)) or m.unit_id = any(op.path)
    order by o.round_id, array_position(${ids}::int[], m.unit_id)`);
  return rows.rows
    .map((r) => ({ unitId: r.unit_id, contestCode: r.code, contestTitle: r.title, organiserName: r.organiser_name, number: r.number, closesAt: new Date(r.closes_at) }))
    .sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime() || a.contestCode.localeCompare(b.contestCode) || a.number - b.number);
}
