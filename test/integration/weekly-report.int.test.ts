import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { loadConsultation } from '../../src/modules/consultation/repository.js';
import { computeWeeklyReport } from '../../src/modules/consultation/report/weekly-report.js';
import { submitWeeklyReport } from '../../src/modules/consultation/report/submit-weekly-report.js';
import { buildSubmission, buildUnit } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { foldFigures, rebuildFigures } from '../../src/modules/consultation/figures/fold-figures.js';
import { foldQueueBatch, queueLength } from '../../src/modules/consultation/figures/repository.js';
import { inTransaction } from '../../src/platform/db/database.js';
import { dedupKey } from '../../src/platform/vn/index.js';

/** Weekly consolidation: live figures of a unit and its subtree for the week that closes on a Wednesday at 16:00. */
const { db } = await createTestDatabase();
const actor = cliActor();
const vn = (local: string) => new Date(`${local}+07:00`);
let documents: Record<string, number>;
let province: number;
let commune: number;
let cell: number;
let otherCommune: number;

beforeAll(async () => {
  const created = await createConsultation(db, {
    actor,
    input: { code: 'DH14', title: 'Lấy ý kiến vào dự thảo văn kiện Đại hội XIV', documents: [{ code: 'BCCT', title: 'Báo cáo chính trị' }, { code: 'DLD', title: 'Điều lệ Đảng' }], opensAt: vn('2025-10-15T00:00:00') },
  });
  documents = Object.fromEntries(created.documents.map((d) => [d.code, d.id]));
  province = (await buildUnit(db, { code: 'P', name: 'Tỉnh ủy Lai Châu', kind: 'party_committee' })).id;
  commune = (await buildUnit(db, { code: 'X1', name: 'Đảng ủy xã Tam Đường', kind: 'party_committee', parentId: province })).id;
  cell = (await buildUnit(db, { code: 'X1-CB1', name: 'Chi bộ bản Nà Tăm', kind: 'party_cell', parentId: commune })).id;
  otherCommune = (await buildUnit(db, { code: 'X2', name: 'Đảng ủy xã Sìn Hồ', kind: 'party_committee', parentId: province })).id;
});

describe('weekly report', () => {
  it('puts 15:59:59 on Wednesday in the week that closes that day and 16:00:00 in the next', async () => {
    const consultation = await loadConsultation(db, 'DH14');
    await buildSubmission(db, { consultationId: consultation.id, unitId: cell, submittedAt: vn('2025-11-05T15:59:59.999'), opinions: [{ documentId: documents.BCCT! }] });
    await buildSubmission(db, { consultationId: consultation.id, unitId: cell, submittedAt: vn('2025-11-05T16:00:00.000'), opinions: [{ documentId: documents.BCCT! }] });
    const week1 = await computeWeeklyReport(db, { consultation, unitId: cell, periodEnd: '2025-11-05' });
    const week2 = await computeWeeklyReport(db, { consultation, unitId: cell, periodEnd: '2025-11-12' });
    expect([week1.submissions, week2.submissions]).toEqual([1, 1]);
    expect(week1.periodStart).toBe('2025-10-29T16:00:00.000+07:00');
    expect(week1.periodEnd).toBe('2025-11-05T16:00:00.000+07:00');
  });

  it('counts a submission with three opinions as 1 and 3, by channel, group, document and stance, with cumulative totals', async () => {
    const consultation = await loadConsultation(db, 'DH14');
    await buildSubmission(db, {
      consultationId: consultation.id,
      unitId: otherCommune,
      submittedAt: vn('2025-11-10T09:00:00'),
      channel: 'letter',
      contributorGroup: 'nhan_dan',
      opinions: [
        { documentId: documents.BCCT!, stance: 'agree', body: 'Tán thành.' },
        { documentId: documents.BCCT!, stance: 'partial', body: 'Đồng ý một phần: cần làm rõ mục 3.' },
        { documentId: documents.DLD!, stance: 'disagree', body: 'Không tán thành vì …' },
      ],
    });
    const report = await computeWeeklyReport(db, { consultation, unitId: otherCommune, periodEnd: '2025-11-12' });
    expect(report).toMatchObject({ unit: 'X2', submissions: 1, opinions: 3 });
    expect(report.byChannel).toMatchObject({ letter: 3, web: 0, vneid: 0 });
    expect(report.byContributorGroup).toMatchObject({ nhan_dan: 3, dang_vien: 0 });
    expect(report.byDocument).toEqual({ BCCT: 2, DLD: 1 });
    expect(report.byStance).toEqual({ agree: 1, partial: 1, disagree: 1, none: 0 });
    const province12 = await computeWeeklyReport(db, { consultation, unitId: province, periodEnd: '2025-11-12' });
    expect(province12).toMatchObject({ submissions: 2, opinions: 4, cumulative: { submissions: 3, opinions: 5 } });
  });

  it('counts groups of identical opinions after normalisation (case, spacing, punctuation, tone-mark style)', async () => {
    const consultation = await loadConsultation(db, 'DH14');
    for (const body of ['Cần bổ sung nội dung về chuyển đổi số.', 'cần bổ sung  nội dung về chuyển đổi số', 'Cần bổ sung nội dung về chuyển đổi số!', 'Ý kiến khác hẳn']) {
      await buildSubmission(db, { consultationId: consultation.id, unitId: commune, submittedAt: vn('2025-11-17T10:00:00'), opinions: [{ documentId: documents.DLD!, body }] });
    }
    await buildSubmission(db, { consultationId: consultation.id, unitId: cell, submittedAt: vn('2025-11-17T11:00:00'), opinions: [{ documentId: documents.DLD!, body: 'Hoà hợp' }, { documentId: documents.DLD!, body: 'hòa hợp' }] });
    const report = await computeWeeklyReport(db, { consultation, unitId: province, periodEnd: '2025-11-19' });
    expect(report.identicalGroups).toBe(2);
  });

  it('shows each child as submitted, late or missing; a submitted report is frozen and cannot be sent twice', async () => {
    const consultation = await loadConsultation(db, 'DH14');
    // Grassroots units report by Tuesday 16:00, other levels by the Wednesday 16:00 cut-off.
    const onTime = await submitWeeklyReport(db, { actor, consultationCode: 'DH14', unitId: commune, periodEnd: '2025-11-12', now: vn('2025-11-12T15:59:59') });
    expect(onTime.late).toBe(false);
    const late = await submitWeeklyReport(db, { actor, consultationCode: 'DH14', unitId: otherCommune, periodEnd: '2025-11-12', now: vn('2025-11-12T16:00:00') });
    expect(late.late).toBe(true);
    expect(late.snapshot.opinions).toBe(3);
    await expect(submitWeeklyReport(db, { actor, consultationCode: 'DH14', unitId: commune, periodEnd: '2025-11-12' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const cellReport = await submitWeeklyReport(db, { actor, consultationCode: 'DH14', unitId: cell, periodEnd: '2025-11-12', now: vn('2025-11-11T16:00:00') });
    expect(cellReport.late).toBe(true); // a grassroots cell is due by Tuesday 16:00
    // Each submitted report raised `weekly-report.submitted` in its transaction; the refused one did not.
    const events = await db.execute<{ payload: { unitId: number; late: boolean } }>(sql`select payload from outbox where name = 'weekly-report.submitted' order by id`);
    expect(events.rows.map((r) => [r.payload.unitId, r.payload.late])).toEqual([
      [commune, false],
      [otherCommune, true],
      [cell, true],
    ]);
    const report = await computeWeeklyReport(db, { consultation, unitId: province, periodEnd: '2025-11-12' });
    expect(report.children.map((c) => [c.code, c.status]).sort()).toEqual([
      ['X1', 'submitted'],
      ['X2', 'late'],
    ]);
    // The next week: not yet sent before the deadlines (the grassroots X2's Tuesday, X1's Wednesday cut-off), overdue after them.
    const next = (now: string) => computeWeeklyReport(db, { consultation, unitId: province, periodEnd: '2025-11-19', now: vn(now) });
    expect((await next('2025-11-18T15:59:59')).children.map((c) => [c.code, c.status]).sort()).toEqual([
      ['X1', 'missing'],
      ['X2', 'missing'],
    ]);
    expect((await next('2025-11-18T16:00:00')).children.map((c) => [c.code, c.status]).sort()).toEqual([
      ['X1', 'missing'],
      ['X2', 'overdue'],
    ]);
    await expect(computeWeeklyReport(db, { consultation, unitId: province, periodEnd: '2025-11-11' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('consolidation adds up exactly', () => {
  const texts = ['Tán thành.', 'tán thành', 'Cần bổ sung về chuyển đổi số', 'cần bổ sung về chuyển đổi số!', 'Hoà hợp', 'hòa hợp', 'Ý kiến riêng', ''];

  it('the live figures of every unit equal the sum over its subtree, before, during and after folding, for random trees and data', async () => {
    const consultation = await createConsultation(db, {
      actor,
      input: { code: `PROP`, title: 'Kiểm thử cộng dồn', documents: [{ code: 'D', title: 'Dự thảo' }], opensAt: vn('2025-01-01T00:00:00') },
    });
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        fc.array(
          fc.record({ unit: fc.nat(), texts: fc.array(fc.nat({ max: texts.length - 1 }), { minLength: 1, maxLength: 4 }), hour: fc.integer({ min: 0, max: 160 }) }),
          { maxLength: 25 },
        ),
        fc.nat({ max: 30 }),
        async (parents, data, foldFirst) => {
          round++;
          const ids: number[] = [];
          const parentOf = new Map<number, number | null>();
          for (let i = 0; i < parents.length; i++) {
            const parent = i === 0 ? null : ids[(parents[i] ?? 0) % i]!;
            const unit = await buildUnit(db, { code: `R${round}-${i}`, parentId: parent });
            ids.push(unit.id);
            parentOf.set(unit.id, parent);
          }
          const own = new Map<number, { s: number; o: number }>();
          const keysOf = new Map<number, string[]>();
          for (const d of data) {
            const unitId = ids[d.unit % ids.length]!;
            // Inside the week 2025-11-05 16:00 → 2025-11-12 16:00 (168 hours).
            const submittedAt = new Date(vn('2025-11-05T16:00:00').getTime() + d.hour * 3_600_000);
            const bodies = d.texts.map((t) => texts[t]!);
            await buildSubmission(db, { consultationId: consultation.id, unitId, submittedAt, opinions: bodies.map((body) => ({ documentId: consultation.documents[0]!.id, body })) });
            const c = own.get(unitId) ?? { s: 0, o: 0 };
            own.set(unitId, { s: c.s + 1, o: c.o + bodies.length });
            keysOf.set(unitId, [...(keysOf.get(unitId) ?? []), ...bodies.map(dedupKey).filter((k) => k !== '')]);
          }
          const inSubtree = (root: number, id: number): boolean => {
            for (let u: number | null | undefined = id; u != null; u = parentOf.get(u)) if (u === root) return true;
            return false;
          };
          const fresh = await loadConsultation(db, 'PROP');
          const check = async () => {
            for (const root of ids) {
              const members = [...own.keys()].filter((id) => inSubtree(root, id));
              const expected = members.reduce((a, id) => ({ s: a.s + own.get(id)!.s, o: a.o + own.get(id)!.o }), { s: 0, o: 0 });
              const counts = new Map<string, number>();
              for (const key of members.flatMap((id) => keysOf.get(id) ?? [])) counts.set(key, (counts.get(key) ?? 0) + 1);
              const report = await computeWeeklyReport(db, { consultation: fresh, unitId: root, periodEnd: '2025-11-12' });
              expect([report.submissions, report.opinions]).toEqual([expected.s, expected.o]);
              expect(report.cumulative).toEqual({ submissions: expected.s, opinions: expected.o });
              expect(report.byDocument).toEqual({ D: expected.o });
              expect(report.identicalGroups).toBe([...counts.values()].filter((n) => n >= 2).length);
              expect(report.children.reduce((a, c) => a + c.opinions, 0)).toBe(expected.o - (own.get(root)?.o ?? 0));
            }
          };
          // Only the queue (nothing folded), part of it folded, then everything folded: always the same figures.
          await check();
          await inTransaction(db, (tx) => foldQueueBatch(tx, foldFirst));
          await check();
          await foldFigures(db, { batchSize: 7 });
          expect(await queueLength(db)).toBe(0);
          await check();
        },
      ),
      {
        numRuns: 15,
        endOnFailure: true,
        // Found by this test: a deep unit and its children read in one scan counted a child's opinions twice by document.
        examples: [
          [
            [287048824, 325850449, 2048287951, 1864665988, 603811208, 1491189552, 2052521069, 1227180001, 1118400876, 1851428485, 1125250487, 836519070],
            [
              { unit: 608579014, texts: [6, 6], hour: 135 },
              { unit: 1013796808, texts: [2, 4], hour: 4 },
              { unit: 531352269, texts: [1, 2, 5, 7], hour: 7 },
              { unit: 28, texts: [3, 5, 5, 4], hour: 6 },
            ],
            27,
          ],
        ],
      },
    );
  }, 180_000);

  it('rebuilds the figures of a consultation along the current tree after a unit moved (system administrators only)', async () => {
    const consultation = await createConsultation(db, {
      actor,
      input: { code: 'MOVE', title: 'Kiểm thử tính lại', documents: [{ code: 'D', title: 'Dự thảo' }], opensAt: vn('2025-01-01T00:00:00') },
    });
    const a = (await buildUnit(db, { code: 'MV-A' })).id;
    const b = (await buildUnit(db, { code: 'MV-B' })).id;
    const leaf = (await buildUnit(db, { code: 'MV-L', parentId: a })).id;
    await buildSubmission(db, { consultationId: consultation.id, unitId: leaf, submittedAt: vn('2025-11-10T09:00:00'), opinions: [{ documentId: consultation.documents[0]!.id }] });
    await foldFigures(db);
    await db.execute(sql`update units set parent_id = ${b} where id = ${leaf}`);
    const fresh = await loadConsultation(db, 'MOVE');
    const opinionsOf = async (unitId: number) => (await computeWeeklyReport(db, { consultation: fresh, unitId, periodEnd: '2025-11-12' })).opinions;
    expect([await opinionsOf(a), await opinionsOf(b)]).toEqual([1, 0]); // figures were added up along the old tree
    const viewer = { userId: null, username: 'viewer', grants: [{ id: 0, unitId: a, role: 'unit_admin' as const }], ip: null };
    await expect(rebuildFigures(db, { actor: viewer, consultationCode: 'MOVE' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await rebuildFigures(db, { actor, consultationCode: 'MOVE' })).toEqual({ submissions: 1 });
    expect([await opinionsOf(a), await opinionsOf(b)]).toEqual([0, 1]);
  });
});
