import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.js';
import { rootedSubtreeCte, subtreeCte } from '../../../core/unit-tree/index.js';

/**
 * SQL of participation (issue 14 item 6). `contest_unit_tallies` holds, per contest, round (0: the
 * whole contest) and the participant's OWN unit, the exact attempts, people, perfect scores and sum
 * of first-attempt scores; each person belongs to one unit, so a subtree's figure is the sum of its
 * units' rows. Each read is one statement walking the unit tree once through core/unit-tree.
 */

/** A unit's figures before the rate: sums over a subtree (headcount null when no unit of it has one). */
export interface UnitFigureRow {
  id: number;
  code: string;
  name: string;
  attempts: number;
  people: number;
  perfectScores: number;
  firstAttemptScoreSum: number;
  headcount: number | null;
}

type Row = {
  id: number;
  code: string;
  name: string;
  is_unit: boolean;
  attempts: number;
  people: number;
  perfect_scores: number;
  first_sum: number;
  headcount: number | null;
};

const figureOf = (r: Row): UnitFigureRow => ({
  id: r.id,
  code: r.code,
  name: r.name,
  attempts: r.attempts,
  people: r.people,
  perfectScores: r.perfect_scores,
  firstAttemptScoreSum: r.first_sum,
  headcount: r.headcount,
});

/**
 * For unit U: U's OWN row (tallies and headcount of U itself, not its subtree) and each direct
 * child's whole-subtree row, in the tree's order. U's subtree figure is the sum of them all; the
 * caller adds them up. One walk: the children's subtrees are tagged with their child (`root`), U
 * itself with U. `roundId` 0 reads the whole contest's row.
 */
export async function selectOwnAndChildren(db: Queryable, options: { contestId: number; roundId: number; unitId: number }): Promise<{ own: UnitFigureRow | null; children: UnitFigureRow[] }> {
  const { contestId, roundId, unitId } = options;
  const childIds = sql`(select coalesce(array_agg(c.id), '{}'::int[]) from units c where c.parent_id = ${unitId}::int)`;
  const rows = await db.execute<Row>(sql`
    with recursive ${rootedSubtreeCte('sub', childIds)},
    members(root, id) as (select root, id from sub union all select ${unitId}::int, ${unitId}::int),
    figures as (
      select m.root, sum(t.attempts)::float8 as attempts, sum(t.people)::float8 as people,
             sum(t.perfect_scores)::float8 as perfect_scores, sum(t.first_attempt_score_sum)::float8 as first_sum
      from members m join contest_unit_tallies t on t.contest_id = ${contestId}::int and t.round_id = ${roundId}::int and t.unit_id = m.id
      group by m.root
    ),
    heads as (select m.root, sum(h.headcount)::float8 as headcount from members m join unit_headcounts h on h.unit_id = m.id group by m.root)
    select u.id, u.code, u.name, u.id = ${unitId}::int as is_unit,
           coalesce(f.attempts, 0) as attempts, coalesce(f.people, 0) as people,
           coalesce(f.perfect_scores, 0) as perfect_scores, coalesce(f.first_sum, 0) as first_sum, h.headcount
    from units u left join figures f on f.root = u.id left join heads h on h.root = u.id
    where u.id = ${unitId}::int or u.parent_id = ${unitId}::int
    order by (u.id = ${unitId}::int) desc, u.sort_order, u.name, u.id`);
  const own = rows.rows.find((r) => r.is_unit);
  return { own: own ? figureOf(own) : null, children: rows.rows.filter((r) => !r.is_unit).map(figureOf) };
}

export interface RoundSeriesRow {
  number: number;
  attempts: number;
  people: number;
  perfectScores: number;
  firstAttemptScoreSum: number;
  headcount: number | null;
}

/** Per round of the contest (by number, rounds without attempts included): the figures of U's whole subtree. */
export async function selectRoundSeries(db: Queryable, options: { contestId: number; unitId: number }): Promise<RoundSeriesRow[]> {
  const rows = await db.execute<{ number: number; attempts: number; people: number; perfect_scores: number; first_sum: number; headcount: number | null }>(sql`
    with recursive ${subtreeCte('sub', sql`select ${options.unitId}::int`, { all: true })},
    heads as (select sum(h.headcount)::float8 as headcount from sub join unit_headcounts h on h.unit_id = sub.id),
    figures as (
      select t.round_id, sum(t.attempts)::float8 as attempts, sum(t.people)::float8 as people,
             sum(t.perfect_scores)::float8 as perfect_scores, sum(t.first_attempt_score_sum)::float8 as first_sum
      from sub join contest_unit_tallies t on t.contest_id = ${options.contestId}::int and t.unit_id = sub.id and t.round_id <> 0
      group by t.round_id
    )
    select r.number, coalesce(f.attempts, 0) as attempts, coalesce(f.people, 0) as people,
           coalesce(f.perfect_scores, 0) as perfect_scores, coalesce(f.first_sum, 0) as first_sum, (select headcount from heads) as headcount
    from contest_rounds r left join figures f on f.round_id = r.id
    where r.contest_id = ${options.contestId}::int
    order by r.number`);
  return rows.rows.map((r) => ({ number: r.number, attempts: r.attempts, people: r.people, perfectScores: r.perfect_scores, firstAttemptScoreSum: r.first_sum, headcount: r.headcount }));
}
