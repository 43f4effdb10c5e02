import { beforeAll, describe, expect, it } from 'vitest';
import { lintDocument, validateDocument } from './check-openapi.js';
import { openApiDocument } from './generate-api-client.js';

interface Operation {
  operationId?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, { type?: string; format?: string }> } }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: { type?: string; format?: string } }> }>;
}
interface Document {
  openapi: string;
  servers?: { url: string }[];
  tags?: { name: string; description?: string }[];
  security?: unknown;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { type: string; in: string; name: string }> };
}

let doc: Document;
const operations = (): [string, string, Operation][] =>
  Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => [method, path, op] as [string, string, Operation]));
const byId = (id: string): Operation => operations().find(([, , op]) => op.operationId === id)![2];

beforeAll(async () => {
  doc = (await openApiDocument()) as Document;
}, 30_000);

describe('the OpenAPI document', () => {
  it('is valid for @apidevtools/swagger-parser', async () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(await validateDocument(doc)).toEqual([]);
  }, 30_000);

  it('lints clean under Redocly’s recommended rules (errors and warnings)', async () => {
    expect(await lintDocument(doc)).toEqual([]);
  }, 30_000);

  it('names every operation once, camelCase verb-noun', () => {
    const ids = operations().map(([, , op]) => op.operationId);
    for (const id of ids) expect(id).toMatch(/^[a-z]+[A-Z][A-Za-z]*$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['listUnits', 'registerDirective', 'submitPublicOpinions', 'exportWeeklyReportDocx']));
  });

  it('asks for the session cookie everywhere but the public routes, and for the CSRF header on every cookie write', () => {
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'lantoa_session' });
    expect(doc.components.securitySchemes.csrf).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-csrf-token' });
    expect(doc.security).toEqual([{ session: [] }]);
    for (const [method, path, op] of operations()) {
      const isPublic = path === '/api/health' || path === '/api/v1/auth/login' || path.startsWith('/api/v1/public/');
      const expected = isPublic ? [] : method === 'get' ? undefined : [{ session: [], csrf: [] }];
      expect({ path, method, security: op.security }).toEqual({ path, method, security: expected });
    }
  });

  it('describes the uploads as multipart with a binary file and their text fields', () => {
    const fields = (id: string) => byId(id).requestBody!.content['multipart/form-data']!.schema.properties!;
    expect(fields('importUnits').file).toMatchObject({ type: 'string', format: 'binary' });
    expect(Object.keys(fields('parseDirectiveFile')).sort()).toEqual(['file', 'ownerUnitId', 'progressId']);
    expect(fields('uploadDirective').file).toMatchObject({ type: 'string', format: 'binary' });
    expect(fields('uploadDirective').data).toMatchObject({ type: 'string' });
  });

  it('gives the downloads their file types with a binary body', () => {
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const types = (id: string) => byId(id).responses['200']!.content!;
    expect(Object.keys(types('exportUnits'))).toEqual(['text/csv', xlsx]);
    expect(Object.keys(types('exportDraftDocx'))).toEqual([docx]);
    expect(Object.keys(types('exportWeeklyReportDocx'))).toEqual([docx]);
    expect(Object.keys(types('exportWeeklyReportXlsx'))).toEqual([xlsx]);
    expect(Object.keys(types('getDirectiveFile'))).toContain(docx);
    for (const id of ['exportUnits', 'exportDraftDocx', 'exportWeeklyReportXlsx', 'getDirectiveFile']) {
      for (const media of Object.values(types(id))) expect(media.schema).toEqual({ type: 'string', format: 'binary' });
    }
  });

  it('describes every response, declares its tags and servers, and holds each component once', () => {
    for (const [, , op] of operations()) {
      for (const response of Object.values(op.responses)) expect(response.description).not.toMatch(/^(Default Response)?$/);
    }
    const declared = new Map((doc.tags ?? []).map((tag) => [tag.name, tag.description]));
    for (const [, , op] of operations()) for (const tag of op.tags ?? []) expect(declared.get(tag)).toBeTruthy();
    expect(doc.servers?.length).toBeGreaterThan(0);
    const bodies = Object.values(doc.components.schemas).map((schema) => JSON.stringify(schema));
    expect(new Set(bodies).size).toBe(bodies.length);
    expect(Object.keys(doc.components.schemas).filter((id) => id.endsWith('InputInput'))).toEqual([]);
  });
});
