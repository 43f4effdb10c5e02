/**
 * A weekly report regime with one opened period, written straight into the test database (the
 * regimes helper's `defineRegime`/period opening is not needed to test filling and consolidation):
 * P (issuer) ← committees K1, K2 ← cells C11, C12 (K1) and C21 (K2). Cells report by Tuesday 16:00,
 * committees by Wednesday 16:00, the period closing Wednesday 12/11/2025 16:00.
 */
import type { Actor, Role } from '../../src/platform/access/roles.js';
import type { Db } from '../../src/platform/db/database.js';
import { reportPeriodUnits, reportPeriods, reportRegimes } from '../../src/modules/reports/tables.js';
import type { ReportForm } from '../../src/shared/report-form.js';
import { buildUnit, buildUser } from './factories.js';

export const vn = (local: string) => new Date(`${local}+07:00`);

export const flowForm: ReportForm = {
  sections: [
    {
      title: 'Hội nghị',
      indicators: [
        { code: 'HN', label: 'Số hội nghị', type: 'integer', aggregation: 'sum', required: true, min: 0 },
        { code: 'NG', label: 'Số người dự', type: 'integer', aggregation: 'sum' },
        { code: 'CO', label: 'Có tổ chức ra quân', type: 'yesno', aggregation: 'count-yes' },
        { code: 'TL', label: 'Tỷ lệ hài lòng', type: 'percentage', aggregation: 'weighted-average', weightBy: 'NG' },
      ],
    },
  ],
  relations: [{ left: 'NG', op: '>=', right: 'HN' }],
  outline: ['Kết quả', 'Hạn chế'],
};

export type FlowUnit = 'P' | 'K1' | 'K2' | 'C11' | 'C12' | 'C21';

export interface FlowFixture {
  regimeId: number;
  periodId: number;
  closingDate: string;
  u: Record<FlowUnit, number>;
  actor(role: Role, unit: FlowUnit): Promise<Actor>;
}

let counter = 0;

export async function buildFlowFixture(db: Db, options: { prefix?: string; form?: ReportForm } = {}): Promise<FlowFixture> {
  const prefix = options.prefix ?? `F${++counter}`;
  const u = {} as Record<FlowUnit, number>;
  u.P = (await buildUnit(db, { code: `${prefix}-P`, name: `Đảng ủy ${prefix}`, kind: 'party_committee' })).id;
  u.K1 = (await buildUnit(db, { code: `${prefix}-K1`, name: `Đảng ủy bộ phận 1 ${prefix}`, kind: 'party_committee', parentId: u.P })).id;
  u.K2 = (await buildUnit(db, { code: `${prefix}-K2`, name: `Đảng ủy bộ phận 2 ${prefix}`, kind: 'party_committee', parentId: u.P })).id;
  u.C11 = (await buildUnit(db, { code: `${prefix}-C11`, name: `Chi bộ 11 ${prefix}`, kind: 'party_cell', parentId: u.K1 })).id;
  u.C12 = (await buildUnit(db, { code: `${prefix}-C12`, name: `Chi bộ 12 ${prefix}`, kind: 'party_cell', parentId: u.K1 })).id;
  u.C21 = (await buildUnit(db, { code: `${prefix}-C21`, name: `Chi bộ 21 ${prefix}`, kind: 'party_cell', parentId: u.K2 })).id;
  const [regime] = await db
    .insert(reportRegimes)
    .values({
      code: `${prefix}-TUAN`,
      name: `Báo cáo tuần ${prefix}`,
      type: 'periodic',
      issuerUnitId: u.P,
      schedule: { kind: 'weekly', weekday: 3, time: '16:00' },
      deadlines: [
        { unitKinds: ['party_cell'], rule: { kind: 'weekday_before_cutoff', weekday: 2, time: '16:00' } },
        { unitKinds: ['party_committee'], rule: { kind: 'weekday_before_cutoff', weekday: 3, time: '16:00' } },
      ],
      reportingUnitKinds: ['party_committee', 'party_cell'],
      form: options.form ?? flowForm,
    })
    .returning();
  const [period] = await db
    .insert(reportPeriods)
    .values({ regimeId: regime!.id, periodKey: '2025-11-12', closingDate: '2025-11-12', periodStart: vn('2025-11-05T16:00:00'), periodEnd: vn('2025-11-12T16:00:00') })
    .returning();
  const committee = (unitId: number) => ({ periodId: period!.id, unitId, recipientUnitId: u.P, deadline: vn('2025-11-12T16:00:00'), reportingPath: [u.P], receives: true });
  const cell = (unitId: number, k: number) => ({ periodId: period!.id, unitId, recipientUnitId: k, deadline: vn('2025-11-11T16:00:00'), reportingPath: [k, u.P], receives: false });
  await db.insert(reportPeriodUnits).values([committee(u.K1), committee(u.K2), cell(u.C11, u.K1), cell(u.C12, u.K1), cell(u.C21, u.K2)]);
  const actors = new Map<string, Actor>();
  return {
    regimeId: regime!.id,
    periodId: period!.id,
    closingDate: '2025-11-12',
    u,
    async actor(role, unit) {
      const key = `${role}:${unit}`;
      const known = actors.get(key);
      if (known) return known;
      const username = `${prefix}.${role}.${unit}`.toLowerCase();
      const user = await buildUser(db, { username, unitId: u[unit], role });
      const actor: Actor = { userId: user.id, username, grants: [{ id: user.id, role, unitId: u[unit] }], ip: null };
      actors.set(key, actor);
      return actor;
    },
  };
}
