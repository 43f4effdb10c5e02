import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CampaignInput } from '../../src/modules/campaigns/schemas-write.js';
import { createTestDatabase } from '../support/db.js';
import { buildUnit, buildUser } from '../support/factories.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

/**
 * Issue 12, items 1, 3 and 4 (write side): confirming a plan turns each assignment into one task per
 * unit (a group addressee expanded to its members), each with its due instant; moving a milestone
 * moves its phases and the open tasks' due instants; a unit that received the plan drafts its own
 * implementing plan whose tasks link to the parent tasks; the plan comes out as an official DOCX.
 */
const { db } = await createTestDatabase();
const app = await buildTestApp(db);

const u: Record<string, number> = {};
const s = {} as Record<'province' | 'commune' | 'other' | 'provinceViewer', Session>;
const api = (session: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url: `/api/v1${url}`, headers: session.headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  const province = await buildUnit(db, { code: 'LCU-UBND', name: 'Ủy ban nhân dân tỉnh Lai Châu', kind: 'people_committee', abbreviation: 'UBND' });
  u.province = province.id;
  u.dept = (await buildUnit(db, { code: 'LCU-SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch Lai Châu', kind: 'department', parentId: province.id, abbreviation: 'SVHTTDL' })).id;
  u.centre = (await buildUnit(db, { code: 'LCU-TTVH', name: 'Trung tâm Văn hóa tỉnh Lai Châu', kind: 'other', parentId: u.dept })).id;
  u.press = (await buildUnit(db, { code: 'LCU-BPTTH', name: 'Báo và Phát thanh, Truyền hình Lai Châu', kind: 'press', parentId: province.id })).id;
  u.tanPhong = (await buildUnit(db, { code: 'LCU-P-TANPHONG', name: 'Phường Tân Phong', kind: 'commune', parentId: province.id })).id;
  u.doanKet = (await buildUnit(db, { code: 'LCU-P-DOANKET', name: 'Phường Đoàn Kết', kind: 'commune', parentId: province.id })).id;
  u.sinHo = (await buildUnit(db, { code: 'LCU-X-SINHO', name: 'Xã Sìn Hồ', kind: 'commune', parentId: province.id })).id;
  const other = await buildUnit(db, { code: 'LCA-UBND', name: 'Ủy ban nhân dân tỉnh Lào Cai', kind: 'people_committee' });
  u.other = other.id;
  u.otherCommune = (await buildUnit(db, { code: 'LCA-X-BATXAT', name: 'Xã Bát Xát', kind: 'commune', parentId: other.id })).id;
  await buildUser(db, { username: 'bientap.ubnd', role: 'editor', unitId: u.province });
  await buildUser(db, { username: 'xem.ubnd', role: 'viewer', unitId: u.province });
  await buildUser(db, { username: 'bientap.so', role: 'editor', unitId: u.dept });
  await buildUser(db, { username: 'bientap.laocai', role: 'editor', unitId: u.other });
  s.province = await logInAs(app, 'bientap.ubnd');
  s.provinceViewer = await logInAs(app, 'xem.ubnd');
  s.commune = await logInAs(app, 'bientap.so');
  s.other = await logInAs(app, 'bientap.laocai');
});

const assignment = (a: Partial<CampaignInput['assignments'][number]>): CampaignInput['assignments'][number] => ({
  text: 'Tổ chức tuyên truyền',
  unitsAsWritten: '',
  unitIds: [],
  leadUnitId: null,
  coordinatingUnitIds: [],
  phaseKey: null,
  deadline: null,
  themeKeys: [],
  channels: [],
  expectedOutputs: [],
  ...a,
});

function plan(communes: number[]): CampaignInput {
  return {
    ownerUnitId: u.province as number,
    title: 'Kế hoạch tuyên truyền Đại hội XIV của Đảng',
    purpose: 'Nâng cao nhận thức của cán bộ, đảng viên và Nhân dân.',
    requirements: 'Thiết thực, hiệu quả.',
    milestones: [{ key: 'dh', title: 'Đại hội XIV của Đảng', startsAt: '2026-01-19', endsAt: '2026-01-23' }],
    phases: [
      { key: 'd1', title: 'Đợt 1. Trước Đại hội', starts: { kind: 'date', date: '2025-12-01' }, ends: { kind: 'milestone', milestoneKey: 'dh', edge: 'start' } },
      { key: 'd2', title: 'Đợt 2. Sau khi bế mạc Đại hội', starts: { kind: 'milestone', milestoneKey: 'dh', edge: 'end' }, ends: { kind: 'date', date: '2026-03-31' } },
    ],
    themes: [
      { key: 't1', phaseKey: 'd1', title: 'Các dự thảo văn kiện trình Đại hội XIV' },
      { key: 't2', phaseKey: 'd2', title: 'Thông tin nhanh kết quả Đại hội XIV' },
    ],
    channels: [{ channel: 'press', text: 'Trên báo chí, cổng thông tin điện tử' }],
    assignments: [
      assignment({ text: 'Tổ chức các hoạt động tuyên truyền trực quan', unitsAsWritten: 'UBND các xã, phường', unitIds: communes, phaseKey: 'd1', deadline: { kind: 'phase_end', phaseKey: 'd1' }, themeKeys: ['t1'] }),
      assignment({ text: 'Đăng tải tin, bài hằng tuần', unitsAsWritten: 'Báo và Phát thanh, Truyền hình Lai Châu', leadUnitId: u.press as number, coordinatingUnitIds: [u.dept as number], deadline: { kind: 'recurring', every: 'week', phaseKey: 'd2' } }),
      assignment({ text: 'Báo cáo kết quả', unitsAsWritten: 'Sở Văn hóa, Thể thao và Du lịch', unitIds: [u.dept as number], deadline: { kind: 'date', date: '2026-02-10' }, expectedOutputs: [{ kind: 'articles', quantity: 5 }] }),
    ],
  };
}

const dueOf = async (taskId: number) => (await db.execute<{ due: string }>(sql`select due_at::text as due from campaign_tasks where id = ${taskId}`)).rows[0]?.due;

describe('confirming a plan (POST /campaigns)', () => {
  let campaignId: number;
  let tasks: { id: number; assignmentIndex: number; unitId: number; dueAt: string | null }[];

  it('matches names to the owner’s subtree: a group addressee becomes its member units, never another province’s', async () => {
    const response = await api(s.province, 'POST', '/campaigns/match-units', { ownerUnitId: u.province, names: ['UBND các xã, phường', 'Sở VHTTDL', 'Ban Không Có'] });
    expect(response.statusCode, response.body).toBe(200);
    const [group, dept, none] = response.json().matches;
    expect(group.group).toBe(true);
    expect(group.units.map((x: { code: string }) => x.code).sort()).toEqual(['LCU-P-DOANKET', 'LCU-P-TANPHONG', 'LCU-X-SINHO']);
    expect(dept.units.map((x: { code: string }) => x.code)).toEqual(['LCU-SVHTTDL']);
    expect(none.units).toEqual([]);
  });

  it('creates one task per unit (group members, lead; coordinating units get none) with due instants in Vietnam time and a generated code', async () => {
    const communes = (await api(s.province, 'POST', '/campaigns/match-units', { ownerUnitId: u.province, names: ['UBND các xã, phường'] })).json().matches[0].units.map((x: { id: number }) => x.id);
    const response = await api(s.province, 'POST', '/campaigns', plan(communes));
    expect(response.statusCode, response.body).toBe(201);
    ({ id: campaignId, tasks } = response.json());
    expect(response.json().code).toBe('1/KH-UBND');
    expect(tasks.filter((t) => t.assignmentIndex === 0).map((t) => t.unitId).sort()).toEqual([u.tanPhong, u.doanKet, u.sinHo].sort());
    expect(tasks.filter((t) => t.assignmentIndex === 1).map((t) => t.unitId)).toEqual([u.press]);
    expect(tasks.some((t) => t.assignmentIndex === 1 && t.unitId === u.dept)).toBe(false);
    // Phase 1 ends when the Congress opens (19/01, 00:00 Vietnam time); a date deadline is the day's last second.
    expect(tasks.find((t) => t.assignmentIndex === 0)?.dueAt).toBe('2026-01-18T17:00:00.000Z');
    expect(tasks.find((t) => t.assignmentIndex === 1)?.dueAt).toBe('2026-03-31T16:59:59.000Z');
    expect(tasks.find((t) => t.assignmentIndex === 2)?.dueAt).toBe('2026-02-10T16:59:59.000Z');
    const totals = await db.execute<{ n: number }>(sql`select count(*)::int as n from campaign_task_totals t join campaign_tasks k on k.id = t.task_id where k.campaign_id = ${campaignId} and t.activities = 0`);
    expect(totals.rows[0]?.n).toBe(tasks.length);
    const recurrence = await db.execute<{ r: string }>(sql`select recurrence as r from campaign_tasks where id = ${tasks.find((t) => t.assignmentIndex === 1)?.id}`);
    expect(recurrence.rows[0]?.r).toBe('week');
    const audit = await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'campaign.create' and entity_id = ${String(campaignId)}`);
    expect(audit.rows[0]?.n).toBe(1);
    const second = await api(s.province, 'POST', '/campaigns', plan([]));
    expect(second.json().code).toBe('2/KH-UBND');
  });

  it('refuses units outside the owner’s subtree, unknown keys, a viewer, and another province', async () => {
    const outside = await api(s.province, 'POST', '/campaigns', plan([u.otherCommune as number]));
    expect([outside.statusCode, outside.json().reason]).toEqual([400, 'CAMPAIGN_UNITS_OUT_OF_SUBTREE']);
    const badKey = plan([]);
    badKey.themes[0]!.phaseKey = 'd9';
    const unknown = await api(s.province, 'POST', '/campaigns', badKey);
    expect([unknown.statusCode, unknown.json().reason]).toEqual([400, 'CAMPAIGN_KEY_UNKNOWN']);
    expect(unknown.json().message).toContain('"d9"');
    expect((await api(s.provinceViewer, 'POST', '/campaigns', plan([]))).statusCode).toBe(403);
    expect((await api(s.other, 'POST', '/campaigns', plan([]))).statusCode).toBe(404);
    const kinds = plan([]);
    kinds.assignments[2]!.expectedOutputs = [{ kind: 'likes_of_staff', quantity: 3 }];
    expect((await api(s.province, 'POST', '/campaigns', kinds)).json().reason).toBe('CAMPAIGN_QUANTITY_KIND_UNKNOWN');
  });

  it('moves a milestone: the phases hanging on it and the open tasks’ due instants follow; a done task keeps its own', async () => {
    const milestone = await db.execute<{ id: number }>(sql`select id from campaign_milestones where campaign_id = ${campaignId}`);
    const communeTasks = tasks.filter((t) => t.assignmentIndex === 0);
    const doneTask = communeTasks[0]!.id;
    expect((await api(s.province, 'POST', `/campaign-tasks/${doneTask}/done`, { note: 'Đã xong' })).statusCode).toBe(204);
    const moved = await api(s.province, 'PATCH', `/campaigns/${campaignId}/milestones/${milestone.rows[0]!.id}`, { startsAt: '2026-01-26', endsAt: '2026-01-30' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ phasesMoved: 2, tasksMoved: 2 });
    const phases = await db.execute<{ s: string | null; e: string | null }>(sql`select starts_at::text as s, ends_at::text as e from campaign_phases where campaign_id = ${campaignId} order by position`);
    expect(phases.rows.map((p) => [p.s, p.e])).toEqual([
      ['2025-11-30 17:00:00+00', '2026-01-25 17:00:00+00'],
      ['2026-01-30 16:59:59+00', '2026-03-31 16:59:59+00'],
    ]);
    expect(await dueOf(communeTasks[1]!.id)).toBe('2026-01-25 17:00:00+00');
    expect(await dueOf(doneTask)).toBe('2026-01-18 17:00:00+00');
    expect(await dueOf(tasks.find((t) => t.assignmentIndex === 2)!.id)).toBe('2026-02-10 16:59:59+00');
    const reversed = await api(s.province, 'PATCH', `/campaigns/${campaignId}/milestones/${milestone.rows[0]!.id}`, { startsAt: '2026-01-30', endsAt: '2026-01-26' });
    expect(reversed.json().reason).toBe('CAMPAIGN_RANGE_INVALID');
    expect((await api(s.commune, 'PATCH', `/campaigns/${campaignId}/milestones/${milestone.rows[0]!.id}`, { startsAt: '2026-01-26', endsAt: '2026-01-30' })).statusCode).toBe(404);
  });

  it('drafts the implementing plan of a unit that received it, to its children, and links each child task to the parent task', async () => {
    const draft = await api(s.commune, 'GET', `/campaigns/${campaignId}/implementing-draft?unitId=${u.dept}`);
    expect(draft.statusCode, draft.body).toBe(200);
    const body = draft.json() as CampaignInput;
    const parentTask = tasks.find((t) => t.assignmentIndex === 2)!.id;
    expect(body.sourceReference).toMatch(/^Thực hiện Kế hoạch số 1\/KH-UBND ngày \d{2}\/\d{1,2}\/\d{4} của Ủy ban nhân dân tỉnh Lai Châu về /u);
    expect(body.phases.map((p) => p.title)).toEqual(['Đợt 1. Trước Đại hội', 'Đợt 2. Sau khi bế mạc Đại hội']);
    expect(body.assignments).toHaveLength(1);
    expect(body.assignments[0]).toMatchObject({ unitIds: [u.centre], parentTaskIds: { [String(u.centre)]: parentTask }, deadline: { kind: 'date', date: '2026-02-10' } });
    const child = await api(s.commune, 'POST', '/campaigns', body);
    expect(child.statusCode, child.body).toBe(201);
    expect(child.json().code).toBe('1/KH-SVHTTDL');
    expect(child.json().tasks).toEqual([expect.objectContaining({ unitId: u.centre, parentTaskId: parentTask })]);
    // A parent task of another unit (not in the department's subtree) is refused.
    const stolen = { ...body, assignments: [{ ...body.assignments[0]!, parentTaskIds: { [String(u.centre)]: tasks.find((t) => t.assignmentIndex === 1)!.id } }] };
    expect((await api(s.commune, 'POST', '/campaigns', stolen)).json().reason).toBe('CAMPAIGN_PARENT_TASK_INVALID');
    const notReceived = await api(s.province, 'GET', `/campaigns/${campaignId}/implementing-draft?unitId=${u.province}`);
    expect(notReceived.json().reason).toBe('CAMPAIGN_NOT_RECEIVED');
  });

  it('exports the plan as a DOCX in the State layout of its owner, read back', async () => {
    const docx = await api(s.provinceViewer, 'GET', `/campaigns/${campaignId}/plan.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain('ke-hoach-1-KH-UBND.docx');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const part of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'ỦY BAN NHÂN DÂN', 'TỈNH LAI CHÂU', 'Số: 1/KH-UBND', 'KẾ HOẠCH', 'I. MỤC ĐÍCH, YÊU CẦU', 'II. NỘI DUNG', 'Đợt 1. Trước Đại hội (từ ngày 01/12/2025 đến ngày 25/01/2026)', 'Các dự thảo văn kiện trình Đại hội XIV', 'III. HÌNH THỨC', 'IV. TỔ CHỨC THỰC HIỆN', 'Phường Tân Phong', 'Phối hợp: Sở Văn hóa, Thể thao và Du lịch Lai Châu', 'Thời hạn: ngày 10/02/2026']) {
      expect(text, part).toContain(part);
    }
    expect((await api(s.other, 'GET', `/campaigns/${campaignId}/plan.docx`)).statusCode).toBe(404);
  });

  it('lists the quantity kinds', async () => {
    const kinds = await api(s.commune, 'GET', '/campaign-quantity-kinds');
    expect(kinds.json()).toContainEqual({ code: 'shares', label: 'Số lượt chia sẻ' });
  });
});
