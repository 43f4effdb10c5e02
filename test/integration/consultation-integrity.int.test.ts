import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { createTestDatabase } from '../support/db.js';
import { buildSubmission, buildUnit } from '../support/factories.js';

/**
 * `submissions` and `opinions` carry no per-row foreign keys (migration 0006, for the speed of the
 * file import); statement-level triggers keep the delete rules the foreign keys had.
 */
const database = await createTestDatabase();
const db = database.db;

let seq = 0;
async function consultationWithOpinions() {
  const code = `TV-${++seq}`;
  const created = await createConsultation(db, {
    actor: cliActor(),
    input: { code, title: 'Lấy ý kiến dự thảo', documents: [{ code: 'BCCT', title: 'Báo cáo chính trị' }, { code: 'BCTK', title: 'Báo cáo tổng kết' }] },
  });
  const docs = await db.execute<{ id: number; code: string }>(sql`select id, code from consultation_documents where consultation_id = ${created.id} order by position`);
  const [first, second] = docs.rows;
  if (!first || !second) throw new Error('two documents expected');
  const unit = await buildUnit(db, {});
  const at = new Date('2025-10-15T01:30:00Z');
  const a = await buildSubmission(db, { consultationId: created.id, unitId: unit.id, submittedAt: at, opinions: [{ documentId: first.id, body: 'Một' }, { documentId: first.id, body: 'Hai' }] });
  const b = await buildSubmission(db, { consultationId: created.id, unitId: unit.id, submittedAt: at, opinions: [{ documentId: first.id, body: 'Ba' }] });
  return { consultationId: created.id, unitId: unit.id, documentIds: [first.id, second.id] as const, submissionIds: [a.id, b.id] as const };
}

async function countWhere(table: 'submissions' | 'opinions', consultationId: number): Promise<number> {
  const r = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)} where consultation_id = ${consultationId}`);
  return r.rows[0]?.n ?? -1;
}

describe('delete rules of submissions and opinions', () => {
  it('deleting a submission deletes its opinions and nothing else', async () => {
    const c = await consultationWithOpinions();
    await db.execute(sql`delete from submissions where id = ${c.submissionIds[0]}`);
    const left = await db.execute<{ submission_id: number; body: string }>(sql`select submission_id, body from opinions where consultation_id = ${c.consultationId}`);
    expect(left.rows.map((r) => [Number(r.submission_id), r.body])).toEqual([[c.submissionIds[1], 'Ba']]);
  });

  it('deleting a consultation deletes its submissions and their opinions, and leaves other consultations alone', async () => {
    const gone = await consultationWithOpinions();
    const kept = await consultationWithOpinions();
    await db.execute(sql`delete from consultations where id = ${gone.consultationId}`);
    expect(await countWhere('submissions', gone.consultationId)).toBe(0);
    expect(await countWhere('opinions', gone.consultationId)).toBe(0);
    expect(await countWhere('submissions', kept.consultationId)).toBe(2);
    expect(await countWhere('opinions', kept.consultationId)).toBe(3);
  });

  it('refuses to delete a unit that received submissions', async () => {
    const c = await consultationWithOpinions();
    await expect(db.execute(sql`delete from units where id = ${c.unitId}`)).rejects.toMatchObject({ cause: { code: '23503', message: expect.stringMatching(/cannot be deleted/) as unknown } });
    const unused = await buildUnit(db, {});
    await db.execute(sql`delete from units where id = ${unused.id}`);
    expect((await db.execute(sql`select 1 from units where id = ${unused.id}`)).rows).toHaveLength(0);
  });

  it('refuses to delete a document that has opinions, and allows one that has none', async () => {
    const c = await consultationWithOpinions();
    await expect(db.execute(sql`delete from consultation_documents where id = ${c.documentIds[0]}`)).rejects.toMatchObject({ cause: { code: '23503', message: expect.stringMatching(/cannot be deleted/) as unknown } });
    await db.execute(sql`delete from consultation_documents where id = ${c.documentIds[1]}`);
    expect(await countWhere('opinions', c.consultationId)).toBe(3);
  });
});
