import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiRequestError, data, formData, onUnauthenticated, setCsrfToken } from './client.js';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const sent: Request[] = [];

function serve(...answers: Response[]) {
  sent.length = 0;
  vi.stubGlobal('fetch', async (request: Request) => {
    sent.push(request);
    return answers.shift() ?? json(500, {});
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  onUnauthenticated(null);
});

describe('the web API client (openapi-fetch + middleware)', () => {
  it('sends the CSRF token on writes only and returns the typed body', async () => {
    setCsrfToken('tok');
    serve(json(200, []), json(201, { id: 7 }));
    await data(api.GET('/api/v1/units'));
    const created = await data(api.POST('/api/v1/directives', { body: {} as never }));
    expect(created).toEqual({ id: 7 });
    expect(sent[0]!.headers.get('x-csrf-token')).toBeNull();
    expect(sent[1]!.headers.get('x-csrf-token')).toBe('tok');
  });

  it('leaves empty query values out', async () => {
    serve(json(200, []));
    await data(api.GET('/api/v1/users', { params: { query: { q: '' } } }));
    expect(sent[0]!.url).toBe('http://localhost/api/v1/users');
  });

  it('throws the server error as ApiRequestError {status, code, message, details}', async () => {
    serve(json(409, { code: 'CONFLICT', message: 'Đã có', details: { field: 'code' } }));
    const error = await data(api.POST('/api/v1/units', { body: {} as never })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 409, code: 'CONFLICT', message: 'Đã có', details: { field: 'code' } });
  });

  it('keeps the other fields of an error body without details as its details (a rejected import lists its lines)', async () => {
    serve(json(422, { code: 'IMPORT_REJECTED', reason: 'CONTEST_IMPORT_REJECTED', message: 'Tệp có 1 dòng không hợp lệ', rowsRead: 3, rejected: [{ line: 2, reason: 'x' }] }));
    const error = await data(api.POST('/api/v1/units', { body: {} as never })).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, code: 'IMPORT_REJECTED', reason: 'CONTEST_IMPORT_REJECTED', details: { rowsRead: 3, rejected: [{ line: 2, reason: 'x' }] } });
  });

  it('after CSRF_FAILED fetches a fresh token and sends the write once more', async () => {
    setCsrfToken('old');
    serve(json(403, { code: 'CSRF_FAILED', message: '' }), json(200, { user: {}, csrfToken: 'new' }), json(201, { id: 1 }));
    expect(await data(api.POST('/api/v1/directives', { body: { title: 'x' } as never }))).toEqual({ id: 1 });
    expect(sent.map((r) => `${r.method} ${new URL(r.url).pathname} ${r.headers.get('x-csrf-token')}`)).toEqual([
      'POST /api/v1/directives old',
      'GET /api/v1/auth/me null',
      'POST /api/v1/directives new',
    ]);
    expect(await sent[2]!.json()).toEqual({ title: 'x' });
  });

  it('reports an expired session, except where 401 is an answer (login, me, public pages)', async () => {
    const expired = vi.fn();
    onUnauthenticated(expired);
    serve(json(401, { code: 'UNAUTHENTICATED', message: '' }), json(401, { code: 'UNAUTHENTICATED', message: '' }));
    await expect(data(api.GET('/api/v1/auth/me'))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(expired).not.toHaveBeenCalled();
    await expect(data(api.GET('/api/v1/units'))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(expired).toHaveBeenCalledOnce();
  });

  it('turns a network failure into NETWORK and sends uploads as multipart with the file', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('offline');
    });
    await expect(data(api.GET('/api/v1/units'))).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
    serve(json(200, { result: {} }));
    const file = new File(['abc'], 'chi-thi.txt', { type: 'text/plain' });
    await data(api.POST('/api/v1/directives/parse-file', { body: { file, ownerUnitId: '3' }, bodySerializer: formData }));
    const form = await sent[0]!.formData();
    expect(form.get('ownerUnitId')).toBe('3');
    expect((form.get('file') as File).name).toBe('chi-thi.txt');
  });
});
