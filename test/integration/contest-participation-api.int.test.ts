import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/app.js';
import { createTestDatabase } from '../support/db.js';
import { buildUnit, buildUser } from '../support/factories.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';
import { runLantoa } from '../support/cli.js';
import { buildAttempts, buildContest, buildParticipant, hoursAfter, setHeadcount, writeTallies, type AttemptInput } from '../support/contest-stats-fixture.js';

/**
 * Participation over HTTP and the CLI: access rows (a viewer of U sees U's subtree, a viewer of
 * another subtree gets 404), the collective ranking (rate, then mean first-attempt score; no
 * headcount last with a note), the per-round series, and `lantoa contests participation --json`.
 * Tree: province P (organiser) → districts D1 (→ commune X1), D2; another province Q.
 */
const database = await createTestDatabase();
const { db } = database;
let app: App;
let dir: string;
const ids: Record<string, number> = {};
const sessions: Record<string, Session> = {};
const opens = new Date('2026-11-02T01:00:00Z');

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-contest-stats-'));
  ids.P = (await buildUnit(db, { code: 'TP-P', name: 'Tỉnh ủy P', kind: 'party_committee' })).id;
  ids.D1 = (await buildUnit(db, { code: 'TP-D1', name: 'Đảng ủy D1', kind: 'party_committee', parentId: ids.P })).id;
  ids.D2 = (await buildUnit(db, { code: 'TP-D2', name: 'Đảng ủy D2', kind: 'party_committee', parentId: ids.P })).id;
  ids.X1 = (await buildUnit(db, { code: 'TP-X1', name: 'Chi bộ X1', kind: 'party_cell', parentId: ids.D1 })).id;
  ids.Q = (await buildUnit(db, { code: 'TQ', name: 'Tỉnh ủy Q', kind: 'party_committee' })).id;
  await setHeadcount(db, ids.D1, 10);
  await setHeadcount(db, ids.X1, 5);
  await setHeadcount(db, ids.Q, 7);
  const { contest, rounds } = await buildContest(db, {
    organiserUnitId: ids.P,
    code: 'DH-TEST',
    collectivePrizes: [{ name: 'Giải tập thể', count: 1 }],
    rounds: [1, 2].map((number) => ({ number, opensAt: hoursAfter(opens, (number - 1) * 168), closesAt: hoursAfter(opens, number * 168 - 1) })),
  });
  ids.contest = contest.id;
  const [r1, r2] = rounds;
  const attempts: AttemptInput[] = [];
  const person = async (unitId: number, scores: [number, number | null][]) => {
    const participantId = await buildParticipant(db, { contestId: contest.id, unitId });
    scores.forEach(([roundIndex, score], i) => attempts.push({ roundId: (roundIndex === 1 ? r1 : r2)!.id, participantId, unitId, number: i + 1, score, maxScore: 10, startedAt: hoursAfter(opens, i + 1) }));
  };
  await person(ids.X1, [[1, 10], [1, 10], [1, 9]]);
  await person(ids.X1, [[1, 6]]);
  await person(ids.D1, [[1, 7]]);
  await person(ids.D2, [[1, 10]]);
  await person(ids.D2, [[1, 4], [1, null]]);
  await buildAttempts(db, attempts);
  await writeTallies(db, contest.id, attempts, new Map(rounds.map((r) => [r.id, r.number])));
  for (const [name, role, unit] of [['vP', 'viewer', ids.P], ['vD1', 'viewer', ids.D1], ['vQ', 'viewer', ids.Q]] as const) {
    await buildUser(db, { username: `stats.${name}`, role, unitId: unit });
  }
  app = await buildTestApp(db);
  for (const name of ['vP', 'vD1', 'vQ']) sessions[name] = await logInAs(app, `stats.${name}`);
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (who: string, url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: sessions[who]!.headers });

describe('participation over HTTP', () => {
  it('a viewer of D1 sees D1’s subtree and its children: people never counted as attempts, rate = people ÷ headcount', async () => {
    const response = await get('vD1', `/contests/${ids.contest}/participation?unitId=${ids.D1}&round=1`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ unit: 'TP-D1', name: 'Đảng ủy D1', round: 1, attempts: 5, people: 3, perfectScores: 1, headcount: 15, participationRate: 3 / 15 });
    expect(body.meanFirstAttemptScore).toBeCloseTo((10 + 6 + 7) / 3, 12);
    expect(body.children).toEqual([
      { code: 'TP-X1', unitId: ids.X1, name: 'Chi bộ X1', attempts: 4, people: 2, perfectScores: 1, headcount: 5, participationRate: 0.4, meanFirstAttemptScore: 8 },
    ]);
  });

  it('the organiser by default; the whole contest when no round is given', async () => {
    const body = (await get('vP', `/contests/${ids.contest}/participation`)).json();
    expect(body).toMatchObject({ unit: 'TP-P', round: 0, attempts: 7, people: 5, perfectScores: 2, headcount: 15, participationRate: 5 / 15 });
    expect(body.children.map((c: { code: string; headcount: number | null }) => [c.code, c.headcount])).toEqual([['TP-D1', 15], ['TP-D2', null]]);
    expect(body.children[1].participationRate).toBeNull();
  });

  it('access rows: a viewer of another subtree gets 404 (the organiser, D1, the statistics), unknown contest or round 404', async () => {
    expect((await get('vD1', `/contests/${ids.contest}/participation`)).statusCode).toBe(404);
    expect((await get('vQ', `/contests/${ids.contest}/participation?unitId=${ids.D1}`)).statusCode).toBe(404);
    expect((await get('vQ', `/contests/${ids.contest}/participation/series?unitId=${ids.D1}`)).statusCode).toBe(404);
    expect((await get('vQ', `/contests/${ids.contest}/collective-ranking`)).statusCode).toBe(404);
    expect((await get('vD1', `/contests/${ids.contest}/rounds/1/item-statistics`)).statusCode).toBe(404);
    expect((await get('vQ', `/contests/${ids.contest}/participation?unitId=${ids.Q}`)).json()).toMatchObject({ unit: 'TQ', attempts: 0, people: 0, headcount: 7, participationRate: 0 });
    expect((await get('vP', `/contests/999999/participation`)).json()).toMatchObject({ reason: 'CONTEST_NOT_FOUND' });
    expect((await get('vP', `/contests/${ids.contest}/participation?round=9`)).json()).toMatchObject({ reason: 'CONTEST_ROUND_NOT_FOUND' });
    expect((await app.inject({ method: 'GET', url: `/api/v1/contests/${ids.contest}/participation` })).statusCode).toBe(401);
  });

  it('collective ranking: by rate then mean first-attempt score; a unit without headcount last, unranked, with a note', async () => {
    const response = await get('vP', `/contests/${ids.contest}/collective-ranking?round=1`);
    expect(response.statusCode).toBe(200);
    const rows = response.json();
    expect(rows.map((r: { rank: number | null; unit: { code: string }; prize: string | null }) => [r.rank, r.unit.code, r.prize])).toEqual([
      [1, 'TP-D1', 'Giải tập thể'],
      [null, 'TP-D2', null],
    ]);
    expect(rows[1].note).toMatch(/chưa khai báo số người/);
    expect(rows[1].people).toBe(2);
  });

  it('series: one point per round of the subtree, rounds nobody took part in yet at zero', async () => {
    const body = (await get('vD1', `/contests/${ids.contest}/participation/series?unitId=${ids.D1}`)).json();
    expect(body).toEqual([
      { number: 1, attempts: 5, people: 3, perfectScores: 1, participationRate: 0.2, meanFirstAttemptScore: 23 / 3 },
      { number: 2, attempts: 0, people: 0, perfectScores: 0, participationRate: 0, meanFirstAttemptScore: null },
    ]);
  });
});

describe('lantoa contests participation', () => {
  const lantoa = (args: string[]) => runLantoa(['contests', 'participation', ...args], { databaseUrl: database.url, dir });

  it('--json prints exactly {unit, attempts, people, perfectScores, headcount, participationRate, children:[{code, …}]}', () => {
    const result = lantoa(['--contest', 'DH-TEST', '--unit', 'TP-D1', '--round', '1', '--json']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const body = JSON.parse(result.out);
    expect(Object.keys(body)).toEqual(['unit', 'attempts', 'people', 'perfectScores', 'headcount', 'participationRate', 'children']);
    expect(body).toEqual({
      unit: 'TP-D1', attempts: 5, people: 3, perfectScores: 1, headcount: 15, participationRate: 0.2,
      children: [{ code: 'TP-X1', attempts: 4, people: 2, perfectScores: 1, headcount: 5, participationRate: 0.4 }],
    });
  });

  it('without --round: the whole contest; unknown codes and a bad round are usage errors (exit 2)', () => {
    expect(JSON.parse(lantoa(['--contest', 'DH-TEST', '--unit', 'TP-P', '--json']).out)).toMatchObject({ unit: 'TP-P', attempts: 7, people: 5 });
    expect(lantoa(['--contest', 'KHONG-CO', '--unit', 'TP-P', '--json']).code).toBe(2);
    expect(lantoa(['--contest', 'DH-TEST', '--unit', 'KHONG-CO', '--json']).code).toBe(2);
    expect(lantoa(['--contest', 'DH-TEST', '--unit', 'TP-P', '--round', 'x']).code).toBe(2);
  });
});
