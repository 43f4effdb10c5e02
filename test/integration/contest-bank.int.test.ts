import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';
import { buildDrawnAttempt, contestDefinition } from '../support/contest-fixtures.js';

/** The question bank API: write, list with the key, edit in place until drawn then as a new version, disputed, retire, access rows. */
const { db } = await createTestDatabase();
const app = await buildTestApp(db);
const id: Record<string, number> = {};
const s: Record<string, Session> = {};
let contestId = 0;

const question = { text: 'Đại hội XIII của Đảng họp năm nào?', options: ['2016', '2021', '2026'], correct: [1], topic: 'Đại hội', difficulty: 'easy', source: 'dangcongsan.vn' };
const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: unknown) => app.inject({ method, url: `/api/v1${url}`, headers: s[who]?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });

beforeAll(async () => {
  id.TU = (await buildUnit(db, { code: 'TU', name: 'Tỉnh ủy', kind: 'party_committee' })).id;
  id.DB = (await buildUnit(db, { code: 'DB', name: 'Đảng bộ xã', kind: 'party_committee', parentId: id.TU })).id;
  id.X = (await buildUnit(db, { code: 'X', name: 'Tỉnh khác', kind: 'party_committee' })).id;
  for (const [username, role, unit] of [
    ['bt.tu', 'editor', 'TU'],
    ['xem.tu', 'viewer', 'TU'],
    ['bt.x', 'editor', 'X'],
    ['bt.db', 'editor', 'DB'],
  ] as const) {
    await buildUser(db, { username, role, unitId: id[unit] ?? null });
    s[username] = await logInAs(app, username);
  }
  contestId = (await call('POST', '/contests', 'bt.tu', contestDefinition('DH', 'TU'))).json().id;
});

describe('the question bank', () => {
  let questionId = 0;

  it('writes a question (201), refuses the same question again (409) and a bad one (400), lists it with its key', async () => {
    const created = await call('POST', `/contests/${contestId}/questions`, 'bt.tu', question);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ...question, version: 1, disputed: false, used: false, retired: false, explanation: '' });
    questionId = created.json().id;
    const again = await call('POST', `/contests/${contestId}/questions`, 'bt.tu', { ...question, text: ' Đại hội  XIII của Đảng họp năm nào? ', topic: 'Khác' });
    expect(again.statusCode).toBe(409);
    expect(again.json().reason).toBe('CONTEST_QUESTION_DUPLICATE');
    const bad = await call('POST', `/contests/${contestId}/questions`, 'bt.tu', { ...question, options: ['a', 'A'], correct: [3] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('Phương án B trùng với phương án A');
    expect(bad.json().message).toContain('Đáp án D không trỏ vào phương án nào');
    const list = await call('GET', `/contests/${contestId}/questions?difficulty=easy`, 'xem.tu');
    expect(list.json()).toEqual([expect.objectContaining({ id: questionId, correct: [1] })]);
    expect((await call('GET', `/contests/${contestId}/questions?difficulty=hard`, 'xem.tu')).json()).toEqual([]);
  });

  it('edits in place while never drawn, then as a new version once an attempt drew it; the attempt keeps its version', async () => {
    const inPlace = await call('PUT', `/contest-questions/${questionId}`, 'bt.tu', { ...question, explanation: 'Năm 2021.' });
    expect(inPlace.json()).toMatchObject({ version: 1, explanation: 'Năm 2021.' });
    const firstVersionId = inPlace.json().versionId as number;
    const round = await db.execute<{ id: number }>(sql`select id from contest_rounds where contest_id = ${contestId} and number = 1`);
    await buildDrawnAttempt(db, { contestId, roundId: round.rows[0]?.id as number, unitId: id.DB as number, versionIds: [firstVersionId] });
    expect((await call('GET', `/contests/${contestId}/questions`, 'bt.tu')).json()[0]).toMatchObject({ used: true });
    // Only the disputed flag: no new version.
    const flagged = await call('PUT', `/contest-questions/${questionId}`, 'bt.tu', { ...question, explanation: 'Năm 2021.', disputed: true });
    expect(flagged.json()).toMatchObject({ version: 1, versionId: firstVersionId, disputed: true });
    expect((await call('GET', `/contests/${contestId}/questions?disputed=true`, 'bt.tu')).json()).toHaveLength(1);
    const edited = await call('PUT', `/contest-questions/${questionId}`, 'bt.tu', { ...question, options: ['2016', '2021', '2025'], explanation: 'Năm 2021.' });
    expect(edited.json()).toMatchObject({ version: 2, options: ['2016', '2021', '2025'], used: true, disputed: false });
    const versions = await call('GET', `/contest-questions/${questionId}/versions`, 'xem.tu');
    expect(versions.json().map((v: { version: number; options: string[]; current: boolean }) => [v.version, v.options[2], v.current])).toEqual([
      [1, '2026', false],
      [2, '2025', true],
    ]);
    const attempt = await db.execute<{ version_id: number }>(sql`select (questions->0->>'versionId')::int as version_id from contest_attempts`);
    expect(attempt.rows[0]?.version_id).toBe(firstVersionId);
    const audit = await db.execute<{ action: string }>(sql`select action from audit_log where entity_type = 'contest_question' order by id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['contest.question_create', 'contest.question_update', 'contest.question_update', 'contest.question_update']);
  });

  it('retires a question out of the list; a retired question cannot be edited', async () => {
    const retired = await call('POST', `/contest-questions/${questionId}/retire`, 'bt.tu');
    expect(retired.json()).toMatchObject({ retired: true });
    expect((await call('GET', `/contests/${contestId}/questions`, 'bt.tu')).json()).toEqual([]);
    expect((await call('GET', `/contests/${contestId}/questions?retired=true`, 'bt.tu')).json()).toHaveLength(1);
    expect((await call('PUT', `/contest-questions/${questionId}`, 'bt.tu', question)).statusCode).toBe(409);
  });

  it('is written by editors of the organiser only: viewers 403, another subtree 404 (the key never shown there)', async () => {
    expect((await call('POST', `/contests/${contestId}/questions`, 'xem.tu', { ...question, text: 'Khác?' })).statusCode).toBe(403);
    expect((await call('PUT', `/contest-questions/${questionId}`, 'xem.tu', question)).statusCode).toBe(403);
    expect((await call('POST', `/contests/${contestId}/questions`, 'bt.x', { ...question, text: 'Khác?' })).statusCode).toBe(404);
    expect((await call('GET', `/contests/${contestId}/questions`, 'bt.x')).statusCode).toBe(404);
    expect((await call('GET', `/contests/${contestId}/questions`, 'bt.db')).statusCode).toBe(404);
    expect((await call('GET', `/contest-questions/${questionId}/versions`, 'bt.db')).statusCode).toBe(404);
    expect((await call('POST', `/contest-questions/${questionId}/retire`, 'bt.x')).statusCode).toBe(404);
    expect((await call('GET', `/contests/${contestId}/questions/template.xlsx`, 'bt.x')).statusCode).toBe(404);
  });
});
