import { describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { AppError } from '../../src/platform/errors.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { loadConsultation, selectConsultation } from '../../src/modules/consultation/repository.js';
import { createTestDatabase } from '../support/db.js';

/** The one way the consultation module loads a consultation: by code or by id, with its documents. */
const { db } = await createTestDatabase();

describe('loadConsultation', () => {
  it('gives the same consultation by code and by id, with its documents in their order, and NOT_FOUND for none', async () => {
    const other = await createConsultation(db, { actor: cliActor(), input: { code: 'KHAC', title: 'Đợt khác', documents: [{ code: 'X', title: 'Văn kiện X' }] } });
    const created = await createConsultation(db, {
      actor: cliActor(),
      input: { code: 'DH14', title: 'Lấy ý kiến', documents: [{ code: 'BCCT', title: 'Báo cáo chính trị' }, { code: 'DLD', title: 'Điều lệ Đảng' }] },
    });
    const byCode = await loadConsultation(db, 'DH14');
    expect(byCode).toMatchObject({ id: created.id, code: 'DH14', title: 'Lấy ý kiến', allUnits: true, cutoffWeekday: 3, cutoffTime: '16:00' });
    expect(byCode.documents).toEqual(created.documents.map((d) => ({ code: d.code, id: d.id })));
    expect(await loadConsultation(db, { id: created.id })).toEqual(byCode);
    expect((await loadConsultation(db, { id: other.id })).documents).toEqual([{ code: 'X', id: other.documents[0]!.id }]);
    expect(await selectConsultation(db, 'NOPE')).toBeUndefined();
    const missing = await loadConsultation(db, 'NOPE').catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(AppError);
    expect(missing).toMatchObject({ code: 'NOT_FOUND', details: { code: 'NOPE' } });
  });
});
