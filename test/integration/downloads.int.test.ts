import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { buildUnit, buildUser } from '../support/factories.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

/**
 * Downloads (issue 9, item 10): whatever name and type an uploader gave a file, it comes back as an
 * attachment with one encoded file name, a type from the allow-list, and nosniff.
 */
const { db } = await createTestDatabase();
const app = await buildTestApp(db);
let unitId: number;
let editor: Session;

const HOSTILE_NAME = `a".html; filename*=UTF-8''evil.html`;

beforeAll(async () => {
  unitId = (await buildUnit(db, { name: 'Ban Tuyên giáo tỉnh', code: 'TG-TINH', kind: 'party_board', abbreviation: 'BTGTU' })).id;
  await buildUser(db, { username: 'bientap.tg', role: 'editor', unitId });
  editor = await logInAs(app, 'bientap.tg');
});

/** A multipart body as a hand-written client sends it: the file name quoted with a backslash-escaped quote. */
function multipart(fields: Record<string, string>, file: { name: string; type: string; content: string }) {
  const boundary = '----lantoa-test-boundary';
  const quoted = file.name.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const parts = [
    ...Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quoted}"\r\nContent-Type: ${file.type}\r\n\r\n${file.content}\r\n`,
    `--${boundary}--\r\n`,
  ];
  return { payload: Buffer.from(parts.join(''), 'utf8'), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The parameters of a Content-Disposition header, split outside quoted strings. */
function dispositionParams(header: string): string[] {
  return (header.match(/(?:[^;"]|"(?:[^"\\]|\\.)*")+/g) ?? []).map((p) => p.trim());
}

function expectSafeDownload(headers: Record<string, unknown>, expectedType: string) {
  expect(headers['content-type']).toBe(expectedType);
  expect(headers['x-content-type-options']).toBe('nosniff');
  const params = dispositionParams(String(headers['content-disposition']));
  expect(params[0]).toBe('attachment');
  expect(params.slice(1).map((p) => p.split('=')[0])).toEqual(['filename', 'filename*']);
}

describe('downloads', () => {
  it('serves an uploaded text/html file named with a quote and a second filename* as one attachment of type application/octet-stream', async () => {
    const data = {
      ownerUnitId: unitId, text: 'Số 01-CV/BTGTU\nV/v thử tải tệp\n', docType: 'Công văn', convention: 'party', numberSymbol: '01-CV/BTGTU', issuerName: null,
      issuerUnitId: null, place: null, date: null, subject: 'Thử tải tệp', recipients: [], distribution: [], signer: null, references: [], deadlines: [],
    };
    const body = multipart({ data: JSON.stringify(data) }, { name: HOSTILE_NAME, type: 'text/html', content: '<script>alert(1)</script>' });
    const uploaded = await app.inject({ method: 'POST', url: '/api/v1/directives/upload', headers: { ...editor.headers, 'content-type': body.contentType }, payload: body.payload });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const id = uploaded.json().id as number;
    const stored = await db.execute<{ file_name: string; content_type: string }>(sql`select file_name, content_type from directive_files where directive_id = ${id}`);
    expect(stored.rows[0]).toEqual({ file_name: HOSTILE_NAME, content_type: 'text/html' });

    const file = await app.inject({ method: 'GET', url: `/api/v1/directives/${id}/file`, headers: editor.headers });
    expect(file.statusCode).toBe(200);
    const disposition = String(file.headers['content-disposition']);
    expect(dispositionParams(disposition).filter((p) => p.startsWith('filename*='))).toHaveLength(1);
    expectSafeDownload(file.headers, 'application/octet-stream');
    expect(disposition).toBe(`attachment; filename="a_.html_ filename*=UTF-8''evil.html"; filename*=UTF-8''a%22.html%3B%20filename%2A%3DUTF-8%27%27evil.html`);
    expect(file.body).toBe('<script>alert(1)</script>');
  });

  it('sends the unit export and a draft’s DOCX the same way', async () => {
    const csv = await app.inject({ method: 'GET', url: '/api/v1/units/export?format=csv', headers: editor.headers });
    expect(csv.statusCode).toBe(200);
    expectSafeDownload(csv.headers, 'text/csv; charset=utf-8');

    const list = (await app.inject({ method: 'GET', url: '/api/v1/directives', headers: editor.headers })).json() as { items: { id: number }[] };
    const draft = await app.inject({ method: 'POST', url: `/api/v1/directives/${list.items[0]!.id}/drafts`, headers: editor.headers, payload: { unitId } });
    expect(draft.statusCode).toBe(201);
    const docx = await app.inject({ method: 'GET', url: `/api/v1/drafts/${draft.json().id}/docx`, headers: editor.headers });
    expect(docx.statusCode).toBe(200);
    expectSafeDownload(docx.headers, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(String(docx.headers['content-disposition'])).toMatch(/^attachment; filename="du-thao-[^"]*\.docx"; filename\*=UTF-8''du-thao-.*\.docx$/);
  });
});
