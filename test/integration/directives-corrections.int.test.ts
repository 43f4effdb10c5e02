import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDirective } from '../../src/core/vn-document/index.js';
import { loadDemo } from '../../src/modules/org/load-demo.js';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { runLantoa } from '../support/cli.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

/**
 * Issue 15 item 5: fields a reviewer corrected — in the registration form, or later through a
 * correction — come out of `lantoa directives corrections` as corpus cases, with the text they were
 * read from, the parser's values and the reviewed ones; `--out` writes files the evaluation reads.
 */
const database = await createTestDatabase();
const { db } = database;
const app = await buildTestApp(db);
let laiChau: Session;
let dir: string;
const root = path.resolve(import.meta.dirname, '../..');

const unitId = async (code: string) => (await db.execute<{ id: number }>(sql`select id from units where code = ${code}`)).rows[0]!.id;
const lantoa = (args: string[]) => runLantoa(args, { databaseUrl: database.url, dir });

// Pasted as it came: a site's line, an en dash in the number, the signer's name on the last line.
const letter = (number: string) =>
  `Cổng thông tin điện tử Tỉnh ủy Lai Châu\nTỈNH ỦY LAI CHÂU\nBAN THƯỜNG VỤ\n*\nSố ${number}\nLai Châu, ngày 03 tháng 11 năm 2025\n\n` +
  'V/v đẩy mạnh tuyên truyền kỷ niệm ngày thành lập tỉnh\n\nKính gửi: Đảng ủy Ủy ban nhân dân tỉnh\n\n' +
  'Thực hiện Kế hoạch số 52-KH/TU ngày 4/3/2025 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy tổ chức tuyên truyền.\n\n' +
  'Nơi nhận:\n- Như trên,\n- Lưu VPTU.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nNguyễn Văn A\n';

async function parseForm(text: string, ownerUnitId: number) {
  const parsed = await app.inject({ method: 'POST', url: '/api/v1/directives/parse', headers: laiChau.headers, payload: { text, ownerUnitId } });
  expect(parsed.statusCode).toBe(200);
  return { ...parsed.json().draft, ownerUnitId } as Record<string, unknown> & { text: string; signer: Record<string, unknown> };
}

let correctedId: number;
let form: Awaited<ReturnType<typeof parseForm>>;

beforeAll(async () => {
  await loadDemo(db);
  laiChau = await logInAs(app, 'quantri.laichau', demoPassword);
  dir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-corrections-'));
  const owner = await unitId('LCU-TU');
  // Registered with two fields corrected in the form (the subject and the signer's name); the rest as read.
  form = await parseForm(letter('310 – CV/TU'), owner);
  const registered = await app.inject({
    method: 'POST',
    url: '/api/v1/directives',
    headers: laiChau.headers,
    payload: { ...form, subject: 'đẩy mạnh tuyên truyền kỷ niệm 116 năm ngày thành lập tỉnh', signer: { ...form.signer, name: 'Nguyễn Văn An' } },
  });
  expect(registered.statusCode).toBe(201);
  correctedId = registered.json().id;
  // A third field corrected later: the date's day.
  const corrected = await app.inject({
    method: 'PUT',
    url: `/api/v1/directives/${correctedId}`,
    headers: laiChau.headers,
    payload: { ...form, subject: 'đẩy mạnh tuyên truyền kỷ niệm 116 năm ngày thành lập tỉnh', signer: { ...form.signer, name: 'Nguyễn Văn An' }, date: { year: 2025, month: 11, day: 5 } },
  });
  expect(corrected.statusCode).toBe(200);
  // Registered exactly as read: not a correction.
  const untouched = await parseForm(letter('311-CV/TU'), owner);
  expect((await app.inject({ method: 'POST', url: '/api/v1/directives', headers: laiChau.headers, payload: untouched })).statusCode).toBe(201);
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('lantoa directives corrections', () => {
  it('--json lists exactly the corrected fields, with the parser’s and the reviewed values and the text read', () => {
    const result = lantoa(['directives', 'corrections', '--json']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const cases = JSON.parse(result.out);
    expect(cases).toHaveLength(1);
    const [c] = cases;
    const p = parseDirective(form.text);
    expect(c).toMatchObject({
      id: `c-${correctedId}`,
      source: `lantoa:directive/${correctedId}`,
      convention: 'party',
      form: 'full',
      issuedYear: 2025,
      hard: 'corrected by a user: date, subject, signer.name',
      corrected: ['date', 'subject', 'signer.name'],
      parsed: { date: { year: 2025, month: 11, day: 3 }, subject: p.subject?.value, 'signer.name': 'Nguyễn Văn A' },
      text: form.text,
    });
    expect(c.expected).toEqual({
      docType: 'Công văn',
      numberSymbol: '310-CV/TU',
      date: { year: 2025, month: 11, day: 5 },
      issuer: p.issuer?.value,
      subject: 'đẩy mạnh tuyên truyền kỷ niệm 116 năm ngày thành lập tỉnh',
      signer: { authority: 'T/M', title: 'PHÓ BÍ THƯ', name: 'Nguyễn Văn An' },
      references: [{ docType: 'Kế hoạch', numberSymbol: '52-KH/TU', date: { year: 2025, month: 3, day: 4 } }],
    });
  });

  it('keeps the text as submitted beside the normalised one', async () => {
    const row = (await db.execute<{ source: string; body: string }>(sql`select source_text as source, body_text as body from directives where id = ${correctedId}`)).rows[0]!;
    expect(row.source).toBe(form.text);
    expect(row.body).toBe(parseDirective(form.text).text);
  });

  it('--unit and --since narrow the list; a bad date or an unknown unit is refused', () => {
    expect(JSON.parse(lantoa(['directives', 'corrections', '--unit', 'LCU-TU', '--json']).out)).toHaveLength(1);
    expect(JSON.parse(lantoa(['directives', 'corrections', '--unit', 'LCU-DU-UBND', '--json']).out)).toEqual([]);
    expect(JSON.parse(lantoa(['directives', 'corrections', '--since', '2000-01-01', '--json']).out)).toHaveLength(1);
    expect(JSON.parse(lantoa(['directives', 'corrections', '--since', '2999-01-01', '--json']).out)).toEqual([]);
    const bad = lantoa(['directives', 'corrections', '--since', '2025-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Ngày không hợp lệ');
    const unknown = lantoa(['directives', 'corrections', '--unit', 'KHONG-CO']);
    expect(unknown.code).toBe(1);
  }, 120_000);

  it('--out writes <id>.txt + <id>.json pairs that npm run eval:directives reads, its misses the corrected fields', async () => {
    const out = path.join(dir, 'cases');
    const result = lantoa(['directives', 'corrections', '--out', out]);
    expect(result.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual([`c-${correctedId}.json`, `c-${correctedId}.txt`]);
    expect(await readFile(path.join(out, `c-${correctedId}.txt`), 'utf8')).toBe(`${form.text.replace(/\n$/, '')}\n`);
    const evaluation = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval-directives.ts', '--corpus', out, '--json'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(evaluation.stderr).toBe('');
    expect(evaluation.status).toBe(0);
    const report = JSON.parse(evaluation.stdout);
    expect(report.summary.cases.overall).toBe(1);
    expect(report.misses.map((m: { field: string }) => m.field)).toEqual(['date', 'subject', 'signer.name']);
  }, 60_000);
});
