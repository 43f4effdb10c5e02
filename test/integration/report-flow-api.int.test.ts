import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/app.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';
import { buildFlowFixture, type FlowFixture, type FlowUnit } from '../support/report-flow-fixtures.js';

/** The report API (issue 13, flow): fill, submit, review, versions, status, consolidation, monitoring, through HTTP with real sessions. */
const { db } = await createTestDatabase();
let app: App;
let f: FlowFixture;
const sessions = new Map<string, Session>();

async function as(role: 'editor' | 'viewer', unit: FlowUnit): Promise<Session> {
  const key = `${role}.${unit}`;
  const known = sessions.get(key);
  if (known) return known;
  const actor = await f.actor(role, unit);
  const session = await logInAs(app, actor.username);
  sessions.set(key, session);
  return session;
}
const base = (unit: FlowUnit) => `/api/v1/report-regimes/${f.regimeId}/periods/${f.closingDate}/units/${f.u[unit]}`;
const content = (values: Record<string, unknown>) => ({ values, notes: {}, prefilled: {}, narrative: ['Đã tổ chức hội nghị.', ''], noActivity: false });

beforeAll(async () => {
  app = await buildTestApp(db);
  f = await buildFlowFixture(db, { prefix: 'API' });
});
afterAll(async () => {
  await app.close();
});

describe('report API', () => {
  it('fills, autosaves, refuses bad values with every problem, submits, and shows the frozen version', async () => {
    const cell = await as('editor', 'C11');
    expect((await app.inject({ method: 'GET', url: `${base('C11')}/report` })).statusCode).toBe(401);
    const page = await app.inject({ method: 'GET', url: `${base('C11')}/report`, headers: cell.headers });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ editable: true, receives: false, versions: [], form: { outline: ['Kết quả', 'Hạn chế'] }, recipient: { id: f.u.K1 }, deadline: '2025-11-11T09:00:00.000Z' });
    const saved = await app.inject({ method: 'PUT', url: `${base('C11')}/report/draft`, headers: cell.headers, payload: { content: content({ HN: 3, NG: 1, TL: 120 }) } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toHaveProperty('savedAt');
    const bad = await app.inject({ method: 'POST', url: `${base('C11')}/report/submit`, headers: cell.headers, payload: {} });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'REPORT_VALUES_INVALID', details: { count: 2 } });
    expect((bad.json() as { details: { problems: { code: string }[] } }).details.problems.map((p) => p.code)).toEqual(['TL', 'NG']);
    const sent = await app.inject({ method: 'POST', url: `${base('C11')}/report/submit`, headers: cell.headers, payload: { content: content({ HN: 3, NG: 9, CO: true }) } });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ version: 1, late: true });
    const frozen = await app.inject({ method: 'GET', url: `${base('C11')}/report/versions/1`, headers: (await as('viewer', 'K1')).headers });
    expect(frozen.json()).toMatchObject({ version: 1, review: 'submitted', snapshot: { own: { values: { HN: 3, NG: 9, CO: true } }, values: { HN: 3, NG: 9, CO: true }, children: [] } });
    expect((await app.inject({ method: 'GET', url: `${base('C11')}/report/versions/2`, headers: cell.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `${base('C11')}/report`, headers: (await as('editor', 'C12')).headers })).statusCode).toBe(404);
  });

  it('lets the recipient return, approve and reopen; refuses the reporter and a sibling', async () => {
    const id = (await app.inject({ method: 'GET', url: `${base('C11')}/report`, headers: (await as('editor', 'C11')).headers })).json().versions[0].submissionId as number;
    const byCell = await app.inject({ method: 'POST', url: `/api/v1/report-submissions/${id}/approve`, headers: (await as('editor', 'C11')).headers });
    expect(byCell.statusCode).toBe(404);
    const bySibling = await app.inject({ method: 'POST', url: `/api/v1/report-submissions/${id}/return`, headers: (await as('editor', 'C12')).headers, payload: { reason: 'x' } });
    expect(bySibling.statusCode).toBe(404);
    const committee = await as('editor', 'K1');
    const returned = await app.inject({ method: 'POST', url: `/api/v1/report-submissions/${id}/return`, headers: committee.headers, payload: { reason: 'Thiếu số liệu' } });
    expect(returned.json()).toEqual({ submissionId: id, version: 1, review: 'returned', returnReason: 'Thiếu số liệu' });
    const v2 = (await app.inject({ method: 'POST', url: `${base('C11')}/report/submit`, headers: (await as('editor', 'C11')).headers, payload: {} })).json() as { submissionId: number; version: number };
    expect(v2.version).toBe(2);
    expect((await app.inject({ method: 'POST', url: `/api/v1/report-submissions/${v2.submissionId}/approve`, headers: committee.headers })).json()).toMatchObject({ review: 'approved' });
    const reopened = await app.inject({ method: 'POST', url: `/api/v1/report-submissions/${v2.submissionId}/reopen`, headers: committee.headers, payload: { reason: 'Bổ sung' } });
    expect(reopened.json()).toMatchObject({ review: 'returned', returnReason: 'Bổ sung' });
  });

  it('answers status (the CLI’s JSON keys), consolidation and monitoring', async () => {
    const viewer = await as('viewer', 'P');
    const status = (await app.inject({ method: 'GET', url: `${base('K1')}/status`, headers: viewer.headers })).json();
    expect(Object.keys(status)).toEqual(expect.arrayContaining(['unit', 'periodStart', 'periodEnd', 'deadline', 'expected', 'onTime', 'late', 'missing', 'returned', 'approved', 'reportingRate', 'timelinessRate', 'subtree', 'children']));
    expect(status).toMatchObject({ unit: 'API-K1', expected: 2, late: 1, missing: 1, returned: 1, reportingRate: 0.5, timelinessRate: 0, periodStart: '2025-11-05T09:00:00.000Z' });
    expect(status.children[0]).toMatchObject({ code: 'API-C11', status: 'late', review: 'returned' });
    const consolidation = await app.inject({ method: 'GET', url: `${base('K1')}/consolidation`, headers: viewer.headers });
    expect(consolidation.statusCode).toBe(200);
    expect(consolidation.json()).toMatchObject({ unit: { code: 'API-K1' }, values: { HN: null }, live: { HN: null } });
    const monitoring = await app.inject({ method: 'GET', url: `/api/v1/report-regimes/${f.regimeId}/monitoring?periods=3`, headers: viewer.headers });
    expect(monitoring.statusCode).toBe(200);
    expect(monitoring.json().units.map((u: { code: string }) => u.code)).toEqual(['API-K1', 'API-K2']);
    const outside = await app.inject({ method: 'GET', url: `/api/v1/report-regimes/${f.regimeId}/monitoring?unitId=${f.u.K2}`, headers: (await as('viewer', 'K1')).headers });
    expect(outside.statusCode).toBe(404);
  });
});
