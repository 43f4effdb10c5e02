import { sql } from 'drizzle-orm';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/app.js';
import { computeRoundFlags } from '../../src/modules/contests/flags/compute-flags.js';
import { participantToken } from '../../src/modules/contests/participants/tokens.js';
import { createTestDatabase } from '../support/db.js';
import { buildUnit, buildUser } from '../support/factories.js';
import { logInAs, type Session } from '../support/http.js';
import { buildTakeApp, CONTACT_KEY } from '../support/contest-take.js';
import { loadXlsx } from '../support/report-documents.js';
import { buildResultsFixture, type ResultsFixture } from '../support/contest-results-fixture.js';

/** Issue 14 item 5 over HTTP: close now, results page, XLSX/DOCX opened back, flags, review, confirm, public winners, own rank. */
const { db } = await createTestDatabase();
let app: App;
let f: ResultsFixture;
let editor: Session;
let viewer: Session;
let outsider: Session;
const people: Record<string, number> = {};
const base = () => `/api/v1/contests/${f.contestId}/rounds/1`;
const myRank = async (name: string, contestId = f.contestId) => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/public/contests/${f.code}/rounds/1/my-rank`, headers: { 'x-participant-token': participantToken(CONTACT_KEY, contestId, people[name]!) } });
  return res.json();
};

beforeAll(async () => {
  app = await buildTakeApp(db);
  f = await buildResultsFixture(db, { prizes: [{ name: 'Giải Nhất', count: 1 }, { name: 'Giải Nhì', count: 1 }, { name: 'Giải Khuyến khích', count: 1 }] });
  for (const [name, score, durationMs, unit] of [['Nguyễn Văn An', 3, 20_000, 'a'], ['Trần Thị Bình', 3, 40_000, 'b'], ['Lê Văn Cường', 2, 30_000, 'a'], ['Phạm Thị Dung', 1, 30_000, 'b']] as const) {
    people[name] = await f.person(name, unit);
    await f.attempt(people[name]!, { score, prediction: 2, durationMs });
  }
  const stranger = await buildUnit(db, { code: 'TINH-KHAC', name: 'Tỉnh khác' });
  const other = await buildUser(db, { role: 'editor', unitId: stranger.id });
  [editor, viewer, outsider] = [await logInAs(app, f.editor.username), await logInAs(app, f.viewer.username), await logInAs(app, other.username)];
});
afterAll(async () => app.close());

describe('results of a round over HTTP', () => {
  it('before the round is closed: no results (409); only an editor of the organiser closes it; outsiders see nothing', async () => {
    expect((await app.inject({ method: 'GET', url: `${base()}/results`, headers: viewer.headers })).json()).toMatchObject({ reason: 'CONTEST_ROUND_NOT_CLOSED' });
    expect((await app.inject({ method: 'POST', url: `${base()}/close`, headers: viewer.headers })).json()).toMatchObject({ reason: 'ROLE_TOO_WEAK' });
    expect((await app.inject({ method: 'POST', url: `${base()}/close`, headers: outsider.headers })).statusCode).toBe(404);
    const res = await app.inject({ method: 'POST', url: `${base()}/close`, headers: editor.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ round: 1, closedNow: true, attempts: 4, people: 4, perfectScores: 2, officialFigure: 2, total: 4, confirmedAt: null });
    expect((await app.inject({ method: 'POST', url: `${base()}/close`, headers: editor.headers })).json()).toMatchObject({ closedNow: false });
    expect((await app.inject({ method: 'GET', url: `${base()}/results`, headers: outsider.headers })).statusCode).toBe(404);
  });

  it('gives the ranking page by page with prizes, and the public winners only once confirmed', async () => {
    const page = await app.inject({ method: 'GET', url: `${base()}/results?offset=1&limit=2`, headers: viewer.headers });
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json();
    expect(Object.keys(body).sort()).toEqual(['attempts', 'closesAt', 'confirmedAt', 'cutOff', 'officialFigure', 'officialMethod', 'people', 'perfectScores', 'round', 'total', 'winners']);
    expect(body.cutOff).toBe(new Date(f.closesAt.getTime() + 5000).toISOString());
    expect(body.winners.map((w: { rank: number; name: string; prize: string | null }) => [w.rank, w.name, w.prize])).toEqual([
      [2, 'Trần Thị Bình', 'Giải Nhì'],
      [3, 'Lê Văn Cường', 'Giải Khuyến khích'],
    ]);
    const before = await app.inject({ method: 'GET', url: `/api/v1/public/contests/${f.code}/rounds/1/winners` });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({ officialFigure: 2, confirmed: false, notice: 'Kết quả đang được xem xét', winners: [] });
    expect(await myRank('Lê Văn Cường')).toMatchObject({ rank: 3, confirmed: false, top: [] });
    expect(await myRank('Lê Văn Cường', f.contestId + 1000)).toMatchObject({ reason: 'CONTEST_PARTICIPANT_TOKEN_INVALID' });

    expect((await app.inject({ method: 'POST', url: `${base()}/confirm`, headers: editor.headers })).json()).toMatchObject({ reason: 'CONTEST_FLAGS_NOT_COMPUTED' });
    await computeRoundFlags(db, f.roundId);
    const flags = await app.inject({ method: 'GET', url: `${base()}/flags`, headers: viewer.headers });
    expect(flags.json()).toEqual({ computed: true, flags: [] });
    expect((await app.inject({ method: 'POST', url: `${base()}/confirm`, headers: viewer.headers })).statusCode).toBe(403);
    const confirmed = await app.inject({ method: 'POST', url: `${base()}/confirm`, headers: editor.headers });
    expect(confirmed.statusCode, confirmed.body).toBe(200);

    const after = (await app.inject({ method: 'GET', url: `/api/v1/public/contests/${f.code}/rounds/1/winners` })).json();
    expect(after).toMatchObject({ confirmed: true, notice: null });
    expect(after.winners.map((w: { prize: string; name: string; phoneMasked: string }) => [w.prize, w.name, w.phoneMasked])).toEqual([
      ['Giải Nhất', 'Nguyễn Văn An', '0912***001'],
      ['Giải Nhì', 'Trần Thị Bình', '0912***002'],
      ['Giải Khuyến khích', 'Lê Văn Cường', '0912***003'],
    ]);
    const mine = await myRank('Lê Văn Cường');
    expect(mine).toMatchObject({ rank: 3, total: 4, score: 2, prediction: 2, durationSeconds: 30, confirmed: true });
    expect(mine.top.map((t: { rank: number }) => t.rank)).toEqual([1, 2, 3, 4]);
    expect((await app.inject({ method: 'GET', url: `/api/v1/public/contests/KHONG-CO/rounds/1/winners` })).json()).toMatchObject({ reason: 'CONTEST_NOT_FOUND' });
    expect((await app.inject({ method: 'GET', url: `/api/v1/public/contests/${f.code}/rounds/9/winners` })).json()).toMatchObject({ reason: 'CONTEST_ROUND_NOT_FOUND' });
  });

  it('gives the full ranking as XLSX (read back row by row) and the results notice as DOCX', async () => {
    const xlsx = await app.inject({ method: 'GET', url: `${base()}/results.xlsx`, headers: viewer.headers });
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('.xlsx');
    const workbook = await loadXlsx(xlsx.rawPayload);
    const sheet = workbook.getWorksheet('Xếp hạng')!;
    const rows = [2, 3, 4, 5].map((r) => (sheet.getRow(r).values as unknown[]).slice(1, 10));
    expect(rows.map((r) => [r[0], r[1], r[3], r[4], r[8]])).toEqual([
      [1, 'Nguyễn Văn An', '0912***001', 3, 'Giải Nhất'],
      [2, 'Trần Thị Bình', '0912***002', 3, 'Giải Nhì'],
      [3, 'Lê Văn Cường', '0912***003', 2, 'Giải Khuyến khích'],
      [4, 'Phạm Thị Dung', '0912***004', 1, undefined],
    ]);
    expect(sheet.getRow(6).values).toEqual([]);
    expect(workbook.getWorksheet('Tổng hợp')!.getRow(8).values).toEqual([undefined, 'Con số chính thức', 2]);

    const docx = await app.inject({ method: 'GET', url: `${base()}/results.docx`, headers: viewer.headers });
    expect(docx.statusCode, docx.body).toBe(200);
    const { value: text } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expect(text).toContain('THÔNG BÁO');
    expect(text).toContain('Kết quả vòng 1 Cuộc thi “Tìm hiểu các kỳ Đại hội Đảng');
    expect(text).toContain('Con số chính thức: 2. Thời điểm chốt số liệu: 20:00:05 ngày 16/11/2025 (giờ Việt Nam).');
    for (const cell of ['Giải Nhất', 'Nguyễn Văn An', 'Chi bộ A', '3/3', '0912***001', 'Giải Khuyến khích', 'Nơi nhận']) expect(text).toContain(cell);
    expect(text).not.toContain('Phạm Thị Dung');
    expect(text).not.toContain('Dự thảo');
  });

  it('audits the close and the confirmation on the organiser unit', async () => {
    const rows = await db.execute<{ action: string }>(sql`select action from audit_log where unit_id = ${f.organiserId} and action like 'contest_round.%' order by id`);
    expect(rows.rows.map((r) => r.action)).toEqual(['contest_round.close', 'contest_round.confirm']);
  });
});
