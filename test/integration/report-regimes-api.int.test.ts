import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

/** The regime API: define, read back, list by visibility, periods opened on demand, archive, proposal from seed 004. */
const { db } = await createTestDatabase();
const app = await buildTestApp(db);
const seed004 = readFileSync(path.resolve(import.meta.dirname, '../fixtures/directives/004_a0fd7ee58ac0dcea.txt'), 'utf8');
const id: Record<string, number> = {};
let editor: Session;
let cellViewer: Session;
let siblingViewer: Session;
let outsider: Session;

const definition = {
  code: 'DU-TUAN',
  name: 'Báo cáo tuần',
  issuerUnit: 'DU',
  type: 'periodic',
  frequency: { kind: 'weekly', weekday: 'wednesday', time: '16:00' },
  reportingUnitKinds: ['party_cell'],
  reportingUnits: ['DB'],
  deadlines: [{ unitKinds: ['party_cell'], weekday: 'tuesday', time: '16:00' }],
  indicators: [{ code: 'HN', label: 'Số hội nghị', type: 'integer', aggregation: 'sum' }],
  outline: ['Kết quả'],
};

beforeAll(async () => {
  id.DU = (await buildUnit(db, { code: 'DU', name: 'Đảng ủy UBND tỉnh', kind: 'party_committee' })).id;
  id.DB = (await buildUnit(db, { code: 'DB', name: 'Đảng bộ Sở', kind: 'party_committee', parentId: id.DU })).id;
  id.CB1 = (await buildUnit(db, { code: 'CB1', name: 'Chi bộ 1', kind: 'party_cell', parentId: id.DB })).id;
  id.CB2 = (await buildUnit(db, { code: 'CB2', name: 'Chi bộ 2', kind: 'other', parentId: id.DB })).id;
  id.X = (await buildUnit(db, { code: 'X', name: 'Khác', kind: 'party_committee' })).id;
  await buildUser(db, { username: 'bt.du', role: 'editor', unitId: id.DU });
  await buildUser(db, { username: 'xem.cb1', role: 'viewer', unitId: id.CB1 });
  await buildUser(db, { username: 'xem.cb2', role: 'viewer', unitId: id.CB2 });
  await buildUser(db, { username: 'bt.x', role: 'editor', unitId: id.X });
  editor = await logInAs(app, 'bt.du');
  cellViewer = await logInAs(app, 'xem.cb1');
  siblingViewer = await logInAs(app, 'xem.cb2');
  outsider = await logInAs(app, 'bt.x');
});

describe('the report regime API', () => {
  let regimeId = 0;

  it('creates (201 with warnings), refuses the same code again (409), gives the definition back with codes', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/v1/report-regimes', headers: editor.headers, payload: definition });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ id: expect.any(Number), code: 'DU-TUAN', warnings: [] });
    regimeId = created.json().id;
    const again = await app.inject({ method: 'POST', url: '/api/v1/report-regimes', headers: editor.headers, payload: definition });
    expect(again.statusCode).toBe(409);
    const got = await app.inject({ method: 'GET', url: `/api/v1/report-regimes/${regimeId}`, headers: editor.headers });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({
      ...definition,
      id: regimeId,
      issuer: { id: id.DU, code: 'DU', name: 'Đảng ủy UBND tỉnh' },
      reportingSubtrees: [],
      recipientMode: 'nearest',
      form: { sections: [{ title: 'Số liệu', indicators: definition.indicators }], relations: [], outline: ['Kết quả'] },
      archived: false,
      currentPeriod: { key: expect.any(String), closingDate: expect.any(String) },
    });
  });

  it('updates through PUT, refuses an outsider (404) and a bad body (400)', async () => {
    const put = await app.inject({ method: 'PUT', url: `/api/v1/report-regimes/${regimeId}`, headers: editor.headers, payload: { ...definition, name: 'Báo cáo tuần (sửa)' } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ id: regimeId, code: 'DU-TUAN', warnings: [] });
    const foreign = await app.inject({ method: 'PUT', url: `/api/v1/report-regimes/${regimeId}`, headers: outsider.headers, payload: definition });
    expect(foreign.statusCode).toBe(404);
    const bad = await app.inject({ method: 'POST', url: '/api/v1/report-regimes', headers: editor.headers, payload: { ...definition, code: 'B', frequency: { kind: 'daily' } } });
    expect(bad.statusCode).toBe(400);
  });

  it('lists periods (opened on demand) and shows the regime to units expected in its latest period only', async () => {
    const periods = await app.inject({ method: 'GET', url: `/api/v1/report-regimes/${regimeId}/periods?from=2025-11-01&to=2025-11-20`, headers: editor.headers });
    expect(periods.statusCode).toBe(200);
    expect(periods.json().map((p: { closingDate: string }) => p.closingDate)).toEqual(['2025-11-05', '2025-11-12', '2025-11-19', '2025-11-26']);
    expect(periods.json()[1]).toEqual({ key: '2025-11-12', closingDate: '2025-11-12', start: '2025-11-05T09:00:00.000Z', end: '2025-11-12T09:00:00.000Z', label: expect.stringContaining('Tuần 06/11/2025') });
    const recent = await app.inject({ method: 'GET', url: `/api/v1/report-regimes/${regimeId}/periods`, headers: editor.headers });
    expect(recent.json()).toHaveLength(12);

    const asCell = await app.inject({ method: 'GET', url: '/api/v1/report-regimes', headers: cellViewer.headers });
    expect(asCell.json()).toEqual([{ id: regimeId, code: 'DU-TUAN', name: 'Báo cáo tuần (sửa)', type: 'periodic', issuer: { id: id.DU, code: 'DU', name: 'Đảng ủy UBND tỉnh' }, frequency: definition.frequency, archived: false }]);
    expect((await app.inject({ method: 'GET', url: `/api/v1/report-regimes?unitId=${id.CB1}`, headers: cellViewer.headers })).json()).toHaveLength(1);
    expect((await app.inject({ method: 'GET', url: '/api/v1/report-regimes', headers: siblingViewer.headers })).json()).toEqual([]);
    expect((await app.inject({ method: 'GET', url: `/api/v1/report-regimes/${regimeId}`, headers: siblingViewer.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/report-regimes', headers: outsider.headers })).json()).toEqual([]);
  });

  it('archives: a unit below may not (404), the editor may', async () => {
    expect((await app.inject({ method: 'POST', url: `/api/v1/report-regimes/${regimeId}/archive`, headers: cellViewer.headers })).statusCode).toBe(404);
    const archived = await app.inject({ method: 'POST', url: `/api/v1/report-regimes/${regimeId}/archive`, headers: editor.headers });
    expect(archived.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/report-regimes', headers: editor.headers })).json()[0].archived).toBe(true);
  });

  it('proposes seed 004\'s regime: weekly, Wednesday 16:00, every level at the cut-off, named from the subject', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/report-regimes/proposal', headers: editor.headers, payload: { text: seed004, issuerUnitId: id.DU, directiveId: 7 } });
    expect(res.statusCode).toBe(200);
    const proposal = res.json();
    expect(proposal).toMatchObject({ issuerUnit: 'DU', type: 'periodic', frequency: { kind: 'weekly', weekday: 'wednesday', time: '16:00' }, deadlines: [], sourceDirectiveId: 7 });
    expect(proposal.name).toContain('Đẩy mạnh tuyên truyền; tổ chức tốt đợt cao điểm lấy ý kiến');
    const confirmed = await app.inject({ method: 'POST', url: '/api/v1/report-regimes', headers: editor.headers, payload: { ...proposal, reportingUnitKinds: ['party_committee', 'party_cell'] } });
    expect(confirmed.statusCode).toBe(201);
    const none = await app.inject({ method: 'POST', url: '/api/v1/report-regimes/proposal', headers: editor.headers, payload: { text: 'Kính gửi các chi bộ. Đề nghị báo cáo khi có yêu cầu.' } });
    expect(none.statusCode).toBe(400);
    expect(none.json().reason).toBe('REPORT_REGIME_NO_RULE');
  });
});
