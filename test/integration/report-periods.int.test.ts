import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { units } from '../../src/platform/db/schema/org.js';
import { defineRegime } from '../../src/modules/reports/regimes/define-regime.js';
import { selectRegimeById } from '../../src/modules/reports/regimes/repository.js';
import { ensurePeriod, openCurrentPeriods, periodOfRegime } from '../../src/modules/reports/periods/index.js';
import type { RegimeDefinitionInput } from '../../src/modules/reports/schemas-regimes.js';
import type { UnitKind } from '../../src/platform/db/schema/org.js';
import { buildUnit } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';

/** Opening a period fixes its expected units: kinds, listed units and subtrees, recipients, deadlines, activity dates. */
const { db } = await createTestDatabase();
const vn = (local: string) => new Date(`${local}+07:00`);
const id: Record<string, number> = {};

async function unit(code: string, kind: UnitKind, parent: string | null, active: { from?: string; to?: string } = {}): Promise<void> {
  id[code] = (await buildUnit(db, { code, kind, parentId: parent === null ? null : (id[parent] ?? null) })).id;
  if (active.from || active.to) {
    await db
      .update(units)
      .set({ activeFrom: active.from ?? null, activeTo: active.to ?? null })
      .where(eq(units.id, id[code] as number));
  }
}

const weekly = (code: string, extra: Partial<RegimeDefinitionInput> = {}): RegimeDefinitionInput => ({
  code,
  name: 'Báo cáo tuần',
  issuerUnit: 'ISS',
  type: 'periodic',
  frequency: { kind: 'weekly', weekday: 'wednesday', time: '16:00' },
  reportingUnitKinds: ['party_committee', 'party_cell'],
  reportingUnits: ['X'],
  reportingSubtrees: ['S'],
  deadlines: [{ unitKinds: ['party_cell'], weekday: 'tuesday', time: '16:00' }],
  indicators: [{ code: 'A1', label: 'Số cuộc họp', type: 'integer', aggregation: 'sum' }],
  outline: ['Kết quả'],
  ...extra,
});

interface ExpectedRow {
  code: string;
  recipient: string;
  deadline: Date;
  path: string[];
  receives: boolean;
}

async function expectedOf(periodId: number): Promise<ExpectedRow[]> {
  const rows = await db.execute<{ code: string; recipient: string; deadline: Date; path: string[]; receives: boolean }>(sql`
    select u.code, r.code as recipient, e.deadline,
      array(select p.code from unnest(e.reporting_path) with ordinality s(id, n) join units p on p.id = s.id order by s.n) as path, e.receives
    from report_period_units e join units u on u.id = e.unit_id join units r on r.id = e.recipient_unit_id
    where e.period_id = ${periodId} order by u.code`);
  return rows.rows.map((r) => ({ ...r, deadline: new Date(r.deadline) }));
}

beforeAll(async () => {
  await unit('TOP', 'party_committee', null);
  await unit('ISS', 'party_committee', 'TOP');
  await unit('OUT', 'party_cell', 'TOP');
  await unit('C1', 'party_committee', 'ISS');
  await unit('c11', 'party_cell', 'C1');
  await unit('c12', 'party_cell', 'C1', { from: '2025-11-06' });
  await unit('D1', 'department', 'C1');
  await unit('c13', 'party_cell', 'D1');
  await unit('c2', 'party_cell', 'ISS', { from: '2025-01-01', to: '2025-11-05' });
  await unit('c3', 'party_cell', 'ISS', { to: '2025-11-04' });
  await unit('X', 'other', 'ISS');
  await unit('X1', 'other', 'X');
  await unit('S', 'other', 'ISS');
  await unit('S1', 'department', 'S');
});

describe('openPeriod', () => {
  it('fixes the expected units with their nearest recipient, path, level deadline and whether they receive', async () => {
    const defined = await defineRegime(db, { actor: cliActor(), definition: weekly('W-NEAREST') });
    const period = await ensurePeriod(db, defined.id, '2025-11-12');
    expect(period).toMatchObject({ key: '2025-11-12', closingDate: '2025-11-12', start: vn('2025-11-05T16:00:00'), end: vn('2025-11-12T16:00:00') });
    const cell = vn('2025-11-11T16:00:00');
    const cutoff = vn('2025-11-12T16:00:00');
    expect(await expectedOf(period.id)).toEqual([
      { code: 'C1', recipient: 'ISS', deadline: cutoff, path: ['ISS'], receives: true },
      { code: 'S', recipient: 'ISS', deadline: cutoff, path: ['ISS'], receives: true },
      { code: 'S1', recipient: 'S', deadline: cutoff, path: ['S', 'ISS'], receives: false },
      { code: 'X', recipient: 'ISS', deadline: cutoff, path: ['ISS'], receives: false },
      { code: 'c11', recipient: 'C1', deadline: cell, path: ['C1', 'ISS'], receives: false },
      { code: 'c13', recipient: 'C1', deadline: cell, path: ['C1', 'ISS'], receives: false },
      // c2 is dissolved on the period's first day: still active that day. c12 (created after the
      // start) and c3 (dissolved before it) are not expected; OUT is outside the issuer's subtree.
      { code: 'c2', recipient: 'ISS', deadline: cell, path: ['ISS'], receives: false },
    ]);
  });

  it('sends every report to the issuer in issuer mode', async () => {
    const defined = await defineRegime(db, { actor: cliActor(), definition: weekly('W-ISSUER', { recipientMode: 'issuer' }) });
    const period = await ensurePeriod(db, defined.id, '2025-11-12');
    const rows = await expectedOf(period.id);
    expect(rows.map((r) => r.code)).toEqual(['C1', 'S', 'S1', 'X', 'c11', 'c13', 'c2']);
    expect(rows.every((r) => r.recipient === 'ISS' && r.path.join() === 'ISS' && !r.receives)).toBe(true);
  });

  it('opens a period once: two concurrent callers get the same period and one expected set', async () => {
    const defined = await defineRegime(db, { actor: cliActor(), definition: weekly('W-RACE') });
    const [a, b] = await Promise.all([ensurePeriod(db, defined.id, '2025-11-19'), ensurePeriod(db, defined.id, '2025-11-19')]);
    expect(a.id).toBe(b.id);
    const counts = await db.execute<{ periods: number; units: number }>(sql`
      select (select count(*)::int from report_periods where regime_id = ${defined.id}) as periods,
             (select count(*)::int from report_period_units where period_id = ${a.id}) as units`);
    expect(counts.rows[0]).toEqual({ periods: 1, units: 7 });
  });

  it('keeps an opened period\'s expected set when the regime changes', async () => {
    const defined = await defineRegime(db, { actor: cliActor(), definition: weekly('W-EDIT') });
    const before = await ensurePeriod(db, defined.id, '2025-11-12');
    await defineRegime(db, { actor: cliActor(), definition: weekly('W-EDIT', { reportingUnits: [], reportingSubtrees: [] }) });
    expect((await expectedOf(before.id)).map((r) => r.code)).toEqual(['C1', 'S', 'S1', 'X', 'c11', 'c13', 'c2']);
    const after = await ensurePeriod(db, defined.id, '2025-11-19');
    expect((await expectedOf(after.id)).map((r) => r.code)).toEqual(['C1', 'c11', 'c12', 'c13']);
  });

  it('refuses a date that closes no period of the regime', async () => {
    const defined = await defineRegime(db, { actor: cliActor(), definition: weekly('W-DATE') });
    await expect(ensurePeriod(db, defined.id, '2025-11-13')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', reason: 'PERIOD_NOT_CLOSING_WEEKDAY' });
    const regime = await selectRegimeById(db, defined.id);
    expect(() => periodOfRegime(regime as NonNullable<typeof regime>, '2025-11-14')).toThrow(/không phải ngày chốt/);
  });

  it('opens the current period of every active regime from the job', async () => {
    const defined = await defineRegime(db, { actor: cliActor(), definition: weekly('W-JOB') });
    const now = vn('2025-12-01T09:00:00');
    expect(await openCurrentPeriods(db, now)).toBeGreaterThanOrEqual(1);
    expect(await openCurrentPeriods(db, now)).toBe(0);
    const rows = await db.execute<{ key: string }>(sql`select period_key as key from report_periods where regime_id = ${defined.id}`);
    expect(rows.rows).toEqual([{ key: '2025-12-03' }]);
  });
});
