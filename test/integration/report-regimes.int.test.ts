import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliActor, type Actor, type Role } from '../../src/platform/access/roles.js';
import { isLate } from '../../src/platform/time/index.js';
import { archiveRegime, defineRegime, selectRegimeByCode } from '../../src/modules/reports/regimes/index.js';
import { ensurePeriod, openCurrentPeriods } from '../../src/modules/reports/periods/index.js';
import type { RegimeDefinitionInput } from '../../src/modules/reports/schemas-regimes.js';
import type { UnitKind } from '../../src/platform/db/schema/org.js';
import { buildUnit, buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';

/** Defining regimes (create, update, codes, access, audit, warnings) and each level's deadline at its exact instant. */
const { db } = await createTestDatabase();
const vn = (local: string) => new Date(`${local}+07:00`);
const id: Record<string, number> = {};
const admin = cliActor();

async function unit(code: string, kind: UnitKind, parent: string | null): Promise<void> {
  id[code] = (await buildUnit(db, { code, kind, parentId: parent === null ? null : (id[parent] ?? null) })).id;
}

async function actorOn(role: Role, unitCode: string): Promise<Actor> {
  const user = await buildUser(db, { unitId: id[unitCode] ?? null });
  return { userId: user.id, username: user.username, grants: [{ id: user.id, role, unitId: id[unitCode] ?? null }], ip: null };
}

/** Seed 004: the Party committee of the provincial People's Committee, its grassroots committees and cells. */
const seed004 = (extra: Partial<RegimeDefinitionInput> = {}): RegimeDefinitionInput => ({
  code: 'DU-TUAN',
  name: 'Báo cáo tình hình tuần',
  issuerUnit: 'DU',
  type: 'periodic',
  frequency: { kind: 'weekly', weekday: 'wednesday', time: '16:00' },
  reportingUnitKinds: ['party_committee', 'party_cell'],
  deadlines: [{ unitKinds: ['party_cell'], weekday: 'tuesday', time: '16:00' }],
  indicators: [{ code: 'HN', label: 'Số hội nghị', type: 'integer', aggregation: 'sum' }],
  outline: ['Kết quả', 'Hạn chế', 'Đề xuất', 'Nhiệm vụ tuần tới'],
  ...extra,
});

const monthly = (extra: Partial<RegimeDefinitionInput> = {}): RegimeDefinitionInput => ({
  code: 'TW-THANG',
  name: 'Báo cáo tháng',
  issuerUnit: 'TW',
  type: 'periodic',
  frequency: { kind: 'monthly' },
  reportingUnitKinds: ['people_committee', 'department', 'commune'],
  deadlines: [
    { unitKinds: ['commune'], day: 16 },
    { unitKinds: ['department'], day: 18 },
    { unitKinds: ['people_committee'], day: 20 },
  ],
  indicators: [{ code: 'A', label: 'Số tin bài', type: 'integer', aggregation: 'sum' }],
  ...extra,
});

async function deadlines(periodId: number): Promise<Record<string, Date>> {
  const rows = await db.execute<{ code: string; deadline: string }>(sql`
    select u.code, e.deadline from report_period_units e join units u on u.id = e.unit_id where e.period_id = ${periodId}`);
  return Object.fromEntries(rows.rows.map((r) => [r.code, new Date(r.deadline)]));
}

beforeAll(async () => {
  await unit('DU', 'party_committee', null);
  await unit('DUCS', 'party_committee', 'DU');
  await unit('CB1', 'party_cell', 'DUCS');
  await unit('CB2', 'party_cell', 'DU');
  await unit('OTHER', 'party_committee', null);
  await unit('TW', 'central', null);
  await unit('PROV', 'people_committee', 'TW');
  await unit('DEP', 'department', 'PROV');
  await unit('XA', 'commune', 'DEP');
});

describe('defineRegime', () => {
  it('creates, then updates by code, each audited', async () => {
    const created = await defineRegime(db, { actor: admin, definition: seed004(), now: vn('2025-11-10T09:00:00') });
    expect(created).toMatchObject({ code: 'DU-TUAN', created: true, warnings: [] });
    const updated = await defineRegime(db, { actor: admin, definition: seed004({ name: 'Báo cáo tuần (sửa)' }) });
    expect(updated).toMatchObject({ id: created.id, created: false });
    expect((await selectRegimeByCode(db, 'DU-TUAN'))?.name).toBe('Báo cáo tuần (sửa)');
    const audit = await db.execute<{ action: string }>(sql`select action from audit_log where entity_type = 'report_regime' and entity_id = ${String(created.id)} order by id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['report_regime.define', 'report_regime.update']);
  });

  it('lists every unknown code, then every code outside the issuer\'s subtree', async () => {
    await expect(defineRegime(db, { actor: admin, definition: seed004({ code: 'X1', reportingUnits: ['NOPE', 'CB1', 'NADA'] }) })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'REPORT_REGIME_UNITS_UNKNOWN',
      message: 'Không có đơn vị mã: NOPE, NADA.',
    });
    await expect(defineRegime(db, { actor: admin, definition: seed004({ code: 'X2', reportingSubtrees: ['OTHER', 'TW', 'DUCS'] }) })).rejects.toMatchObject({
      reason: 'REPORT_REGIME_UNITS_OUTSIDE',
      message: 'Các đơn vị sau không thuộc phạm vi của đơn vị ban hành chế độ báo cáo: OTHER, TW.',
    });
    await expect(defineRegime(db, { actor: admin, definition: seed004({ code: 'X3', issuerUnit: 'NOPE' }) })).rejects.toMatchObject({ reason: 'REPORT_REGIME_UNITS_UNKNOWN' });
  });

  it('refuses a bad form listing every problem with its path', async () => {
    const definition = seed004({
      code: 'X4',
      indicators: [
        { code: 'A', label: 'A', type: 'text', aggregation: 'sum' },
        { code: 'A', label: 'B', type: 'decimal', aggregation: 'weighted-average', weightBy: 'Z' },
      ],
    });
    await expect(defineRegime(db, { actor: admin, definition })).rejects.toMatchObject({
      reason: 'REPORT_REGIME_DEFINITION_INVALID',
      details: { problems: [expect.objectContaining({ path: 'indicators.1.code' }), expect.objectContaining({ path: 'indicators.0.aggregation' }), expect.objectContaining({ path: 'indicators.1.weightBy' })] },
    });
  });

  it('needs an editor of the issuer: NOT_FOUND outside its subtree, FORBIDDEN for a viewer; an editor inside may define', async () => {
    await expect(defineRegime(db, { actor: await actorOn('editor', 'OTHER'), definition: seed004({ code: 'X5' }) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(defineRegime(db, { actor: await actorOn('editor', 'OTHER'), definition: seed004({ code: 'X5', issuerUnit: 'NOPE' }) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(defineRegime(db, { actor: await actorOn('viewer', 'DU'), definition: seed004({ code: 'X5' }) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(defineRegime(db, { actor: await actorOn('editor', 'DUCS'), definition: seed004() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await defineRegime(db, { actor: await actorOn('editor', 'DU'), definition: seed004({ code: 'X5' }) })).toMatchObject({ created: true });
  });

  it('warns, without refusing, when levels are less than a working day apart', async () => {
    const defined = await defineRegime(db, { actor: admin, definition: seed004({ code: 'X6', deadlines: [] }), now: vn('2025-11-10T09:00:00') });
    expect(defined.warnings.map((w) => w.code)).toEqual(['LEVEL_GAP_TOO_SHORT']);
    expect(defined.warnings[0]?.message).toContain('Chi bộ nộp báo cáo hạn 16:00 thứ Tư 19/11/2025, Cấp ủy đảng tổng hợp gửi lên hạn 16:00 thứ Tư 19/11/2025');
  });

  it('archives: audited, no more periods opened by the job, no more edits', async () => {
    const defined = await defineRegime(db, { actor: admin, definition: seed004({ code: 'X7' }) });
    await archiveRegime(db, { actor: admin, regimeId: defined.id, now: vn('2025-11-10T09:00:00') });
    await openCurrentPeriods(db, vn('2025-11-10T09:00:00'));
    const periods = await db.execute(sql`select 1 from report_periods where regime_id = ${defined.id}`);
    expect(periods.rows).toEqual([]);
    await expect(defineRegime(db, { actor: admin, definition: seed004({ code: 'X7' }) })).rejects.toMatchObject({ reason: 'REPORT_REGIME_ARCHIVED' });
  });
});

describe('per-level deadlines at their exact instants', () => {
  it('seed 004: cells by Tuesday 16:00, committees at the Wednesday 16:00 cut-off', async () => {
    const regime = await selectRegimeByCode(db, 'DU-TUAN');
    const period = await ensurePeriod(db, regime?.id ?? 0, '2025-11-12');
    const due = await deadlines(period.id);
    expect(due).toEqual({ DUCS: vn('2025-11-12T16:00:00'), CB1: vn('2025-11-11T16:00:00'), CB2: vn('2025-11-11T16:00:00') });
    expect(isLate(vn('2025-11-11T15:59:59.999'), due.CB1 as Date)).toBe(false);
    expect(isLate(vn('2025-11-11T16:00:00'), due.CB1 as Date)).toBe(true);
  });

  it('monthly: communes by the 16th, departments by the 18th, the province by the 20th, each through 23:59:59.999', async () => {
    const defined = await defineRegime(db, { actor: admin, definition: monthly() });
    const period = await ensurePeriod(db, defined.id, '2026-04-14');
    expect(period).toMatchObject({ key: '2026-04', start: vn('2026-03-15T00:00:00'), end: vn('2026-04-15T00:00:00') });
    const due = await deadlines(period.id);
    expect(due).toEqual({ XA: vn('2026-04-17T00:00:00'), DEP: vn('2026-04-19T00:00:00'), PROV: vn('2026-04-21T00:00:00') });
    expect(isLate(vn('2026-04-16T23:59:59.999'), due.XA as Date)).toBe(false);
    expect(isLate(vn('2026-04-17T00:00:00'), due.XA as Date)).toBe(true);
  });

  it('opens a month whose "16th" leaves no working day after the cut-off (August 2026) at that day all the same', async () => {
    const regime = await selectRegimeByCode(db, 'TW-THANG');
    const period = await ensurePeriod(db, regime?.id ?? 0, '2026-08-14');
    expect((await deadlines(period.id)).XA).toEqual(vn('2026-08-17T00:00:00'));
  });
});
