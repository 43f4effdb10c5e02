import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { taskStatus, taskStatusSql } from '../../src/modules/campaigns/status.js';
import { progressOf } from '../../src/modules/campaigns/read/progress.js';
import { selectCampaign } from '../../src/modules/campaigns/read/repository-read.js';
import { buildUnit } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { buildActivity, buildAssignment, buildCampaign, markTaskDone } from '../support/campaign-fixtures.js';

const database = await createTestDatabase();
const { db } = database;

let province: number;
let commune: number;
beforeAll(async () => {
  province = (await buildUnit(db, { code: 'P', name: 'Tỉnh ủy Lai Châu', kind: 'party_committee' })).id;
  commune = (await buildUnit(db, { code: 'X1', name: 'Đảng ủy xã Tam Đường', kind: 'party_committee', parentId: province })).id;
});

async function campaignRow(id: number) {
  const row = await selectCampaign(db, { id });
  if (!row) throw new Error('no campaign');
  return row;
}

describe('task status', () => {
  it('is overdue exactly at the deadline instant: one second before it is not, at it and after it is', async () => {
    const c = await buildCampaign(db, { ownerUnitId: province });
    const due = new Date('2025-12-31T16:59:59.000Z');
    const { tasks } = await buildAssignment(db, { campaignId: c.id, unitIds: [commune], dueAt: due });
    const at = async (ms: number) => (await progressOf(db, await campaignRow(c.id), province, new Date(due.getTime() + ms))).grid.find((g) => g.unitId === commune)!.tasks[0]!.status;
    expect(await at(-1000)).toBe('not_started');
    expect(await at(0)).toBe('overdue');
    expect(await at(1000)).toBe('overdue');
    await buildActivity(db, { taskId: tasks[0]!.id, quantities: { articles: 1 } });
    expect(await at(-1000)).toBe('in_progress');
    expect(await at(0)).toBe('overdue');
    await markTaskDone(db, tasks[0]!.id, new Date(due.getTime() + 5000));
    expect(await at(1000)).toBe('done');
  });

  it('the SQL expression and the JavaScript rule agree on every combination', async () => {
    const instant = fc.option(fc.integer({ min: 0, max: 20 }).map((s) => new Date(Date.UTC(2025, 0, 1) + s * 1000)), { nil: null });
    await fc.assert(
      fc.asyncProperty(instant, instant, fc.nat({ max: 3 }), fc.integer({ min: 0, max: 20 }), async (doneAt, dueAt, activities, nowSeconds) => {
        const now = new Date(Date.UTC(2025, 0, 1) + nowSeconds * 1000);
        const row = await db.execute<{ status: string }>(sql`
          select ${taskStatusSql(now)} as status
          from (select ${doneAt?.toISOString() ?? null}::timestamptz as done_at, ${dueAt?.toISOString() ?? null}::timestamptz as due_at) t,
               (select ${activities}::int as activities) tt`);
        expect(row.rows[0]!.status).toBe(taskStatus({ doneAt, dueAt, activities }, now));
      }),
      { numRuns: 120 },
    );
  });
});

describe('progress rolls up exactly', () => {
  it('for every unit: the quantities, activities and units that acted equal the sum over the subtree, through implementing plans, no unit counted twice', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(), { minLength: 2, maxLength: 9 }),
        fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
        fc.array(fc.record({ task: fc.nat(), articles: fc.integer({ min: 0, max: 5 }), sessions: fc.integer({ min: 0, max: 3 }) }), { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        async (parents, assigned, activities, doneTasks) => {
          round++;
          const ids: number[] = [];
          const parentOf = new Map<number, number | null>();
          for (let i = 0; i < parents.length; i++) {
            const parent = i === 0 ? null : ids[(parents[i] ?? 0) % i]!;
            ids.push((await buildUnit(db, { code: `R${round}-${i}`, parentId: parent })).id);
            parentOf.set(ids[i]!, parent);
          }
          const inSubtree = (root: number, id: number): boolean => {
            for (let u: number | null | undefined = id; u != null; u = parentOf.get(u)) if (u === root) return true;
            return false;
          };
          const main = await buildCampaign(db, { ownerUnitId: ids[0]!, code: `KH-R${round}` });
          const targets = ids.filter((_, i) => assigned[i]);
          if (targets.length === 0) targets.push(ids[0]!);
          // Two assignments: the same unit holds two tasks of the plan.
          const all: { id: number; unitId: number; parent: number | null }[] = [];
          for (const position of [1, 2]) {
            const { tasks } = await buildAssignment(db, { campaignId: main.id, unitIds: position === 1 ? targets : targets.slice(0, 1), position });
            all.push(...tasks.map((t) => ({ id: t.id, unitId: t.unitId, parent: null })));
          }
          // Implementing plans: each task's unit passes it on to its children, two levels down.
          for (let level = 0; level < 2; level++) {
            for (const task of all.filter((t) => (level === 0 ? t.parent === null : t.parent !== null && all.find((p) => p.id === t.parent)?.parent === null))) {
              const children = ids.filter((id) => parentOf.get(id) === task.unitId);
              if (children.length === 0) continue;
              const plan = await buildCampaign(db, { ownerUnitId: task.unitId, parentCampaignId: main.id });
              const { tasks } = await buildAssignment(db, { campaignId: plan.id, unitIds: children, parentTaskIds: Object.fromEntries(children.map((c) => [c, task.id])) });
              all.push(...tasks.map((t) => ({ id: t.id, unitId: t.unitId, parent: task.id })));
            }
          }
          const own = new Map<number, { n: number; articles: number; sessions: number }>();
          for (const a of activities) {
            const task = all[a.task % all.length]!;
            const quantities = { ...(a.articles ? { articles: a.articles } : {}), ...(a.sessions ? { sessions: a.sessions } : {}) };
            await buildActivity(db, { taskId: task.id, quantities });
            const c = own.get(task.id) ?? { n: 0, articles: 0, sessions: 0 };
            own.set(task.id, { n: c.n + 1, articles: c.articles + a.articles, sessions: c.sessions + a.sessions });
          }
          const done = new Set(doneTasks.map((d) => all[d % all.length]!.id));
          for (const id of done) await markTaskDone(db, id);
          const rootOf = (t: { id: number; parent: number | null }): { id: number; unitId: number; parent: number | null } => {
            let x = all.find((y) => y.id === t.id)!;
            while (x.parent !== null) x = all.find((y) => y.id === x.parent)!;
            return x;
          };
          const campaign = await campaignRow(main.id);
          for (const unit of ids) {
            const counted = all.filter((t) => inSubtree(unit, rootOf(t).unitId));
            const expected = { activities: 0, articles: 0, sessions: 0 };
            for (const t of counted) {
              const o = own.get(t.id);
              if (o) Object.assign(expected, { activities: expected.activities + o.n, articles: expected.articles + o.articles, sessions: expected.sessions + o.sessions });
            }
            const units = new Set(counted.map((t) => t.unitId));
            const acted = new Set(counted.filter((t) => (own.get(t.id)?.n ?? 0) > 0 || done.has(t.id)).map((t) => t.unitId));
            const progress = await progressOf(db, campaign, unit, new Date());
            expect(progress.totals.activities).toBe(expected.activities);
            expect(progress.totals.quantities.articles ?? 0).toBe(expected.articles);
            expect(progress.totals.quantities.sessions ?? 0).toBe(expected.sessions);
            expect(progress.totals.units).toBe(units.size);
            expect(progress.totals.unitsActed).toBe(acted.size);
            expect(progress.totals.idleCount).toBe(units.size - acted.size);
            expect(progress.totals.assigned).toBe(counted.filter((t) => t.parent === null).length);
            const perTask = progress.tasks.reduce((a, t) => a + t.activities, 0);
            expect(perTask).toBe(expected.activities);
          }
        },
      ),
      { numRuns: 12, endOnFailure: true },
    );
  });
});
