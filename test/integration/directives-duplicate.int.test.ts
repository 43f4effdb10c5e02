import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/modules/org/load-demo.js';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

/** Issue 11 item 3: a unit's register never holds the same directive twice. */
const { db } = await createTestDatabase();
const app = await buildTestApp(db);
let laiChau: Session;

const unitId = async (code: string) => (await db.execute<{ id: number }>(sql`select id from units where code = ${code}`)).rows[0]!.id;
const countIn = async (owner: number) => (await db.execute<{ n: number }>(sql`select count(*)::int as n from directives where owner_unit_id = ${owner}`)).rows[0]!.n;

const letter = (number: string, date: string, body = 'Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy tổ chức lấy ý kiến nhân dân.') =>
  `TỈNH ỦY LAI CHÂU\nBAN THƯỜNG VỤ\n*\nSố ${number}\nLai Châu, ${date}\n\n` +
  'V/v đẩy mạnh tuyên truyền kỷ niệm ngày thành lập tỉnh\n\nKính gửi: Đảng ủy Ủy ban nhân dân tỉnh\n\n' +
  `${body}\n\nNơi nhận:\n- Như trên,\n- Lưu VPTU.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nNguyễn Văn A\n`;

async function register(text: string, ownerUnitId: number, change: Record<string, unknown> = {}) {
  const parsed = await app.inject({ method: 'POST', url: '/api/v1/directives/parse', headers: laiChau.headers, payload: { text, ownerUnitId } });
  expect(parsed.statusCode).toBe(200);
  const payload = { ...parsed.json().draft, ownerUnitId, ...change };
  return app.inject({ method: 'POST', url: '/api/v1/directives', headers: laiChau.headers, payload });
}

beforeAll(async () => {
  await loadDemo(db);
  laiChau = await logInAs(app, 'quantri.laichau', demoPassword);
});

describe('registering a directive already in the register', () => {
  it('refuses the same number, issuer and date, pointing at the one registered, and saves nothing', async () => {
    const owner = await unitId('LCU-TU');
    const first = await register(letter('210-CV/TU', 'ngày 03 tháng 11 năm 2025'), owner);
    expect(first.statusCode).toBe(201);
    const before = await countIn(owner);
    // Written differently (spaces, en dash, another body) but the same number, issuer and date.
    const again = await register(letter('210 – CV/TU', 'ngày 03 tháng 11 năm 2025', 'Nội dung được gõ lại khác đi.'), owner);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'CONFLICT',
      reason: 'DIRECTIVE_ALREADY_REGISTERED',
      details: { directiveId: first.json().id, title: 'Công văn 210-CV/TU ngày 03/11/2025', subject: expect.stringMatching(/kỷ niệm/) },
    });
    expect(again.json().message).toContain('Công văn 210-CV/TU ngày 03/11/2025');
    expect(await countIn(owner)).toBe(before);
  });

  it('refuses a blank-number directive whose text is already registered, even pasted with other spacing and case', async () => {
    const owner = await unitId('LCU-TU');
    const text = letter('-CV/TU', 'ngày … tháng 11 năm 2025', 'Các chi bộ báo cáo kết quả học tập nghị quyết.');
    const first = await register(text, owner);
    expect(first.statusCode).toBe(201);
    const before = await countIn(owner);
    const again = await register(text.replace('Các chi bộ báo cáo', 'các  chi bộ   BÁO CÁO').replace(/\n/g, '\r\n'), owner);
    expect(again.statusCode).toBe(409);
    expect(again.json().details).toMatchObject({ directiveId: first.json().id, title: 'Công văn không số tháng 11/2025' });
    expect(await countIn(owner)).toBe(before);
    // Another blank-number letter with a different text is a different directive.
    const other = await register(letter('-CV/TU', 'ngày … tháng 11 năm 2025', 'Các chi bộ tổ chức sinh hoạt chuyên đề.'), owner);
    expect(other.statusCode).toBe(201);
  });

  it('lets another unit register the same document in its own register', async () => {
    const text = letter('211-CV/TU', 'ngày 04 tháng 11 năm 2025');
    expect((await register(text, await unitId('LCU-TU'))).statusCode).toBe(201);
    expect((await register(text, await unitId('LCU-DU-UBND'))).statusCode).toBe(201);
    expect((await register(text, await unitId('LCU-DU-UBND'))).statusCode).toBe(409);
  });

  it('allows the same number on another date, or from another issuer', async () => {
    const owner = await unitId('LCU-TU');
    expect((await register(letter('212-CV/TU', 'ngày 05 tháng 11 năm 2025'), owner)).statusCode).toBe(201);
    expect((await register(letter('212-CV/TU', 'ngày 05 tháng 11 năm 2026'), owner)).statusCode).toBe(201);
    expect((await register(letter('212-CV/TU', 'ngày 05 tháng 11 năm 2025'), owner, { issuerName: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', issuerUnitId: null })).statusCode).toBe(201);
  });

  it('refuses the same directive uploaded with its file, and two saves at once keep one copy', async () => {
    const owner = await unitId('LCU-TU');
    const text = letter('213-CV/TU', 'ngày 06 tháng 11 năm 2025');
    const parsed = (await app.inject({ method: 'POST', url: '/api/v1/directives/parse', headers: laiChau.headers, payload: { text, ownerUnitId: owner } })).json();
    const payload = { ...parsed.draft, ownerUnitId: owner };
    const both = await Promise.all([0, 1].map(() => app.inject({ method: 'POST', url: '/api/v1/directives', headers: laiChau.headers, payload })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const boundary = 'dup-boundary';
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify(payload)}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="213.txt"\r\nContent-Type: text/plain\r\n\r\n${text}\r\n--${boundary}--\r\n`;
    const upload = await app.inject({ method: 'POST', url: '/api/v1/directives/upload', headers: { ...laiChau.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.from(body, 'utf8') });
    expect(upload.statusCode).toBe(409);
    expect(upload.json().reason).toBe('DIRECTIVE_ALREADY_REGISTERED');
  });
});
