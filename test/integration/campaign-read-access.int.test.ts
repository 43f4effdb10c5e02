import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../../src/platform/xlsx/exceljs.js';
import type { Role } from '../../src/platform/db/schema/org.js';
import { buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';
import { accessTargets, buildAccessTargets, type AccessTarget } from '../support/access-targets.js';
import { buildActivity, buildAssignment, buildCampaign, markTaskDone } from '../support/campaign-fixtures.js';

/**
 * Reading campaigns, by target position relative to the unit a role is granted on (own unit,
 * descendant, sibling, ancestor, other province): a plan is seen when its owner is in the granted
 * subtree or one of its tasks goes there; a task when its unit or its plan's owner is there.
 */
const database = await createTestDatabase();
const { db } = database;
const app = await buildTestApp(db);

const targets = accessTargets;
type Target = AccessTarget;
const unitIds = {} as Record<Target, number>;
const taskIds = {} as Record<Target, number>;
/** A plan owned by each target, with a task to that target only. */
const ownedPlans = {} as Record<Target, number>;
let provincePlan: number;
const sessions = {} as Record<Role, Session>;

beforeAll(async () => {
  const tree = await buildAccessTargets(db);
  Object.assign(unitIds, tree.unitIds);
  const plan = await buildCampaign(db, { ownerUnitId: unitIds.ancestor, code: 'KH-25' });
  provincePlan = plan.id;
  const { tasks } = await buildAssignment(db, { campaignId: plan.id, unitIds: [unitIds.ancestor, unitIds.own, unitIds.descendant, unitIds.sibling], dueAt: new Date('2030-01-01T00:00:00Z') });
  for (const t of tasks) {
    const target = targets.find((k) => unitIds[k] === t.unitId)!;
    taskIds[target] = t.id;
  }
  const other = await buildCampaign(db, { ownerUnitId: unitIds.otherProvince, code: 'KH-LCA' });
  taskIds.otherProvince = (await buildAssignment(db, { campaignId: other.id, unitIds: [unitIds.otherProvince] })).tasks[0]!.id;
  for (const target of targets) {
    const owned = await buildCampaign(db, { ownerUnitId: unitIds[target], code: `KH-OWN-${target}` });
    await buildAssignment(db, { campaignId: owned.id, unitIds: [unitIds[target]] });
    ownedPlans[target] = owned.id;
  }
  for (const role of ['system_admin', 'editor', 'viewer'] as Role[]) {
    const username = `${role.replace('_', '')}.campaigns`;
    await buildUser(db, { username, role, unitId: unitIds.own });
    sessions[role] = await logInAs(app, username);
  }
});

const status = async (role: Role, url: string) => (await app.inject({ method: 'GET', url, headers: sessions[role].headers })).statusCode;

describe('campaign reads by target position', () => {
  for (const role of ['editor', 'viewer'] as Role[]) {
    for (const target of targets) {
      const inSubtree = target === 'own' || target === 'descendant';
      it(`${role} × ${target}: the target's task, its own plan and its subtree's progress are ${inSubtree ? 'readable' : 'hidden'}`, async () => {
        const expected = inSubtree ? 200 : 404;
        expect(await status(role, `/api/v1/campaign-tasks/${taskIds[target]}`)).toBe(expected);
        expect(await status(role, `/api/v1/campaigns/${ownedPlans[target]}`)).toBe(expected);
        expect(await status(role, `/api/v1/campaigns/${ownedPlans[target]}/progress?unitId=${unitIds[target]}`)).toBe(expected);
        expect(await status(role, `/api/v1/campaigns/${provincePlan}/progress?unitId=${unitIds[target]}`)).toBe(expected);
        expect(await status(role, `/api/v1/campaigns/${provincePlan}/matrix?unitId=${unitIds[target]}`)).toBe(expected);
      });
    }
  }

  it('the province plan received by the unit is seen (a task to its subtree); the list holds exactly the visible plans', async () => {
    expect(await status('viewer', `/api/v1/campaigns/${provincePlan}`)).toBe(200);
    const list = (await app.inject({ method: 'GET', url: '/api/v1/campaigns', headers: sessions.viewer.headers })).json() as { code: string }[];
    expect(list.map((c) => c.code).sort()).toEqual(['KH-25', 'KH-OWN-descendant', 'KH-OWN-own']);
    const all = (await app.inject({ method: 'GET', url: '/api/v1/campaigns', headers: sessions.system_admin.headers })).json() as unknown[];
    expect(all).toHaveLength(7);
  });

  it('the received plan shows only the subtree: the progress of the unit counts its own and its child’s tasks, not the sibling’s', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/campaigns/${provincePlan}/progress`, headers: sessions.viewer.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { unit: { id: number }; totals: { assigned: number }; units: { id: number; drillable: boolean }[] };
    expect(body.unit.id).toBe(unitIds.own);
    expect(body.totals.assigned).toBe(2);
    expect(body.units.map((u) => u.id)).toEqual([unitIds.own, unitIds.descendant]);
  });

  it('only the task’s unit editors may record: canRecord', async () => {
    const get = async (role: Role, target: Target) => ((await app.inject({ method: 'GET', url: `/api/v1/campaign-tasks/${taskIds[target]}`, headers: sessions[role].headers })).json() as { canRecord: boolean }).canRecord;
    expect(await get('editor', 'own')).toBe(true);
    expect(await get('editor', 'descendant')).toBe(true);
    expect(await get('viewer', 'own')).toBe(false);
  });
});

describe('progress XLSX', () => {
  it('reads back with Vietnamese headers, a row per unit and task, real numbers', async () => {
    await buildActivity(db, { taskId: taskIds.own, quantities: { articles: 3, attendees: 120 }, channel: 'press' });
    await buildActivity(db, { taskId: taskIds.descendant, quantities: { articles: 2 } });
    await markTaskDone(db, taskIds.descendant);
    const res = await app.inject({ method: 'GET', url: `/api/v1/campaigns/${provincePlan}/progress.xlsx?unitId=${unitIds.ancestor}`, headers: sessions.system_admin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const byUnit = workbook.getWorksheet('Theo đơn vị')!;
    const heads = (byUnit.getRow(1).values as unknown[]).slice(1);
    expect(heads.slice(0, 4)).toEqual(['Mã đơn vị', 'Đơn vị', 'Nhiệm vụ', 'Tình trạng']);
    expect(heads).toContain('Số tin, bài');
    expect(byUnit.rowCount).toBe(5);
    const rows = [2, 3, 4, 5].map((i) => (byUnit.getRow(i).values as unknown[]).slice(1));
    const ownRow = rows.find((r) => r[0] === 'LCU-SVHTTDL')!;
    expect(ownRow[3]).toBe('Đang thực hiện');
    expect(ownRow[heads.indexOf('Số tin, bài')]).toBe(3);
    expect(ownRow[heads.indexOf('Số người dự')]).toBe(120);
    expect(rows.find((r) => r[0] === 'LCU-TTVH')![3]).toBe('Đã hoàn thành');
    const summary = workbook.getWorksheet('Tổng hợp')!;
    const total = summary.getRow(summary.rowCount).values as unknown[];
    expect(total[1]).toBe('Tổng cộng');
    expect(total.slice(3, 8)).toEqual([4, 1, 1, 0, 2]);
  });
});
