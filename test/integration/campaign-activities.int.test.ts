import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { uploadLimits } from '../../src/platform/files/limits.js';
import { createCampaign } from '../../src/modules/campaigns/plan/create-campaign.js';
import { createTestDatabase } from '../support/db.js';
import { buildUnit, buildUser } from '../support/factories.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

/**
 * Issue 12, item 3: a unit's editors record activities as evidence (quantities, files) and mark the
 * task done. The per-task totals stay exactly the sum of the task's activities through any sequence
 * of records and removals; evidence files are photos, PDF or DOCX by their content, within the limit.
 */
const { db } = await createTestDatabase();
const app = await buildTestApp(db);
let session: Session;
let taskIds: number[] = [];
let themeId: number;
let foreignThemeId: number;

const api = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => app.inject({ method, url: `/api/v1${url}`, headers: session.headers, ...(payload ? { payload } : {}) });
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

function upload(activityId: number, fileName: string, data: Buffer, contentType = 'image/png') {
  const boundary = 'ranh-gioi-tep';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`, 'utf8');
  const payload = Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return app.inject({ method: 'POST', url: `/api/v1/campaign-activities/${activityId}/files`, headers: { ...session.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}

const blankAssignment = { unitsAsWritten: '', leadUnitId: null, coordinatingUnitIds: [], phaseKey: null, deadline: null, channels: [], expectedOutputs: [] };

beforeAll(async () => {
  const province = await buildUnit(db, { code: 'T-UBND', name: 'Ủy ban nhân dân tỉnh Thử', kind: 'people_committee' });
  const communes = [await buildUnit(db, { code: 'T-X1', name: 'Xã Một', kind: 'commune', parentId: province.id }), await buildUnit(db, { code: 'T-X2', name: 'Xã Hai', kind: 'commune', parentId: province.id })];
  await buildUser(db, { username: 'bientap.x1', role: 'editor', unitId: communes[0]!.id });
  await buildUser(db, { username: 'bientap.tinh', role: 'editor', unitId: province.id });
  const input = (title: string) => ({
    ownerUnitId: province.id,
    title,
    purpose: '',
    requirements: '',
    milestones: [],
    phases: [],
    themes: [{ key: 't1', phaseKey: null, title: 'Nội dung một' }],
    channels: [],
    assignments: [{ ...blankAssignment, text: 'Tuyên truyền', unitIds: communes.map((c) => c.id), themeKeys: ['t1'] }],
  });
  const created = await createCampaign(db, { actor: cliActor(), input: input('Kế hoạch A') });
  const other = await createCampaign(db, { actor: cliActor(), input: input('Kế hoạch B') });
  taskIds = created.tasks.map((t) => t.id);
  themeId = (await db.execute<{ id: number }>(sql`select id from campaign_themes where campaign_id = ${created.id}`)).rows[0]!.id;
  foreignThemeId = (await db.execute<{ id: number }>(sql`select id from campaign_themes where campaign_id = ${other.id}`)).rows[0]!.id;
  session = await logInAs(app, 'bientap.tinh');
});

/** The totals as recomputed from the activities themselves (kinds summing to zero left out). */
async function recomputed(taskId: number) {
  const rows = await db.execute<{ activities: number; quantities: Record<string, number> | null; last: string | null }>(sql`
    select count(*)::int as activities, max(occurred_on)::text as last,
      (select jsonb_object_agg(k, s) from (select key as k, sum(value::bigint) as s from campaign_activities a2, jsonb_each_text(a2.quantities)
        where a2.task_id = ${taskId} group by key having sum(value::bigint) <> 0) x) as quantities
    from campaign_activities where task_id = ${taskId}`);
  const r = rows.rows[0]!;
  return { activities: r.activities, quantities: r.quantities ?? {}, lastActivityOn: r.last };
}

async function stored(taskId: number) {
  const rows = await db.execute<{ activities: number; quantities: Record<string, number>; last: string | null }>(sql`
    select activities, quantities, last_activity_on::text as last from campaign_task_totals where task_id = ${taskId}`);
  const r = rows.rows[0]!;
  return { activities: r.activities, quantities: r.quantities, lastActivityOn: r.last };
}

describe('activities and their totals', () => {
  it('keeps each task’s totals equal to the sum of its activities through a random sequence of records and removals', async () => {
    let seed = 12;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const kinds = ['articles', 'sessions', 'attendees', 'shares'];
    const live: { id: number; taskId: number }[] = [];
    for (let step = 0; step < 60; step++) {
      if (live.length > 0 && random(3) === 0) {
        const [gone] = live.splice(random(live.length), 1);
        expect((await api('DELETE', `/campaign-activities/${gone!.id}`)).statusCode).toBe(204);
      } else {
        const taskId = taskIds[random(taskIds.length)]!;
        const quantities = Object.fromEntries(kinds.filter(() => random(2) === 0).map((k) => [k, random(50)]));
        const day = `2026-01-${String(1 + random(28)).padStart(2, '0')}`;
        const response = await api('POST', `/campaign-tasks/${taskId}/activities`, { occurredOn: day, channel: 'meetings', themeIds: [themeId], title: `Hoạt động ${step}`, quantities });
        expect(response.statusCode, response.body).toBe(201);
        live.push({ id: response.json().id, taskId });
      }
      if (step % 10 === 9) for (const taskId of taskIds) expect(await stored(taskId)).toEqual(await recomputed(taskId));
    }
    for (const taskId of taskIds) expect(await stored(taskId)).toEqual(await recomputed(taskId));
  });

  it('refuses negative or fractional quantities, unknown kinds, channels off the list and themes of another plan', async () => {
    const post = (body: object) => api('POST', `/campaign-tasks/${taskIds[0]}/activities`, { occurredOn: '2026-01-05', channel: null, themeIds: [], title: 'Thử', quantities: {}, ...body });
    expect((await post({ quantities: { articles: -1 } })).statusCode).toBe(400);
    expect((await post({ quantities: { articles: 1.5 } })).statusCode).toBe(400);
    expect((await post({ quantities: { likes: 3 } })).json().reason).toBe('CAMPAIGN_QUANTITY_KIND_UNKNOWN');
    expect((await post({ themeIds: [foreignThemeId] })).json().reason).toBe('CAMPAIGN_THEME_UNKNOWN');
    expect((await post({ occurredOn: '2026-02-30' })).statusCode).toBe(400);
    expect((await post({ channel: 'personal_accounts' })).json().reason).toBe('CAMPAIGN_CHANNEL_UNKNOWN');
  });
});

describe('evidence files', () => {
  let activityId: number;
  beforeAll(async () => {
    activityId = (await api('POST', `/campaign-tasks/${taskIds[0]}/activities`, { occurredOn: '2026-01-06', channel: 'visual_displays', themeIds: [], title: 'Treo pano', quantities: { displays: 2 } })).json().id;
  });

  it('keeps a photo and serves it back as an attachment with its real type', async () => {
    const response = await upload(activityId, 'pano chào mừng.png', png, 'text/html');
    expect(response.statusCode, response.body).toBe(201);
    const file = await api('GET', `/campaign-activity-files/${response.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''pano%20ch%C3%A0o%20m%E1%BB%ABng.png");
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.rawPayload.equals(png)).toBe(true);
  });

  it('refuses a file that is not what its name says (an SVG renamed .png), an empty file and one over the limit', async () => {
    const svg = await upload(activityId, 'anh.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'image/png');
    expect([svg.statusCode, svg.json().reason]).toEqual([400, 'CAMPAIGN_FILE_TYPE_UNSUPPORTED']);
    expect((await upload(activityId, 'rong.png', Buffer.alloc(0))).json().reason).toBe('FILE_EMPTY');
    const big = await upload(activityId, 'lon.png', Buffer.concat([png, Buffer.alloc(uploadLimits.campaignActivityFileBytes)]));
    expect([big.statusCode, big.json().reason]).toEqual([400, 'FILE_TOO_LARGE']);
    const count = await db.execute<{ n: number }>(sql`select count(*)::int as n from campaign_activity_files where activity_id = ${activityId}`);
    expect(count.rows[0]!.n).toBe(1);
  });
});

describe('marking a task done', () => {
  it('marks done with a note once, reopens once, each audited', async () => {
    const taskId = taskIds[1]!;
    expect((await api('POST', `/campaign-tasks/${taskId}/done`, { note: 'Hoàn thành' })).statusCode).toBe(204);
    expect((await api('POST', `/campaign-tasks/${taskId}/done`, { note: 'Lần hai' })).json().reason).toBe('CAMPAIGN_TASK_ALREADY_DONE');
    const row = await db.execute<{ note: string; done: boolean }>(sql`select done_note as note, done_at is not null as done from campaign_tasks where id = ${taskId}`);
    expect(row.rows[0]).toEqual({ note: 'Hoàn thành', done: true });
    expect((await api('DELETE', `/campaign-tasks/${taskId}/done`)).statusCode).toBe(204);
    expect((await api('DELETE', `/campaign-tasks/${taskId}/done`)).json().reason).toBe('CAMPAIGN_TASK_NOT_DONE');
    const audit = await db.execute<{ action: string }>(sql`select action from audit_log where entity_type = 'campaign_task' and entity_id = ${String(taskId)} and action like 'campaign.task_%' order by id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['campaign.task_done', 'campaign.task_reopen']);
  });
});
