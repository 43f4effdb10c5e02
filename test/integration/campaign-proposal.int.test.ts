import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { loadDemo } from '../../src/modules/org/load-demo.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

/** POST /campaigns/proposal: the "new campaign" page's proposal, on the demo workspace through the API. */
const { db } = await createTestDatabase();
const app = await buildTestApp(db);
const seed003 = await readFile(path.resolve(import.meta.dirname, '../../src/modules/directives/demo/seed-003-lai-chau-ke-hoach.txt'), 'utf8');
let editor: Session;
let viewer: Session;

beforeAll(async () => {
  await loadDemo(db);
  editor = await logInAs(app, 'bientap.vhttdl', demoPassword);
  viewer = await logInAs(app, 'xem.laocai', demoPassword);
});

const propose = (session: Session | null, text: string) =>
  app.inject({ method: 'POST', url: '/api/v1/campaigns/proposal', headers: session?.headers ?? {}, payload: { text } });

describe('campaign proposal', () => {
  it('reads seed 003 for an editor: its phases, assignments and title, every span inside the normalised text it returns', async () => {
    const response = await propose(editor, seed003);
    expect(response.statusCode).toBe(200);
    const body = response.json() as { text: string; title: string | null; purpose: string; requirements: string; phases: { title: string; span?: [number, number] }[]; assignments: { units: string[]; span?: [number, number] }[]; themes: { span?: [number, number] }[] };
    expect(body.phases.map((p) => p.title.slice(0, 5))).toEqual(['Đợt 1', 'Đợt 2', 'Đợt 3']);
    expect(body.assignments.flatMap((a) => a.units)).toEqual(expect.arrayContaining(['UBND các xã, phường']));
    expect(body.title).toMatch(/^Tuyên truyền đại hội đảng bộ các cấp/);
    // "I. MỤC ĐÍCH, YÊU CẦU": each part's items, as written.
    expect(body.purpose).toMatch(/^Tăng cường công tác thông tin tuyên truyền[^]*\n- Thông qua các hoạt động/);
    expect(body.purpose).not.toContain('Yêu cầu');
    expect(body.requirements.length).toBeGreaterThan(200);
    expect(body.requirements).not.toContain('LỘ TRÌNH');
    const spans = [...body.phases, ...body.assignments, ...body.themes].map((p) => p.span);
    expect(spans.every((s) => s !== undefined && s[0] >= 0 && s[0] < s[1] && s[1] <= body.text.length)).toBe(true);
    expect(body.text.slice(...body.phases[0]!.span!)).toContain('Đợt 1');
  });

  it('is for editors only, and answers a text too long with its counts (400, nothing read)', async () => {
    expect((await propose(null, seed003)).statusCode).toBe(401);
    const refused = await propose(viewer, seed003);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ reason: 'ROLE_TOO_WEAK' });
    const long = await propose(editor, 'Đợt 1. '.repeat(50_000));
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ reason: 'TEXT_TOO_LONG', details: { chars: 350_000, maxChars: 300_000 } });
    const blank = await propose(editor, '   ');
    expect(blank.statusCode).toBe(400);
  });
});
