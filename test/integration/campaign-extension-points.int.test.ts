import { beforeAll, describe, expect, it } from 'vitest';
import { cliActor, type Actor, type Role } from '../../src/platform/access/roles.js';
import type { ModuleManifest } from '../../src/platform/modules/manifest.js';
import { modules } from '../../src/server/modules.js';
import { buildUnit } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { buildActivity, buildAssignment, buildCampaign, markTaskDone } from '../support/campaign-fixtures.js';

/**
 * The campaigns manifest's extension points, read through the composition root's list: figures of a
 * unit's subtree for a period, items due for a user's units (tasks due within 14 days or overdue).
 * Tree: province P → district D → communes X1, X2; another province Q.
 */
const { db } = await createTestDatabase();
const vn = (local: string) => new Date(`${local}+07:00`);
const admin = cliActor();
const campaigns = (): ModuleManifest => modules.find((m) => m.name === 'campaigns')!;
const actorWith = (role: Role, unitId: number): Actor => ({ userId: null, username: `test:${role}`, grants: [{ id: 1, role, unitId }], ip: null });

let P: number, D: number, X1: number, X2: number, Q: number;
const tasks: Record<string, number> = {};

beforeAll(async () => {
  P = (await buildUnit(db, { code: 'P', kind: 'party_committee' })).id;
  D = (await buildUnit(db, { code: 'D', kind: 'party_committee', parentId: P })).id;
  X1 = (await buildUnit(db, { code: 'X1', kind: 'commune', parentId: D })).id;
  X2 = (await buildUnit(db, { code: 'X2', kind: 'commune', parentId: D })).id;
  Q = (await buildUnit(db, { code: 'Q', kind: 'party_committee' })).id;
  const plan = await buildCampaign(db, { ownerUnitId: P, code: 'KH-25', themes: ['Thành tựu 40 năm đổi mới', 'Đại hội XIV'] });
  const due = await buildAssignment(db, { campaignId: plan.id, unitIds: [X1, X2, D], text: 'Treo băng rôn, khẩu hiệu', dueAt: vn('2025-11-20T17:00:00') });
  const later = await buildAssignment(db, { campaignId: plan.id, unitIds: [X1], text: 'Tổ chức hội thi', dueAt: vn('2025-12-31T17:00:00') });
  const past = await buildAssignment(db, { campaignId: plan.id, unitIds: [X1, X2], text: 'Phát thanh trên loa', dueAt: vn('2025-11-09T17:00:00') });
  Object.assign(tasks, { dueX1: due.tasks[0]!.id, dueX2: due.tasks[1]!.id, dueD: due.tasks[2]!.id, laterX1: later.tasks[0]!.id, pastX1: past.tasks[0]!.id, pastX2: past.tasks[1]!.id });
  const [t1, t2] = plan.themeIds;
  await buildActivity(db, { taskId: tasks.dueX1!, occurredOn: '2025-11-10', channel: 'visual_displays', themeIds: [t1!, t2!], quantities: { displays: 12 } });
  await buildActivity(db, { taskId: tasks.pastX2!, occurredOn: '2025-11-11', channel: 'loudspeakers', themeIds: [t2!], quantities: { loudspeaker_broadcasts: 5 } });
  await buildActivity(db, { taskId: tasks.dueD!, occurredOn: '2025-11-12', channel: null, quantities: { sessions: 1, attendees: 40 } });
  await buildActivity(db, { taskId: tasks.dueX1!, occurredOn: '2025-11-13', channel: 'press', quantities: { articles: 9 } }); // after the period
  await markTaskDone(db, tasks.pastX1!, vn('2025-11-08T10:00:00'));
  const other = await buildCampaign(db, { ownerUnitId: Q });
  await buildActivity(db, { taskId: (await buildAssignment(db, { campaignId: other.id, unitIds: [Q] })).tasks[0]!.id, occurredOn: '2025-11-10', quantities: { displays: 100 } });
});

describe('campaign figures', () => {
  const week = { periodStart: vn('2025-11-06T00:00:00'), periodEnd: vn('2025-11-13T00:00:00') };
  const values = async (actor: Actor, unitId: number, now = vn('2025-11-15T00:00:00')) =>
    Object.fromEntries((await campaigns().figures!(db, { actor, unitId, ...week, now } as never)).map((f) => [f.key, f.value]));

  it('activities by channel and theme, quantities by kind, tasks done and overdue, for the subtree and the period only', async () => {
    const p = await values(admin, P);
    expect(p['campaigns.activities']).toBe(3);
    expect(p['campaigns.activities.channel.visual_displays']).toBe(1);
    expect(p['campaigns.activities.channel.loudspeakers']).toBe(1);
    expect(p['campaigns.activities.channel.other']).toBe(1);
    expect(p['campaigns.activities.channel.press']).toBeUndefined();
    expect(Object.entries(p).filter(([k]) => k.startsWith('campaigns.activities.theme.')).map(([, v]) => v)).toEqual([1, 2]);
    expect([p['campaigns.quantity.displays'], p['campaigns.quantity.loudspeaker_broadcasts'], p['campaigns.quantity.attendees']]).toEqual([12, 5, 40]);
    // Due 09/11 in the week: X1 done before it, X2 not done.
    expect([p['campaigns.tasks_done'], p['campaigns.tasks_overdue']]).toEqual([1, 1]);
    const x2 = await values(actorWith('viewer', D), X2);
    expect([x2['campaigns.activities'], x2['campaigns.quantity.loudspeaker_broadcasts'], x2['campaigns.tasks_overdue']]).toEqual([1, 5, 1]);
    expect((await values(admin, Q))['campaigns.quantity.displays']).toBe(100);
    await expect(values(actorWith('viewer', D), P)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('campaign items due', () => {
  it('the editor’s units’ tasks due within 14 days or overdue, not done, latest deadline first, linking to the task page', async () => {
    const itemsDue = campaigns().itemsDue!;
    const items = await itemsDue(db, { actor: actorWith('editor', D), unitIds: [D, X1, X2, Q], now: vn('2025-11-15T00:00:00') });
    // Same deadline: the latest task first.
    expect(items.map((i) => [i.unitId, i.subject, i.overdue])).toEqual([
      [D, String(tasks.dueD), false],
      [X2, String(tasks.dueX2), false],
      [X1, String(tasks.dueX1), false],
      [X2, String(tasks.pastX2), true],
    ]);
    expect(items[1]!.link).toBe(`/nhiem-vu/${tasks.dueX2}`);
    expect(items[0]!.title).toBe('Nhiệm vụ KH-25-1: Treo băng rôn, khẩu hiệu');
    expect(items.every((i) => i.kind === 'campaigns.task' && i.group === 'Nhiệm vụ kế hoạch tuyên truyền')).toBe(true);
    // Within 14 days of 2025-12-20 the contest falls due too; a viewer is asked nothing.
    expect((await itemsDue(db, { actor: actorWith('editor', X1), unitIds: [X1], now: vn('2025-12-20T00:00:00') })).map((i) => i.subject)).toContain(String(tasks.laterX1));
    expect(await itemsDue(db, { actor: actorWith('viewer', D), unitIds: [D, X1], now: vn('2025-11-15T00:00:00') })).toEqual([]);
  });
});
