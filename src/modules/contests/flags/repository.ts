/** SQL of the suspicious-pattern flags: computed off the hot path, reviewed, and the exclusions they set. */
import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../../platform/db/database.js';
import type { FlagKind } from '../types.js';
import { FAST_SECONDS_PER_QUESTION, SHARED_CLIENT_PEOPLE } from './thresholds.js';

const scored = (roundId: number) => sql`a.round_id = ${roundId} and not a.practice and a.submitted_at is not null and a.score is not null`;

/** Perfect scores faster than the threshold: one flag per person with every such attempt. */
export async function insertFastPerfectFlags(db: Queryable, roundId: number): Promise<number> {
  const r = await db.execute(sql`
    insert into contest_flags (round_id, kind, participant_ids, details, score)
    select ${roundId}, 'fast-perfect', array[a.participant_id],
      jsonb_build_object('attemptIds', array_agg(a.id order by a.id), 'fastestSeconds', min(a.duration_ms) / 1000.0, 'maxScore', max(a.max_score), 'secondsPerQuestion', ${FAST_SECONDS_PER_QUESTION}::int),
      min(a.duration_ms) / 1000.0
    from contest_attempts a
    where ${scored(roundId)} and a.score = a.max_score and a.duration_ms < a.max_score * ${FAST_SECONDS_PER_QUESTION * 1000}
    group by a.participant_id`);
  return r.rowCount ?? 0;
}

/**
 * Identical full answer sequences: each attempt's key is, position by position, the question
 * version and the chosen options as indices of the version (so the shuffle does not hide a copy).
 */
export async function insertIdenticalAnswerFlags(db: Queryable, roundId: number): Promise<number> {
  const r = await db.execute(sql`
    with keyed as (
      select a.participant_id, a.id, jsonb_array_length(a.questions) as asked,
        (select count(*) from jsonb_object_keys(a.answers)) as answered,
        md5((select string_agg((q.value->>'versionId') || ':' || coalesce((
            select string_agg(q.value->'optionOrder'->>(c.shown::int), ',' order by (q.value->'optionOrder'->>(c.shown::int))::int)
            from jsonb_array_elements_text(a.answers -> ((q.ord - 1)::text) -> 'chosen') as c(shown)), ''), '|' order by q.ord)
          from jsonb_array_elements(a.questions) with ordinality as q(value, ord))) as key
      from contest_attempts a where ${scored(roundId)}
    )
    insert into contest_flags (round_id, kind, participant_ids, details, score)
    select ${roundId}, 'identical-answers', array_agg(distinct participant_id order by participant_id),
      jsonb_build_object('attemptIds', array_agg(id order by id), 'questions', max(asked)), count(distinct participant_id)
    from keyed where asked > 0 and answered = asked
    group by key having count(distinct participant_id) >= 2`);
  return r.rowCount ?? 0;
}

/** Many people from one client key. */
export async function insertSharedClientFlags(db: Queryable, roundId: number): Promise<number> {
  const r = await db.execute(sql`
    insert into contest_flags (round_id, kind, participant_ids, details, score)
    select ${roundId}, 'shared-client', array_agg(distinct a.participant_id order by a.participant_id),
      jsonb_build_object('clientKey', a.client_key, 'attempts', count(*)), count(distinct a.participant_id)
    from contest_attempts a where ${scored(roundId)} and a.client_key is not null
    group by a.client_key having count(distinct a.participant_id) >= ${SHARED_CLIENT_PEOPLE}`);
  return r.rowCount ?? 0;
}

export async function markFlagsComputed(db: Queryable, roundId: number, at: Date): Promise<void> {
  await db.execute(sql`update contest_rounds set flags_computed_at = ${at.toISOString()}::timestamptz where id = ${roundId}`);
}

export interface FlagRow {
  id: number;
  roundId: number;
  kind: FlagKind;
  participantIds: number[];
  details: Record<string, unknown>;
  score: number | null;
  decision: 'cleared' | 'excluded' | null;
  reviewedAt: Date | null;
  reviewedBy: string | null;
}

type DbFlag = { id: number; round_id: number; kind: FlagKind; participant_ids: number[]; details: Record<string, unknown>; score: number | null; decision: 'cleared' | 'excluded' | null; reviewed_at: Date | null; reviewed_by: string | null };
const toFlag = (r: DbFlag): FlagRow => ({
  id: r.id,
  roundId: r.round_id,
  kind: r.kind,
  participantIds: r.participant_ids,
  details: r.details,
  score: r.score,
  decision: r.decision,
  reviewedAt: r.reviewed_at === null ? null : new Date(r.reviewed_at),
  reviewedBy: r.reviewed_by,
});
const flagColumns = sql`f.id, f.round_id, f.kind, f.participant_ids, f.details, f.score, f.decision, f.reviewed_at, u.full_name as reviewed_by`;

export async function selectRoundFlags(db: Queryable, roundId: number): Promise<FlagRow[]> {
  const { rows } = await db.execute<DbFlag>(sql`select ${flagColumns} from contest_flags f left join users u on u.id = f.reviewed_by_user_id where f.round_id = ${roundId} order by f.kind, f.id`);
  return rows.map(toFlag);
}

export async function selectFlag(db: Queryable, flagId: number): Promise<FlagRow | undefined> {
  const { rows } = await db.execute<DbFlag>(sql`select ${flagColumns} from contest_flags f left join users u on u.id = f.reviewed_by_user_id where f.id = ${flagId}`);
  return rows[0] && toFlag(rows[0]);
}

export async function updateFlagDecision(db: Queryable, input: { flagId: number; decision: 'cleared' | 'excluded'; note: string; userId: number | null; at: Date }): Promise<void> {
  await db.execute(sql`
    update contest_flags set decision = ${input.decision}, reviewed_by_user_id = ${input.userId}, reviewed_at = ${input.at.toISOString()}::timestamptz,
      details = details || jsonb_build_object('note', ${input.note}::text)
    where id = ${input.flagId}`);
}

/** A person is excluded from the prizes while any flag of the round naming them is decided "excluded". */
export async function refreshExclusions(db: Queryable, roundId: number, participantIds: readonly number[]): Promise<void> {
  await db.execute(sql`
    update contest_round_results rr set excluded = exists (
      select 1 from contest_flags f where f.round_id = rr.round_id and f.decision = 'excluded' and rr.participant_id = any(f.participant_ids))
    where rr.round_id = ${roundId} and rr.participant_id = any(${pgArray(participantIds)}::int[])`);
}

/** Flags not yet reviewed that name one of `participantIds`. */
export async function countPendingFlagsAbout(db: Queryable, roundId: number, participantIds: readonly number[]): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from contest_flags where round_id = ${roundId} and decision is null and participant_ids && ${pgArray(participantIds)}::int[]`);
  return rows[0]?.n ?? 0;
}

/** Locks the round row (reviews and the confirmation take turns). */
export async function lockRound(db: Queryable, roundId: number): Promise<void> {
  await db.execute(sql`select id from contest_rounds where id = ${roundId} for update`);
}

export async function markResultsConfirmed(db: Queryable, roundId: number, userId: number | null, at: Date): Promise<void> {
  await db.execute(sql`update contest_rounds set results_confirmed_at = ${at.toISOString()}::timestamptz, results_confirmed_by_user_id = ${userId} where id = ${roundId}`);
}

export interface FlaggedPerson {
  participantId: number;
  name: string;
  unit: string;
  rank: number | null;
}

/** Every person named by a flag of the round, with their rank (null: not ranked). */
export async function selectFlaggedPeople(db: Queryable, roundId: number): Promise<FlaggedPerson[]> {
  const { rows } = await db.execute<{ id: number; name: string; unit: string; rank: number | null }>(sql`
    select p.id, p.display_name as name, u.name as unit, rr.rank
    from (select distinct unnest(participant_ids) as id from contest_flags where round_id = ${roundId}) f
    join contest_participants p on p.id = f.id join units u on u.id = p.unit_id
    left join contest_round_results rr on rr.round_id = ${roundId} and rr.participant_id = p.id`);
  return rows.map((r) => ({ participantId: r.id, name: r.name, unit: r.unit, rank: r.rank }));
}
