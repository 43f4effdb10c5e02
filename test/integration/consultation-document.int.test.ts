import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { importDocumentText } from '../../src/modules/consultation/import-document-text.js';
import { createTestDatabase } from '../support/db.js';

const { db } = await createTestDatabase();
const actor = cliActor();
const text = Buffer.from(
  'DỰ THẢO ĐIỀU LỆ\n\nI. KẾT QUẢ THI HÀNH ĐIỀU LỆ\n\n1. Về đảng viên\n\n2. Về tổ chức cơ sở đảng\n\nII. ĐỀ XUẤT SỬA ĐỔI, BỔ SUNG\n\n1. Điều 1\n',
  'utf8',
);

describe('draft document text', () => {
  it('is split into sections with stable references, replaced whole on re-import, and audited', async () => {
    await createConsultation(db, { actor, input: { code: 'DH14', title: 'Lấy ý kiến', documents: [{ code: 'DLD', title: 'Dự thảo Điều lệ' }] } });
    const first = await importDocumentText(db, { actor, consultationCode: 'DH14', documentCode: 'DLD', data: text, fileName: 'dieu-le.txt' });
    expect(first.refs).toEqual(expect.arrayContaining(['I', 'I.1', 'I.2', 'II', 'II.1']));
    const again = await importDocumentText(db, { actor, consultationCode: 'DH14', documentCode: 'DLD', data: text, fileName: 'dieu-le.txt' });
    expect(again.refs).toEqual(first.refs);
    const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from document_sections`);
    expect(rows.rows[0]!.n).toBe(first.sections);
    const audit = await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'consultation.document_text'`);
    expect(audit.rows[0]!.n).toBe(2);
    await expect(importDocumentText(db, { actor, consultationCode: 'DH14', documentCode: 'KHONG', data: text, fileName: 'x.txt' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
