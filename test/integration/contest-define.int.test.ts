import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliActor, type Actor, type Role } from '../../src/platform/access/roles.js';
import { AppError } from '../../src/platform/errors.js';
import { defineContest } from '../../src/modules/contests/define/define-contest.js';
import type { ContestDefinitionInput } from '../../src/modules/contests/define/schemas.js';
import { buildUnit, buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';

/** Defining contests: create, update by code, the lock of an opened round at its exact instant, audit rows, access. */
const { db } = await createTestDatabase();
const id: Record<string, number> = {};
const admin = cliActor();
const vn = (local: string) => new Date(`${local}+07:00`);

async function actorOn(role: Role, unitCode: string): Promise<Actor> {
  const user = await buildUser(db, { unitId: id[unitCode] ?? null });
  return { userId: user.id, username: user.username, grants: [{ id: user.id, role, unitId: id[unitCode] ?? null }], ip: null };
}

const round = (number: number, opens: string, closes: string, extra: Record<string, unknown> = {}) => ({
  number,
  opens: `${opens}+07:00`,
  closes: `${closes}+07:00`,
  questionsPerAttempt: 10,
  timeLimitSeconds: 600,
  attemptsAllowed: 7,
  prediction: 'perfect-scores' as const,
  prizes: [{ name: 'Giải Nhất', count: 1 }],
  ...extra,
});

const definition = (extra: Partial<ContestDefinitionInput> = {}): ContestDefinitionInput => ({
  code: 'DH-TIMHIEU',
  title: 'Tìm hiểu các kỳ Đại hội Đảng',
  organiserUnit: 'TU',
  audience: 'public',
  rules: 'Thể lệ',
  rounds: [round(1, '2026-01-05T08:00:00', '2026-01-11T20:00:00'), round(2, '2026-01-12T08:00:00', '2026-01-18T20:00:00')],
  ...extra,
});

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  id.TU = (await buildUnit(db, { code: 'TU', name: 'Tỉnh ủy', kind: 'party_committee' })).id;
  id.DB = (await buildUnit(db, { code: 'DB', name: 'Đảng bộ xã', kind: 'party_committee', parentId: id.TU })).id;
  id.X = (await buildUnit(db, { code: 'X', name: 'Tỉnh khác', kind: 'party_committee' })).id;
});

describe('defineContest', () => {
  it('creates with grace 5 s by default, warns about the empty pool, then updates by code', async () => {
    const before = vn('2026-01-01T00:00:00');
    const created = await defineContest(db, { actor: admin, definition: definition(), now: before });
    expect(created).toMatchObject({ code: 'DH-TIMHIEU', created: true });
    expect(created.warnings.map((w) => [w.code, w.round])).toEqual([
      ['CONTEST_POOL_SMALL', 1],
      ['CONTEST_POOL_SMALL', 2],
    ]);
    const rounds = await db.execute<{ number: number; grace_seconds: number; opens_at: Date }>(sql`select number, grace_seconds, opens_at from contest_rounds where contest_id = ${created.id} order by number`);
    expect(rounds.rows.map((r) => [r.number, r.grace_seconds])).toEqual([
      [1, 5],
      [2, 5],
    ]);
    expect(new Date(rounds.rows[0]?.opens_at as Date).toISOString()).toBe('2026-01-05T01:00:00.000Z');
    const updated = await defineContest(db, { actor: admin, definition: definition({ title: 'Tên mới', rounds: [round(1, '2026-01-05T08:00:00', '2026-01-11T20:00:00', { attemptsAllowed: 3 })] }), now: before });
    expect(updated).toMatchObject({ id: created.id, created: false });
    const audit = await db.execute<{ action: string; before: unknown; after: unknown }>(sql`select action, before, after from audit_log where action like 'contest.%' order by id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['contest.define', 'contest.round_update', 'contest.round_update', 'contest.update']);
    // Round 2 removed (after null), round 1's attempts 7 → 3.
    expect(audit.rows[1]).toMatchObject({ before: { number: 2 }, after: null });
    expect(audit.rows[2]).toMatchObject({ before: { number: 1, attemptsAllowed: 7 }, after: { number: 1, attemptsAllowed: 3 } });
    expect(audit.rows[3]).toMatchObject({ before: { title: 'Tìm hiểu các kỳ Đại hội Đảng' }, after: { title: 'Tên mới' } });
  });

  it('locks a round at its exact opening instant, names it, and lets the other rounds change', async () => {
    const base = definition({ code: 'LOCK' });
    await defineContest(db, { actor: admin, definition: base, now: vn('2026-01-01T00:00:00') });
    const changed = definition({ code: 'LOCK', rounds: [round(1, '2026-01-05T08:00:00', '2026-01-11T20:00:00', { timeLimitSeconds: 300 }), base.rounds[1] as never] });
    // One millisecond before opening: still changeable.
    const justBefore = new Date(vn('2026-01-05T08:00:00').getTime() - 1);
    await expect(defineContest(db, { actor: admin, definition: changed, now: justBefore })).resolves.toMatchObject({ created: false });
    const back = definition({ code: 'LOCK' });
    const atOpening = vn('2026-01-05T08:00:00');
    const locked = await refusal(defineContest(db, { actor: admin, definition: back, now: atOpening }));
    expect(locked.reason).toBe('CONTEST_ROUND_LOCKED');
    expect(locked.status).toBe(409);
    expect(locked.message).toContain('Vòng 1');
    expect(locked.message).toContain('08:00 05/01/2026');
    // Leaving the opened round out is a change too.
    const dropped = await refusal(defineContest(db, { actor: admin, definition: definition({ code: 'LOCK', rounds: [base.rounds[1] as never] }), now: atOpening }));
    expect(dropped.reason).toBe('CONTEST_ROUND_LOCKED');
    // Round 1 unchanged (as stored), round 2 changed: accepted.
    const otherRound = definition({ code: 'LOCK', rounds: [changed.rounds[0] as never, round(2, '2026-01-12T08:00:00', '2026-01-18T20:00:00', { attemptsAllowed: 2 })] });
    await expect(defineContest(db, { actor: admin, definition: otherRound, now: atOpening })).resolves.toMatchObject({ created: false });
    const stored = await db.execute<{ number: number; time_limit_seconds: number; attempts_allowed: number }>(sql`select r.number, r.time_limit_seconds, r.attempts_allowed from contest_rounds r join contests c on c.id = r.contest_id where c.code = 'LOCK' order by r.number`);
    expect(stored.rows).toEqual([
      { number: 1, time_limit_seconds: 300, attempts_allowed: 7 },
      { number: 2, time_limit_seconds: 600, attempts_allowed: 2 },
    ]);
    const audience = await refusal(defineContest(db, { actor: admin, definition: { ...otherRound, audience: 'internal' }, now: atOpening }));
    expect(audience.reason).toBe('CONTEST_AUDIENCE_LOCKED');
  });

  it('lists every problem of a bad definition with its path', async () => {
    const bad = definition({
      code: 'BAD',
      rounds: [
        round(1, '2026-01-05T08:00:00', '2026-01-05T08:00:00'),
        round(1, '2026-02-01T08:00:00', '2026-02-10T08:00:00', { prizes: [{ name: 'Giải Ba', count: 0 }], attemptsAllowed: 0 }),
        round(3, '2026-02-05T08:00:00', '2026-02-20T08:00:00'),
      ],
    });
    const schema = await refusal(defineContest(db, { actor: admin, definition: bad }));
    expect(schema.reason).toBe('CONTEST_DEFINITION_INVALID');
    const paths = (schema.details as { problems: { path: string }[] }).problems.map((p) => p.path);
    expect(paths).toEqual(['rounds.1.attemptsAllowed', 'rounds.1.prizes.0.count']);
    const crossField = await refusal(defineContest(db, { actor: admin, definition: { ...bad, rounds: bad.rounds.map((r) => ({ ...r, prizes: [], attemptsAllowed: 1 })) } }));
    const problems = (crossField.details as { problems: { path: string; message: string }[] }).problems;
    expect(problems.map((p) => p.path)).toEqual(['rounds.0.closes', 'rounds.1.number', 'rounds.2.opens']);
    expect(problems[2]?.message).toContain('Vòng 3 mở lúc 08:00 05/02/2026, trước khi vòng 1 đóng');
    const unknown = await refusal(defineContest(db, { actor: admin, definition: definition({ code: 'U', organiserUnit: 'KHONG-CO' }) }));
    expect([unknown.reason, unknown.message]).toEqual(['CONTEST_UNIT_UNKNOWN', 'Không có đơn vị mã "KHONG-CO".']);
    const outside = await refusal(defineContest(db, { actor: admin, definition: definition({ code: 'U', audience: 'internal', audienceUnit: 'X' }) }));
    expect(outside.reason).toBe('CONTEST_AUDIENCE_UNIT_OUTSIDE');
  });

  it('needs an editor of the organiser: a viewer is refused 403, an editor elsewhere 404', async () => {
    const viewer = await actorOn('viewer', 'TU');
    expect((await refusal(defineContest(db, { actor: viewer, definition: definition({ code: 'V' }) }))).status).toBe(403);
    const foreign = await actorOn('editor', 'X');
    expect((await refusal(defineContest(db, { actor: foreign, definition: definition({ code: 'V' }) }))).status).toBe(404);
    expect((await refusal(defineContest(db, { actor: foreign, definition: definition({ code: 'DH-TIMHIEU', organiserUnit: 'X' }) }))).status).toBe(404);
    const below = await actorOn('editor', 'DB');
    expect((await refusal(defineContest(db, { actor: below, definition: definition({ code: 'DH-TIMHIEU', organiserUnit: 'DB' }) }))).status).toBe(404);
    const editor = await actorOn('editor', 'TU');
    const internal = await defineContest(db, { actor: editor, definition: definition({ code: 'NOIBO', audience: 'internal' }) });
    const row = await db.execute<{ audience_unit_id: number }>(sql`select audience_unit_id from contests where id = ${internal.id}`);
    expect(row.rows[0]?.audience_unit_id).toBe(id.TU);
  });
});
