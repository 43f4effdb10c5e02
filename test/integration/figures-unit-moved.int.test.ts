import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { parseConfig } from '../../src/platform/config/config.js';
import { startJobRunner, type JobRunner } from '../../src/platform/jobs/index.js';
import type { Queryable } from '../../src/platform/db/database.js';
import { backgroundWork } from '../../src/server/background-work.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { loadConsultation } from '../../src/modules/consultation/repository.js';
import { computeWeeklyReport } from '../../src/modules/consultation/report/weekly-report.js';
import { foldFigures, rebuildFigures } from '../../src/modules/consultation/figures/fold-figures.js';
import { updateUnit } from '../../src/modules/org/update-unit.js';
import { importUnits } from '../../src/modules/org/import-units.js';
import { buildSubmission, buildUnit } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { waitUntil } from '../support/wait.js';

/**
 * A unit moving in the tree reaches the consultation's weekly figures by itself: the org module
 * emits `unit.moved`, the consultation module's handler refolds the affected units.
 */
const { db } = await createTestDatabase();
const actor = cliActor();
const vn = (local: string) => new Date(`${local}+07:00`);
const PERIOD = '2025-11-12';
let runner: JobRunner | null = null;
const tree: Record<string, number> = {};
let documentId: number;

afterAll(async () => {
  await runner?.stop();
});

beforeAll(async () => {
  const created = await createConsultation(db, {
    actor,
    input: { code: 'MOVE', title: 'Lấy ý kiến thử chuyển đơn vị', documents: [{ code: 'BCCT', title: 'Báo cáo chính trị' }], opensAt: vn('2025-10-15T00:00:00') },
  });
  documentId = created.documents[0]!.id;
  const unit = async (code: string, parent?: string) => (tree[code] = (await buildUnit(db, { code, kind: 'party_committee', parentId: parent ? tree[parent] : null })).id);
  await unit('TW');
  await unit('P1', 'TW');
  await unit('P2', 'TW');
  await unit('D1', 'P1');
  await unit('D2', 'P2');
  await unit('X', 'D1');
  await unit('C', 'X');
  const consultationId = created.id;
  const submit = (code: string, at: string, bodies: string[], channel: 'web' | 'letter' = 'web') =>
    buildSubmission(db, { consultationId, unitId: tree[code]!, submittedAt: vn(at), channel, opinions: bodies.map((body) => ({ documentId, body, stance: 'agree' as const })) });
  await submit('C', '2025-11-06T09:00:00', ['Cần làm rõ mục 3.', 'Ý kiến riêng A']);
  await submit('X', '2025-11-07T09:00:00', ['cần làm rõ mục 3'], 'letter');
  await submit('D1', '2025-11-08T09:00:00', ['Cần làm rõ mục 3!']);
  await submit('D2', '2025-11-08T10:00:00', ['Ý kiến riêng B', 'Ý kiến riêng C']);
  await submit('X', '2025-10-30T09:00:00', ['Tuần trước']);
  await foldFigures(db);
  // Two more under X still waiting in the fold queue when X moves.
  await submit('C', '2025-11-09T09:00:00', ['Ý kiến riêng A'], 'letter');
  await submit('X', '2025-11-10T09:00:00', ['Ý kiến riêng D']);
});

const CODES = ['TW', 'P1', 'P2', 'D1', 'D2', 'X', 'C'] as const;

async function reports(on: Queryable = db): Promise<Record<string, unknown>> {
  const consultation = await loadConsultation(on, 'MOVE');
  const out: Record<string, unknown> = {};
  for (const code of CODES) {
    const r = await computeWeeklyReport(on, { consultation, unitId: tree[code]!, periodEnd: PERIOD });
    out[code] = { submissions: r.submissions, opinions: r.opinions, cumulative: r.cumulative, byChannel: r.byChannel, identicalGroups: r.identicalGroups, children: r.children };
  }
  return out;
}

const handledMoves = async () =>
  (await db.execute<{ n: number }>(sql`select count(*)::int as n from jobs where name = 'consultation.refold-moved-unit' and state = 'succeeded'`)).rows[0]!.n;

/** What a full recount along the current tree gives (the old manual `--rebuild`), in a transaction rolled back after. */
async function recounted(): Promise<Record<string, unknown>> {
  class Recounted extends Error {
    constructor(readonly result: Record<string, unknown>) {
      super('recounted');
    }
  }
  try {
    await db.transaction(async (tx) => {
      await rebuildFigures(tx as never, { actor, consultationCode: 'MOVE' });
      throw new Recounted(await reports(tx));
    });
  } catch (e) {
    if (e instanceof Recounted) return e.result;
    throw e;
  }
  throw new Error('unreachable');
}

describe('unit.moved refolds the consultation figures', () => {
  it('moves a commune to another province: both provinces and districts count it where it now is, the nation is unchanged', async () => {
    const before = (await reports()) as Record<string, { submissions: number; cumulative: { submissions: number } }>;
    expect(before.P1).toMatchObject({ submissions: 5, cumulative: { submissions: 6 } });
    expect(before.P2).toMatchObject({ submissions: 1 });
    runner = await startJobRunner(db, { ...backgroundWork(parseConfig({ LANTOA_LOG_LEVEL: 'silent' })), jobs: [], pollMs: 50, onError: () => undefined });

    await updateUnit(db, { actor, unitId: tree.X!, input: { parentId: tree.D2! } });
    await waitUntil(async () => (await handledMoves()) === 1);

    const after = (await reports()) as typeof before;
    // The nation's own figures are unchanged; only its provinces' totals differ.
    expect({ ...(after.TW as object), children: null }).toEqual({ ...(before.TW as object), children: null });
    expect(after.P1).toMatchObject({ submissions: 1, opinions: 1, cumulative: { submissions: 1 }, identicalGroups: 0 });
    expect(after.D1).toMatchObject({ submissions: 1, cumulative: { submissions: 1 } });
    expect(after.P2).toMatchObject({ submissions: 5, opinions: 7, cumulative: { submissions: 6 } });
    expect(after.D2).toMatchObject({ submissions: 5, cumulative: { submissions: 6 } });
    expect(after.X).toEqual(before.X);
    const queue = await db.execute<{ n: number }>(sql`select count(*)::int as n from consultation_figure_queue`);
    expect(queue.rows[0]?.n).toBe(0);
    expect(after).toEqual(await recounted());
  });

  it('moves a district below another district (its kept figures go, it is counted from below)', async () => {
    await updateUnit(db, { actor, unitId: tree.D1!, input: { parentId: tree.D2! } });
    await waitUntil(async () => (await handledMoves()) === 2);
    const after = (await reports()) as Record<string, { submissions: number }>;
    expect(after.P1).toMatchObject({ submissions: 0 });
    expect(after.D2).toMatchObject({ submissions: 6 });
    expect(after).toEqual(await recounted());
  });

  it('moves units by a unit file import too', async () => {
    const file = Buffer.from(['code,name,kind,parent_code,abbreviation', 'D1,Đơn vị D1,party_committee,P1,', 'X,Đơn vị X,party_committee,D1,'].join('\n') + '\n', 'utf8');
    await importUnits(db, { actor, data: file, fileName: 'move.csv' });
    await waitUntil(async () => (await handledMoves()) === 4);
    const after = (await reports()) as Record<string, { submissions: number }>;
    expect(after.P1).toMatchObject({ submissions: 5, cumulative: { submissions: 6 } });
    expect(after.P2).toMatchObject({ submissions: 1, cumulative: { submissions: 1 } });
    expect(after).toEqual(await recounted());
  });
});
