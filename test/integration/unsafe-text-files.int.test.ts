import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { parseConfig } from '../../src/platform/config/config.js';
import { AppError } from '../../src/platform/errors.js';
import { buildApp, type App } from '../../src/server/app.js';
import { UNSAFE_TEXT_MESSAGE } from '../../src/platform/vn/index.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { importOpinions } from '../../src/modules/consultation/import/import-opinions.js';
import { writeInBatch } from '../../src/modules/consultation/intake/batch.js';
import { buildUnit, buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { logInAs, type Session } from '../support/http.js';

/**
 * NUL (U+0000) and lone surrogates where text enters other than JSON fields: uploaded files and
 * multipart fields, the opinion and unit files (a rejected row with its line), the public form's
 * group commit (one bad submission never fails the others), and the backstop of routes without a
 * schema.
 */
const { db } = await createTestDatabase();
const config = parseConfig({ LANTOA_DATA_DIR: '/nonexistent', LANTOA_LOG_LEVEL: 'silent', LANTOA_PUBLIC_RATE_LIMIT: '0' });
const contactKey = () => randomBytes(32);
let app: App;
let admin: Session;
let dir: string;
let consultationId: number;
let province: { id: number; code: string };
let commune: { id: number; code: string };

function multipart(parts: { name: string; fileName?: string; content: string | Buffer }[]) {
  const boundary = `----lantoa${Date.now()}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = part.fileName === undefined ? `form-data; name="${part.name}"` : `form-data; name="${part.name}"; filename="${part.fileName}"`;
    const type = part.fileName === undefined ? '' : 'Content-Type: application/octet-stream\r\n';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`), Buffer.from(part.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { ...admin.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-unsafe-'));
  const created = await createConsultation(db, {
    actor: cliActor(),
    input: { code: 'DH14', title: 'Lấy ý kiến dự thảo Văn kiện', documents: [{ code: 'BCCT', title: 'Báo cáo chính trị' }], opensAt: new Date('2025-10-01T00:00:00+07:00') },
  });
  consultationId = created.id;
  province = await buildUnit(db, { code: 'LCU', name: 'Tỉnh ủy Lai Châu', kind: 'party_committee' });
  commune = await buildUnit(db, { code: 'LCU-TD', name: 'Đảng ủy xã Tam Đường', kind: 'party_committee', parentId: province.id });
  await buildUser(db, { username: 'quantri', role: 'system_admin' });
  app = await buildApp({ db, config, logger: false, webRoot: null });
  // A route without a schema: only the backstop (text-guard.ts) stands between it and the database.
  app.post('/api/v1/test-echo/:name', async (request) => ({ ok: true, body: request.body }));
  await app.ready();
  admin = await logInAs(app, 'quantri');
});

afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the backstop for routes without a schema', () => {
  it('refuses a NUL or a lone surrogate anywhere in the JSON body, the query string or the path', async () => {
    const post = (url: string, payload: object) => app.inject({ method: 'POST', url, headers: admin.headers, payload });
    const nested = await post('/api/v1/test-echo/x', { a: [{ b: 'ok' }, { c: 'x\u0000y' }] });
    expect(nested.statusCode).toBe(400);
    expect(nested.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: UNSAFE_TEXT_MESSAGE, details: [{ path: ['a', 1, 'c'], in: 'body' }] });
    expect((await post('/api/v1/test-echo/x', { ['k\uD800']: 1 })).statusCode).toBe(400);
    expect((await post('/api/v1/test-echo/x?q=a%00b', {})).json()).toMatchObject({ details: [{ path: ['q'], in: 'querystring' }] });
    expect((await post('/api/v1/test-echo/a%00b', {})).json()).toMatchObject({ details: [{ path: ['name'], in: 'params' }] });
    expect((await post('/api/v1/test-echo/x', { fine: 'Tán thành 👍' })).statusCode).toBe(200);
  });
});

describe('uploads', () => {
  it('reads a directive file holding NULs without them, and refuses a NUL in a form field or a file name', async () => {
    const text = 'TỈNH ỦY LAI CHÂU\nSố 12-CV/TU\u0000\nLai Châu, ngày 05 tháng 01 năm 2026\nV/v lấy ý kiến\u0000';
    const parsed = await app.inject({ method: 'POST', url: '/api/v1/directives/parse-file', ...multipart([{ name: 'file', fileName: 'cong-van.txt', content: text }]) });
    expect(parsed.statusCode, parsed.body).toBe(200);
    expect(parsed.json().text).not.toContain('\u0000');
    expect(parsed.json().text).toContain('Số 12-CV/TU');
    const field = await app.inject({ method: 'POST', url: '/api/v1/directives/parse-file', ...multipart([{ name: 'ownerUnitId', content: `${province.id}\u0000` }, { name: 'file', fileName: 'a.txt', content: text }]) });
    expect(field.statusCode, field.body).toBe(400);
    expect(field.json()).toMatchObject({ message: UNSAFE_TEXT_MESSAGE, details: [{ path: ['ownerUnitId'] }] });
    const name = await app.inject({ method: 'POST', url: '/api/v1/directives/parse-file', ...multipart([{ name: 'file', fileName: 'a\u0000.txt', content: text }]) });
    expect(name.statusCode).toBe(400);
  });

  it('rejects a unit file whose row holds a NUL, with the line and the column', async () => {
    const csv = 'code,name,kind,parent_code\nLCU-X1,Xã Một,commune,LCU\nLCU-X2,Xã\u0000Hai,commune,LCU\nLCU-X3,Xã Ba,commune,LCU\n';
    const res = await app.inject({ method: 'POST', url: '/api/v1/units/import', ...multipart([{ name: 'file', fileName: 'don-vi.csv', content: csv }]) });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().details.errors).toEqual([{ line: 3, message: expect.stringContaining('cột name') }]);
    expect((await db.execute<{ n: number }>(sql`select count(*)::int as n from units where code like 'LCU-X%'`)).rows[0]?.n).toBe(0);
  });
});

describe('opinion files', () => {
  const HEADER = 'submission_id,submitted_at,unit_code,channel,contributor_group,document_code,section_ref,stance,opinion_text,contributor_name';
  const line = (id: string, text: string, name = '') => `${id},2025-10-15T08:30:00+07:00,LCU-TD,letter,dang_vien,BCCT,,partial,"${text}",${name}`;
  async function file(name: string, lines: string[]): Promise<string> {
    const p = path.join(dir, name);
    await writeFile(p, `${[HEADER, ...lines].join('\n')}\n`);
    return p;
  }
  const opinionsOf = async (ids: string[]) =>
    (await db.execute<{ n: number }>(sql`select count(*)::int as n from opinions o join submissions s on s.id = o.submission_id where s.consultation_id = ${consultationId} and s.external_id in ${sql`(${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`}`)).rows[0]?.n;

  it('rejects the whole file, listing the rows holding a NUL with their lines (all or nothing)', async () => {
    const p = await file('nul.csv', [line('N1', 'Ý kiến một'), line('N2', 'Ý kiến\u0000hai'), line('N3', 'Ý kiến ba', 'Nguyễn\u0000Văn')]);
    const error = await importOpinions(db, { actor: cliActor(), consultationCode: 'DH14', filePath: p, contactKey }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('IMPORT_REJECTED');
    const errors = ((error as AppError).details as { errors: { line: number; message: string }[] }).errors;
    expect(errors.map((e) => e.line)).toEqual([3, 4]);
    expect(errors[0]?.message).toContain('cột opinion_text');
    expect(errors[1]?.message).toContain('cột contributor_name');
    expect(await opinionsOf(['N1', 'N2', 'N3'])).toBe(0);
  });

  it('with --skip-invalid imports the other rows and writes the NUL rows to the rejected file', async () => {
    const p = await file('nul-skip.csv', [line('S1', 'Ý kiến một'), line('S2', 'Ý kiến\u0000hai'), line('S3', 'Ý kiến ba')]);
    const result = await importOpinions(db, { actor: cliActor(), consultationCode: 'DH14', filePath: p, contactKey, skipInvalid: true });
    expect(result).toMatchObject({ submissions: 2, opinions: 2, rejected: [{ line: 3 }] });
    expect(await opinionsOf(['S1', 'S2', 'S3'])).toBe(2);
    const rejected = await readFile(result.rejectedFile as string, 'utf8');
    expect(rejected).toContain('S2,');
    expect(rejected).not.toContain('S1,');
  });
});

describe('the public form’s group commit', () => {
  const body = (text: string) => ({ idempotencyKey: randomUUID(), unitCode: commune.code, contributorGroup: 'nhan_dan', opinions: [{ documentCode: 'BCCT', stance: 'partial', text }] });

  it('answers a NUL with 400 and stores the submissions sent with it', async () => {
    const bodies = Array.from({ length: 8 }, (_, i) => body(i === 3 ? 'Ý kiến\u0000 lỗi' : `Ý kiến số ${i}`));
    const responses = await Promise.all(bodies.map((payload) => app.inject({ method: 'POST', url: '/api/v1/public/consultations/DH14/submissions', payload })));
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 400, 201, 201, 201, 201]);
    expect(responses[3]?.json().details).toEqual([{ path: ['opinions', 0, 'text'], message: expect.stringContaining('U+0000') }]);
  });

  it('writes a batch in which one submission carries a NUL: all of them, the NUL removed', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({
      consultationId,
      externalId: `batch:${randomUUID()}`,
      unit: { code: commune.code },
      channel: 'web' as const,
      contributorGroup: 'nhan_dan' as const,
      submittedAt: new Date(),
      selfSubmitted: true,
      enteredByUserId: null,
      opinions: [{ documentId: 0, sectionRef: null, stance: 'agree' as const, body: i === 2 ? 'Tán\u0000 thành' : 'Tán thành' }],
      sealedContact: null,
      audit: { actor: { userId: null, username: 'public:web', grants: [], ip: null }, action: 'consultation.submission_receive', after: { note: i === 2 ? 'x\u0000' : 'x' } },
    }));
    const [document] = (await db.execute<{ id: number }>(sql`select id from consultation_documents where consultation_id = ${consultationId}`)).rows;
    for (const row of rows) row.opinions[0]!.documentId = document!.id;
    const outcomes = await Promise.all(rows.map((row) => writeInBatch(db, row, { byCode: true, guard: false })));
    expect(outcomes.every((o) => o.createdId !== null)).toBe(true);
    const bodies = (await db.execute<{ body: string }>(sql`select o.body from opinions o join submissions s on s.id = o.submission_id where s.external_id = ${rows[2]!.externalId}`)).rows;
    expect(bodies).toEqual([{ body: 'Tán thành' }]);
  });
});
