import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../../src/platform/xlsx/exceljs.js';
import { buildUnit, buildUser } from '../support/factories.js';
import { runLantoa } from '../support/cli.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';
import { contestDefinition } from '../support/contest-fixtures.js';

/** Importing questions (CSV with or without BOM, XLSX): all or nothing, every bad row with its line, the same file twice adds nothing; API and CLI. */
const database = await createTestDatabase();
const { db } = database;
const app = await buildTestApp(db);
const s: Record<string, Session> = {};
let contestId = 0;
let dir: string;

const header = 'question,option_a,option_b,option_c,option_d,option_e,option_f,correct,topic,difficulty,source';
const good = [
  header,
  'Đại hội XIII họp năm nào?,2016,2021,2026,,,,B,Đại hội,easy,dangcongsan.vn',
  '"Câu hỏi có dấu phẩy, nhiều đáp án",A,B,C,D,,,A;D,Văn kiện,medium,"Văn kiện Đại hội XIII, phần I"',
  'Đại hội I họp ở đâu?,Ma Cao,Tân Trào,,,,,a,Đại hội,hard,',
].join('\r\n');
const bad = [
  header,
  'Câu đúng,a,b,,,,,A,,easy,',
  'Một phương án,chỉ A,,,,,,A,,easy,',
  'Đáp án trống,a,b,,,,,C,,easy,',
  'Độ khó lạ,a,b,,,,,A,,rất khó,',
  ',a,b,,,,,A,,easy,',
].join('\n');

function multipart(who: string, fileName: string, content: string | Buffer) {
  const boundary = '----lantoa' + Date.now();
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), Buffer.isBuffer(content) ? content : Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { ...s[who]?.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (who: string, fileName: string, content: string | Buffer) => app.inject({ method: 'POST', url: `/api/v1/contests/${contestId}/questions/import`, ...multipart(who, fileName, content) });
const count = async () => (await db.execute<{ n: number }>(sql`select count(*)::int as n from contest_questions where contest_id = ${contestId}`)).rows[0]?.n;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-contest-import-'));
  const tu = await buildUnit(db, { code: 'TU', name: 'Tỉnh ủy', kind: 'party_committee' });
  await buildUser(db, { username: 'bt.tu', role: 'editor', unitId: tu.id });
  await buildUser(db, { username: 'xem.tu', role: 'viewer', unitId: tu.id });
  s['bt.tu'] = await logInAs(app, 'bt.tu');
  s['xem.tu'] = await logInAs(app, 'xem.tu');
  contestId = (await app.inject({ method: 'POST', url: '/api/v1/contests', headers: s['bt.tu']?.headers, payload: contestDefinition('DH-TIMHIEU', 'TU') })).json().id;
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('importing questions over HTTP', () => {
  it('imports a CSV with BOM and CRLF, then the same file adds nothing', async () => {
    const first = await upload('bt.tu', 'cau-hoi.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(good)]));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ rowsRead: 3, imported: 3, alreadyPresent: 0, rejected: [] });
    const again = await upload('bt.tu', 'cau-hoi.csv', good);
    expect(again.json()).toEqual({ rowsRead: 3, imported: 0, alreadyPresent: 3, rejected: [] });
    expect(await count()).toBe(3);
    const stored = await db.execute<{ options: string[]; correct: number[]; source: string }>(sql`
      select v.options, v.correct, v.source from contest_questions q join contest_question_versions v on v.id = q.current_version_id
      where q.contest_id = ${contestId} order by q.id`);
    expect(stored.rows[1]).toEqual({ options: ['A', 'B', 'C', 'D'], correct: [0, 3], source: 'Văn kiện Đại hội XIII, phần I' });
    expect(stored.rows[2]?.options).toEqual(['Ma Cao', 'Tân Trào']);
  });

  it('rejects a file with bad rows (422), listing each with its line, saving nothing', async () => {
    const res = await upload('bt.tu', 'loi.csv', bad);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'IMPORT_REJECTED', reason: 'CONTEST_IMPORT_REJECTED', rowsRead: 5, imported: 0, alreadyPresent: 0 });
    expect(res.json().message).toContain('4 dòng không hợp lệ');
    expect(res.json().rejected.map((r: { line: number }) => r.line)).toEqual([3, 4, 5, 6]);
    expect(await count()).toBe(3);
  });

  it('imports the template XLSX (its sample row), refuses other kinds of files and viewers', async () => {
    const template = await app.inject({ method: 'GET', url: `/api/v1/contests/${contestId}/questions/template.xlsx`, headers: s['xem.tu']?.headers });
    expect(template.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.getRow(1).values).toEqual([undefined, ...header.split(','), 'explanation', 'disputed']);
    const imported = await upload('bt.tu', 'mau.xlsx', template.rawPayload);
    expect(imported.json()).toEqual({ rowsRead: 1, imported: 1, alreadyPresent: 0, rejected: [] });
    expect((await upload('bt.tu', 'cau-hoi.txt', good)).statusCode).toBe(400);
    expect((await upload('xem.tu', 'cau-hoi.csv', good)).statusCode).toBe(403);
    expect((await upload('bt.tu', 'hong.xlsx', Buffer.from('not a zip'))).json().rejected[0].reason).toContain('Không đọc được tệp Excel');
  });
});

describe('lantoa contests import-questions', () => {
  const lantoa = (args: string[]) => runLantoa(args, { databaseUrl: database.url, dir });

  it('prints exactly the four keys with --json, exits 2 when rejected, 1 for an unknown contest', async () => {
    const goodFile = path.join(dir, 'good.csv');
    await writeFile(goodFile, good.replace('Đại hội I họp ở đâu?', 'Đại hội II họp ở đâu?'));
    const ok = lantoa(['contests', 'import-questions', '--contest', 'DH-TIMHIEU', goodFile, '--json']);
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(ok.out)).toEqual({ rowsRead: 3, imported: 1, alreadyPresent: 2, rejected: [] });
    const badFile = path.join(dir, 'bad.csv');
    await writeFile(badFile, bad);
    const refused = lantoa(['contests', 'import-questions', '--contest', 'DH-TIMHIEU', badFile, '--json']);
    expect(refused.code).toBe(2);
    const body = JSON.parse(refused.out) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['rowsRead', 'imported', 'alreadyPresent', 'rejected']);
    expect(body.rejected).toHaveLength(4);
    expect(refused.err).toContain('dòng 4: ');
    const plain = lantoa(['contests', 'import-questions', '--contest', 'DH-TIMHIEU', goodFile]);
    expect(plain.out).toBe('Đã đọc 3 dòng câu hỏi: thêm mới 0, đã có sẵn 3.\n');
    expect(lantoa(['contests', 'import-questions', '--contest', 'KHONG-CO', goodFile]).code).toBe(1);
  });
});
