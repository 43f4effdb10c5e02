import { sql, type SQL } from 'drizzle-orm';
import { subtreeIdsOf } from '../../../core/unit-tree/index.js';
import { pgArray, type Queryable } from '../../../platform/db/database.js';
import type { ContestAudience, ParticipantGroup, PredictionKind, Prize } from '../types.js';

/** SQL of the public contest page and of participants: the contest by code, units to pick, registration. */

export interface PublicContestRow {
  id: number;
  code: string;
  title: string;
  rules: string;
  audience: ContestAudience;
  organiserName: string;
  /** The audience subtree's root (internal contests): the audience unit, else the organiser. */
  audienceRootId: number;
  rounds: {
    id: number;
    number: number;
    opensAt: string;
    closesAt: string;
    questionsPerAttempt: number;
    timeLimitSeconds: number;
    attemptsAllowed: number;
    graceSeconds: number;
    prediction: PredictionKind;
    prizes: Prize[];
    closedAt: string | null;
    /** Never sent to participants: what the round draws from. */
    topics: string[];
  }[];
}

export async function selectPublicContest(db: Queryable, code: string): Promise<PublicContestRow | null> {
  const result = await db.execute<PublicContestRow & Record<string, unknown>>(sql`
    select c.id, c.code, c.title, c.rules, c.audience, o.name as "organiserName",
      coalesce(c.audience_unit_id, c.organiser_unit_id) as "audienceRootId",
      coalesce((select json_agg(json_build_object('id', r.id, 'number', r.number, 'opensAt', r.opens_at, 'closesAt', r.closes_at,
          'questionsPerAttempt', r.questions_per_attempt, 'timeLimitSeconds', r.time_limit_seconds, 'attemptsAllowed', r.attempts_allowed,
          'graceSeconds', r.grace_seconds, 'prediction', r.prediction, 'prizes', r.prizes, 'closedAt', r.closed_at, 'topics', r.topics) order by r.number)
        from contest_rounds r where r.contest_id = c.id), '[]'::json) as rounds
    from contests c join units o on o.id = c.organiser_unit_id
    where c.code = ${code} and c.archived_at is null`);
  return result.rows[0] ?? null;
}

const activeUnit = sql`(u.active_to is null or u.active_to >= (now() at time zone 'Asia/Ho_Chi_Minh')::date)`;

/** Units a participant may pick: active, and inside `rootId`'s subtree when given (internal contests). */
function pickable(rootId: number | null): SQL {
  return rootId === null ? activeUnit : sql`${activeUnit} and u.id in ${subtreeIdsOf(sql`select ${rootId}::int`)}`;
}

export async function selectPickableUnit(db: Queryable, unitId: number, rootId: number | null): Promise<{ id: number; name: string } | null> {
  const result = await db.execute<{ id: number; name: string }>(sql`select u.id, u.name from units u where u.id = ${unitId} and ${pickable(rootId)}`);
  return result.rows[0] ?? null;
}

/** Pickable units whose search key holds every token, with their path of names (root first); at most `limit`. */
export async function selectPickableUnits(db: Queryable, rootId: number | null, tokens: string[], limit: number) {
  const match = tokens.length > 0 ? sql`and u.search_key like all(${pgArray(tokens.map((t) => `%${t.replace(/[\\%_]/g, (c) => '\\' + c)}%`))}::text[])` : sql``;
  const result = await db.execute<{ id: number; code: string; name: string; path: string }>(sql`
    with picked as (
      select u.id, u.code, u.name, u.sort_order from units u where ${pickable(rootId)} ${match}
      order by u.sort_order, u.name, u.id limit ${limit})
    select p.id, p.code, p.name,
      (select string_agg(a.name, ' › ' order by x.ord) from unit_paths(array[p.id]) up
        cross join unnest(up.path) with ordinality as x(unit_id, ord) join units a on a.id = x.unit_id) as path
    from picked p order by p.sort_order, p.name, p.id`);
  return result.rows;
}

export interface ParticipantView {
  id: number;
  contestId: number;
  name: string;
  unitId: number;
  unitName: string;
  group: ParticipantGroup;
  phoneMasked: string | null;
}

const participantColumns = sql`p.id, p.contest_id as "contestId", p.display_name as name, p.unit_id as "unitId", u.name as "unitName",
  p.participant_group as "group", p.phone_masked as "phoneMasked"`;

export async function selectParticipant(db: Queryable, participantId: number): Promise<ParticipantView | null> {
  const result = await db.execute<ParticipantView & Record<string, unknown>>(sql`select ${participantColumns} from contest_participants p join units u on u.id = p.unit_id where p.id = ${participantId}`);
  return result.rows[0] ?? null;
}

export interface NewPublicParticipant {
  contestId: number;
  name: string;
  unitId: number;
  group: ParticipantGroup;
  phoneKey: string;
  phoneMasked: string;
  idHash: string | null;
  idLast4: string | null;
  sealedContact: string;
  consentAt: Date;
}

/** Inserts the person unless the phone or ID key is already registered in the contest; the new id or null. */
export async function insertPublicParticipant(db: Queryable, p: NewPublicParticipant): Promise<number | null> {
  const result = await db.execute<{ id: number }>(sql`
    insert into contest_participants (contest_id, display_name, unit_id, participant_group, phone_key, phone_masked, id_hash, id_last4, sealed_contact, consent_at)
    values (${p.contestId}, ${p.name}, ${p.unitId}, ${p.group}, ${p.phoneKey}, ${p.phoneMasked}, ${p.idHash}, ${p.idLast4}, ${p.sealedContact}, ${p.consentAt})
    on conflict do nothing returning id`);
  return result.rows[0]?.id ?? null;
}

/** The person already registered with this phone key (first) or ID hash. */
export async function selectRegisteredId(db: Queryable, contestId: number, phoneKey: string, idHash: string | null): Promise<number | null> {
  const result = await db.execute<{ id: number }>(sql`
    select id from contest_participants where contest_id = ${contestId} and (phone_key = ${phoneKey} or (${idHash}::text is not null and id_hash = ${idHash}))
    order by (phone_key = ${phoneKey}) desc, id limit 1`);
  return result.rows[0]?.id ?? null;
}

/** The account's home unit when it is active and inside `rootId`'s subtree; null otherwise. */
export async function selectAudienceHomeUnit(db: Queryable, userId: number, rootId: number): Promise<{ unitId: number; fullName: string } | null> {
  const result = await db.execute<{ unitId: number; fullName: string }>(sql`
    select u.id as "unitId", us.full_name as "fullName" from users us join units u on u.id = us.home_unit_id
    where us.id = ${userId} and ${pickable(rootId)}`);
  return result.rows[0] ?? null;
}

/** The account's participant in the contest, created on first call (the same row afterwards). */
export async function upsertAccountParticipant(db: Queryable, p: { contestId: number; userId: number; name: string; unitId: number; group: ParticipantGroup; now: Date }) {
  const result = await db.execute<{ id: number; inserted: boolean }>(sql`
    with ins as (
      insert into contest_participants (contest_id, user_id, display_name, unit_id, participant_group, consent_at)
      values (${p.contestId}, ${p.userId}, ${p.name}, ${p.unitId}, ${p.group}, ${p.now})
      on conflict (contest_id, user_id) do nothing returning id)
    select id, true as inserted from ins
    union all
    select id, false from contest_participants where contest_id = ${p.contestId} and user_id = ${p.userId} and not exists (select 1 from ins)`);
  return result.rows[0] ?? null;
}
