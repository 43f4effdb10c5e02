import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/app.js';
import { buildContest, sampleQuestions } from '../support/contest-fixture.js';
import { buildTakeApp, registration } from '../support/contest-take.js';
import { createTestDatabase } from '../support/db.js';
import { buildUnit } from '../support/factories.js';

/**
 * The deadline peak's saves rewrite attempt rows in place (issue 14 item 10): contest_attempts keeps
 * room on its pages (fillfactor 60, migration 0025), so a save's new row version stays on its page
 * as a HOT update that writes no index entry. With full pages every first save moved its row.
 */
const { db } = await createTestDatabase();
let app: App;
const HOUR = 3_600_000;
const PEOPLE = 80;

beforeAll(async () => {
  const unit = await buildUnit(db, { name: 'Đảng ủy xã Tân Phong', kind: 'party_committee' });
  await buildContest(db, {
    code: 'HOT',
    organiserUnitId: unit.id,
    rounds: [{ number: 1, opensAt: new Date(Date.now() - HOUR), closesAt: new Date(Date.now() + HOUR), questionsPerAttempt: 10, timeLimitSeconds: 600, attemptsAllowed: 3 }],
    questions: sampleQuestions(12),
  });
  app = await buildTakeApp(db);
  for (let i = 0; i < PEOPLE; i++) {
    const registered = await app.inject({ method: 'POST', url: '/api/v1/public/contests/HOT/participants', payload: registration(unit.id) });
    const started = await app.inject({ method: 'POST', url: '/api/v1/public/contests/HOT/rounds/1/attempts', headers: { 'x-participant-token': registered.json().participantToken } });
    expect(started.statusCode).toBe(201);
    tokens.push(started.json().attemptToken as string);
  }
});
afterAll(async () => app.close());
const tokens: string[] = [];

/** Each attempt's heap page (the block number of its current row version). */
async function pages(): Promise<Map<number, string>> {
  const rows = (await db.execute<{ id: number; page: string }>(sql`select id, (ctid::text::point)[0]::text as page from contest_attempts`)).rows;
  return new Map(rows.map((r) => [Number(r.id), r.page]));
}

describe('answer saves at the peak', () => {
  it('keep almost every attempt row on its page (HOT updates) over several pages of attempts', async () => {
    const before = await pages();
    expect(new Set(before.values()).size).toBeGreaterThanOrEqual(3);
    for (const position of [0, 1, 2]) {
      for (const token of tokens) {
        const saved = await app.inject({ method: 'PUT', url: `/api/v1/public/attempts/${token}/answers/${position}`, payload: { chosen: [position % 2] } });
        expect(saved.statusCode).toBe(200);
      }
    }
    const after = await pages();
    const stayed = [...before].filter(([id, page]) => after.get(id) === page).length;
    expect(stayed / before.size).toBeGreaterThanOrEqual(0.9);
  });
});
