import type pg from 'pg';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Actor } from '../../../platform/access/roles.js';
import type { Queryable } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { fastDedupKey, toSafeJson, toSafeText } from '../../../platform/vn/index.js';
import { ancestorsCte } from '../../../core/unit-tree/index.js';
import type { StoredSubmission, SubmissionToStore } from './submission.js';

/**
 * The one statement every intake path writes submissions with, for one submission or a batch of
 * them. Per submission it resolves and checks the unit, re-checks (when asked) what the caller
 * validated from a copy in memory, inserts the submission (`on conflict do nothing` on the
 * idempotency key), its opinions (in input order), its sealed contact and its audit row, and reads
 * the submission already stored under the key: one round trip for the whole batch. In autocommit it
 * is its own transaction (all or nothing); inside a transaction it joins it.
 *
 * It runs as a named prepared statement (one per shape, prepared once per connection) with a generic
 * plan: planning it costs PostgreSQL more than executing it, and building it with drizzle's `sql`
 * costs Node more than sending it. Hence SQL text written here once, and the submissions and their
 * opinions sent as two JSON arrays read with `jsonb_to_recordset`: the planner's estimate of a
 * recordset (100 rows) does not depend on the values, so the generic plan is as cheap as a custom
 * one and PostgreSQL keeps it (array parameters, whose lengths a custom plan sees, made it plan
 * every execution again).
 */

export interface SubmissionWrite extends Omit<SubmissionToStore, 'unitId'> {
  /** The receiving unit: by id (already checked by the caller), or by code, checked in the statement to take part in the consultation. */
  unit: { id: number } | { code: string };
  /** The audit row, written in the same statement when (and only when) the submission is created. */
  audit: { actor: Actor; action: string; after: unknown } | null;
}

export interface WriteShape {
  /** Units given by code (all submissions of the statement), else by id. */
  byCode: boolean;
  /**
   * Re-check in the statement, for a caller that validated from a copy in memory: the consultation
   * is open at `submittedAt`, every document is one of its documents, every section exists. A
   * submission failing it is not written and gets `guardPassed: false`.
   */
  guard: boolean;
}

export interface WriteOutcome {
  /** The new submission, when this statement wrote it. */
  createdId: number | null;
  /** False when the unit code is unknown, dissolved or not taking part (nothing written). */
  unitFound: boolean;
  guardPassed: boolean;
  /** The submission already stored under this key before the statement began. */
  existing: { id: number; opinions: number } | null;
}

const statements = new Map<string, { name: string; text: string }>();

/** `up(id, parent_id)`: the unit `u` of the enclosing query and its ancestors, as SQL text (no parameters). */
const upFromUnit = (): string => new PgDialect().sqlToQuery(ancestorsCte('up', sql`select u.id, u.parent_id`, { all: true })).sql;

function statementOf(shape: WriteShape): { name: string; text: string } {
  const key = `${+shape.byCode}${+shape.guard}`;
  const known = statements.get(key);
  if (known) return known;
  // A unit by code takes part and is not dissolved: the rule of `participates`, read in the
  // statement itself (the caller's copy may be stale) and walking up from the unit (at most its
  // depth) instead of down the subtrees of the units listed. Lookups by key are `lateral … limit 1`:
  // with the recordset estimated at 100 rows the planner would otherwise hash-join whole tables.
  const target = shape.byCode
    ? `select b.i, u.id as unit_id from batch b
       cross join lateral (
         select u.id from units u
         where u.code = b.unit
           and (u.active_to is null or u.active_to >= (now() at time zone 'Asia/Ho_Chi_Minh')::date)
           and ((select k.all_units from consultations k where k.id = b.consultation_id) or exists (
             with recursive ${upFromUnit()}
             select 1 from up join consultation_units cu on cu.unit_id = up.id and cu.consultation_id = b.consultation_id))
         limit 1) as u`
    : `select b.i, b.unit as unit_id from batch b`;
  const guard = shape.guard
    ? `where exists (select 1 from consultations k where k.id = b.consultation_id and k.opens_at <= b.submitted_at and (k.closes_at is null or k.closes_at > b.submitted_at))
         and not exists (
           select 1 from op where op.i = b.i and (
             not exists (select 1 from consultation_documents d where d.id = op.document_id and d.consultation_id = b.consultation_id)
             or (op.section_ref is not null and not exists (select 1 from document_sections s where s.document_id = op.document_id and s.ref = op.section_ref))))`
    : '';
  const text = `
    with batch as (
      select * from jsonb_to_recordset($1::jsonb) as b(
        i int, consultation_id int, external_id text, unit ${shape.byCode ? 'text' : 'int'}, channel text, contributor_group text, submitted_at timestamptz,
        self_submitted boolean, entered_by_user_id int, opinion_count int, sealed text,
        audit_user_id int, audit_username text, audit_action text, audit_after jsonb, audit_ip text)),
    op as (
      select * from jsonb_to_recordset($2::jsonb) as o(i int, n int, document_id int, section_ref text, stance text, body text, text_key text)),
    target as (${target}),
    checked as (select b.*, t.unit_id from batch b join target t on t.i = b.i ${guard}),
    ins as (
      insert into submissions (consultation_id, external_id, unit_id, channel, contributor_group, submitted_at, self_submitted, opinion_count, entered_by_user_id)
      select consultation_id, external_id, unit_id, channel, contributor_group, submitted_at, self_submitted, opinion_count, entered_by_user_id
      from checked order by consultation_id, external_id
      on conflict (consultation_id, external_id) do nothing
      returning id, consultation_id, external_id),
    written as (select ins.id, c.* from ins join checked c on c.consultation_id = ins.consultation_id and c.external_id = ins.external_id),
    ops as (
      insert into opinions (submission_id, consultation_id, unit_id, document_id, section_ref, stance, body, text_key, submitted_at)
      select w.id, w.consultation_id, w.unit_id, op.document_id, op.section_ref, op.stance, op.body, op.text_key, w.submitted_at
      from op join written w on w.i = op.i order by op.n),
    contact as (
      insert into submission_contacts (submission_id, unit_id, sealed, consent)
      select id, unit_id, sealed, true from written where sealed is not null),
    audit as (
      insert into audit_log (actor_user_id, actor_username, action, entity_type, entity_id, unit_id, after, ip)
      select audit_user_id, audit_username, audit_action, 'submission', id::text, unit_id, audit_after, audit_ip
      from written where audit_action is not null order by i)
    select w.id as created_id, t.i is not null as unit_found, c.i is not null as guard_passed, s.id as existing_id, s.opinion_count as existing_opinions
    from batch b
    left join target t on t.i = b.i
    left join checked c on c.i = b.i
    left join written w on w.i = b.i
    left join lateral (
      select s.id, s.opinion_count from submissions s where s.consultation_id = b.consultation_id and s.external_id = b.external_id limit 1) as s on true
    order by b.i`;
  const statement = { name: `lantoa_intake_write_${key}`, text };
  statements.set(key, statement);
  return statement;
}

/** The node-postgres pool or connection under a drizzle database or transaction (drizzle keeps it as `session.client`). */
function clientOf(db: Queryable): Pick<pg.Pool, 'query'> {
  const client = (db as unknown as { session?: { client?: Pick<pg.Pool, 'query'> } }).session?.client;
  if (!client || typeof client.query !== 'function') fail('UNEXPECTED');
  return client;
}

/**
 * Writes submissions in one statement (see the top of this file); one outcome per submission, in
 * order. Every unit must be given the way `shape` says, and no key may appear twice.
 */
export async function writeSubmissions(db: Queryable, rows: SubmissionWrite[], shape: WriteShape): Promise<WriteOutcome[]> {
  if (rows.length === 0) return [];
  const keys = new Set(rows.map((r) => `${r.consultationId}\u0000${r.externalId}`));
  if (keys.size !== rows.length || rows.some((r) => 'code' in r.unit !== shape.byCode)) fail('UNEXPECTED');
  const submissions = rows.map((r, i) => ({
    i: i + 1,
    consultation_id: r.consultationId,
    external_id: r.externalId,
    unit: 'code' in r.unit ? r.unit.code : r.unit.id,
    channel: r.channel,
    contributor_group: r.contributorGroup,
    submitted_at: r.submittedAt.toISOString(),
    self_submitted: r.selfSubmitted,
    entered_by_user_id: r.enteredByUserId,
    opinion_count: r.opinions.length,
    sealed: r.sealedContact,
    audit_user_id: r.audit?.actor.userId ?? null,
    audit_username: r.audit?.actor.username ?? null,
    audit_action: r.audit?.action ?? null,
    audit_after: r.audit ? toSafeJson(r.audit.after ?? null) : null,
    audit_ip: r.audit?.actor.ip ?? null,
  }));
  let n = 0;
  const opinions = rows.flatMap((r, i) =>
    r.opinions.map((o) => {
      // Input was checked where it entered (safeString); repaired here too, since `jsonb` would
      // refuse a NUL or lone surrogate and fail every submission of the batch's statement.
      const body = toSafeText(o.body);
      return { i: i + 1, n: ++n, document_id: o.documentId, section_ref: o.sectionRef === null ? null : toSafeText(o.sectionRef), stance: o.stance, body, text_key: fastDedupKey(body) };
    }),
  );
  const values = [JSON.stringify(submissions), JSON.stringify(opinions)];
  const { name, text } = statementOf(shape);
  const result = await clientOf(db).query<{ created_id: number | null; unit_found: boolean; guard_passed: boolean; existing_id: number | null; existing_opinions: number | null }>({ name, text, values });
  if (result.rows.length !== rows.length) fail('UNEXPECTED');
  return result.rows.map((row) => ({
    createdId: row.created_id,
    unitFound: row.unit_found,
    guardPassed: row.guard_passed,
    existing: row.existing_id === null ? null : { id: row.existing_id, opinions: row.existing_opinions ?? 0 },
  }));
}

/**
 * The answer for a written (or already present) submission. A concurrent duplicate that committed
 * while the statement waited on it is invisible to the statement's snapshot: it is read once more.
 */
export async function settle(db: Queryable, written: { consultationId: number; externalId: string; opinions: number }, outcome: WriteOutcome): Promise<StoredSubmission> {
  if (outcome.createdId !== null) return { submissionId: outcome.createdId, opinions: written.opinions, created: true };
  if (outcome.existing) return { submissionId: outcome.existing.id, opinions: outcome.existing.opinions, created: false };
  const result = await clientOf(db).query<{ id: number; opinion_count: number }>({
    name: 'lantoa_intake_read_back',
    text: 'select id, opinion_count from submissions where consultation_id = $1::int and external_id = $2::text',
    values: [written.consultationId, written.externalId],
  });
  const existing = result.rows[0];
  if (!existing) fail('SUBMISSION_IN_PROGRESS');
  return { submissionId: existing.id, opinions: existing.opinion_count, created: false };
}
