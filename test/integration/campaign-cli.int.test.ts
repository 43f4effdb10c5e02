import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../../src/platform/xlsx/exceljs.js';
import { buildUnit } from '../support/factories.js';
import { runLantoa } from '../support/cli.js';
import { createTestDatabase } from '../support/db.js';
import { buildActivity, buildAssignment, buildCampaign, markTaskDone } from '../support/campaign-fixtures.js';

/** `lantoa campaigns progress` in a real process on the test database (DATABASE_URL), as the operator. */
const database = await createTestDatabase();
const { db } = database;
let dir: string;

function lantoa(args: string[]) {
  return runLantoa(args, { databaseUrl: database.url, dir });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-campaign-cli-'));
  const province = await buildUnit(db, { code: 'LCU-TU', name: 'Tỉnh ủy Lai Châu', kind: 'party_committee' });
  const a = await buildUnit(db, { code: 'X-TD', name: 'Đảng ủy xã Tam Đường', kind: 'commune', parentId: province.id });
  const b = await buildUnit(db, { code: 'X-SH', name: 'Đảng ủy xã Sìn Hồ', kind: 'commune', parentId: province.id });
  const cell = await buildUnit(db, { code: 'X-TD-CB1', name: 'Chi bộ bản Nà Tăm', kind: 'party_cell', parentId: a.id });
  const plan = await buildCampaign(db, { ownerUnitId: province.id, code: 'KH-25' });
  const { tasks } = await buildAssignment(db, { campaignId: plan.id, unitIds: [a.id, b.id], text: 'Tuyên truyền trên hệ thống truyền thanh cơ sở', dueAt: new Date('2030-01-01T00:00:00Z') });
  const own = await buildCampaign(db, { ownerUnitId: a.id, parentCampaignId: plan.id });
  const { tasks: below } = await buildAssignment(db, { campaignId: own.id, unitIds: [cell.id], parentTaskIds: { [cell.id]: tasks[0]!.id } });
  await buildActivity(db, { taskId: tasks[0]!.id, quantities: { loudspeaker_broadcasts: 4 } });
  await buildActivity(db, { taskId: below[0]!.id, quantities: { loudspeaker_broadcasts: 2, sessions: 1 } });
  await markTaskDone(db, tasks[1]!.id);
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('lantoa campaigns progress', () => {
  it('--json prints {unit, tasks, units} for the unit’s subtree, quantities rolled up through the implementing plan', () => {
    const result = lantoa(['campaigns', 'progress', '--campaign', 'KH-25', '--unit', 'LCU-TU', '--json']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const body = JSON.parse(result.out) as Record<string, unknown> & { tasks: Record<string, unknown>[]; units: Record<string, unknown>[] };
    expect(Object.keys(body).sort()).toEqual(['campaign', 'tasks', 'unit', 'units']);
    expect(body.unit).toEqual({ code: 'LCU-TU', name: 'Tỉnh ủy Lai Châu' });
    expect(Object.keys(body.tasks[0]!).sort()).toEqual(['assigned', 'code', 'done', 'inProgress', 'notStarted', 'overdue', 'quantities', 'text', 'unitsActed'].sort());
    expect(body.tasks[0]).toMatchObject({ code: 'KH-25-1', assigned: 2, done: 1, inProgress: 1, overdue: 0, notStarted: 0, unitsActed: 3, quantities: { loudspeaker_broadcasts: 6, sessions: 1 } });
    expect(body.units).toEqual([
      { code: 'X-SH', name: 'Đảng ủy xã Sìn Hồ', status: 'done' },
      { code: 'X-TD', name: 'Đảng ủy xã Tam Đường', status: 'in_progress' },
    ]);
  });

  it('without flags prints a readable Vietnamese table; --xlsx writes the workbook; an unknown code fails plainly', async () => {
    const table = lantoa(['campaigns', 'progress', '--campaign', 'KH-25', '--unit', 'X-TD']);
    expect(table.code).toBe(0);
    expect(table.out).toContain('Tiến độ Kế hoạch KH-25 (KH-25) — Đảng ủy xã Tam Đường (X-TD)');
    expect(table.out).toContain('Đang thực hiện');
    const file = path.join(dir, 'tien-do.xlsx');
    const xlsx = lantoa(['campaigns', 'progress', '--campaign', 'KH-25', '--unit', 'LCU-TU', '--xlsx', file]);
    expect(xlsx.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.getWorksheet('Theo đơn vị')!.rowCount).toBe(3);
    const unknown = lantoa(['campaigns', 'progress', '--campaign', 'KH-NONE', '--unit', 'LCU-TU', '--json']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('KH-NONE');
  });
});
