import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

/** Unit files through the HTTP API, as the web app's import and export buttons use it. */
const { db } = await createTestDatabase();
const app = await buildTestApp(db);
let admin: Session;

beforeAll(async () => {
  const province = await buildUnit(db, { code: 'LCU-TU', name: 'Tỉnh ủy Lai Châu', kind: 'party_committee' });
  await buildUser(db, { username: 'qt.file', role: 'unit_admin', unitId: province.id });
  admin = await logInAs(app, 'qt.file');
});

function multipart(fileName: string, content: string | Buffer) {
  const boundary = '----lantoa' + Date.now();
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), Buffer.isBuffer(content) ? content : Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload: body, headers: { ...admin.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('unit files over HTTP', () => {
  it('imports an uploaded CSV into the admin’s subtree and reports the counts', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/units/import',
      ...multipart('don-vi.csv', 'code,name,kind,parent_code\nLCU-X1,Xã Một,commune,LCU-TU\nLCU-X2,Xã Hai,commune,LCU-TU\n'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 0, unchanged: 0 });
  });

  it('rejects a file with bad rows as IMPORT_REJECTED listing each line, writing nothing', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/units/import',
      ...multipart('loi.csv', 'code,name,kind,parent_code\nLCU-X3,Xã Ba,commune,LCU-TU\nLCU-X4,,commune,LCU-TU\nLCU-X5,Xã Năm,lang,LCU-TU\n'),
    });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('IMPORT_REJECTED');
    expect(body.details.errors.map((e: { line: number }) => e.line)).toEqual([3, 4]);
    const n = await db.execute<{ n: number }>(sql`select count(*)::int as n from units where code = 'LCU-X3'`);
    expect(n.rows[0]?.n).toBe(0);
  });

  it('exports the visible units as a CSV download with Vietnamese text and as XLSX', async () => {
    const csv = await app.inject({ method: 'GET', url: '/api/v1/units/export?format=csv', headers: admin.headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(csv.body).toContain('LCU-X1,Xã Một,commune,LCU-TU');
    const xlsx = await app.inject({ method: 'GET', url: '/api/v1/units/export?format=xlsx', headers: admin.headers });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK'); // a zip container
  });

  it('exports a CSV for people with Vietnamese headers beside the machine file, and both import back unchanged', async () => {
    const machine = await app.inject({ method: 'GET', url: '/api/v1/units/export?format=csv', headers: admin.headers });
    expect(machine.body.startsWith('\uFEFFcode,name,kind,parent_code,')).toBe(true);
    const people = await app.inject({ method: 'GET', url: '/api/v1/units/export?format=csv&variant=people', headers: admin.headers });
    expect(people.statusCode).toBe(200);
    expect(people.headers['content-disposition']).toContain('danh-sach-don-vi.csv');
    expect(people.body.startsWith('\uFEFFMã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên,')).toBe(true);
    expect(people.body).toContain('LCU-X1,Xã Một,');
    expect(people.body).not.toContain(',commune,'); // the kind in Vietnamese, not its code
    for (const [name, body] of [['don-vi.csv', machine.rawPayload], ['danh-sach-don-vi.csv', people.rawPayload]] as const) {
      const again = await app.inject({ method: 'POST', url: '/api/v1/units/import', ...multipart(name, body) });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json(), name).toEqual({ created: 0, updated: 0, unchanged: 3 });
    }
  });
});
