import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliActor, type Actor } from '../../src/platform/access/roles.js';
import { AppError } from '../../src/platform/errors.js';
import { importUnits } from '../../src/modules/org/import-units.js';
import { exportUnits } from '../../src/modules/org/export-units.js';
import { listUnits } from '../../src/modules/org/list-units.js';
import { updateUnit } from '../../src/modules/org/update-unit.js';
import { loadDemo } from '../../src/modules/org/load-demo.js';
import { createTestDatabase } from '../support/db.js';

const { db } = await createTestDatabase();
const admin = cliActor();

const csv = (rows: string[]) => Buffer.from(['code,name,kind,parent_code,abbreviation', ...rows].join('\n') + '\n', 'utf8');
const count = async (where = sql`true`) => (await db.execute<{ n: number }>(sql`select count(*)::int as n from units where ${where}`)).rows[0]?.n;
const auditCount = async (action: string) =>
  (await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = ${action}`)).rows[0]?.n;

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the import to be rejected');
}

const byCode = async (code: string) => (await listUnits(db, { actor: admin })).find((u) => u.code === code);

beforeAll(async () => {
  await loadDemo(db);
});

describe('units import', () => {
  it('loads the demo workspace from the seeds: the bodies they name, in a hierarchy, with one account per role', async () => {
    const names = (await listUnits(db, { actor: admin })).map((u) => u.name);
    for (const name of [
      'Tỉnh ủy Lai Châu',
      'Ban Tuyên giáo và Dân vận Tỉnh ủy Lai Châu',
      'Đảng ủy Ủy ban nhân dân tỉnh Lai Châu',
      'Sở Văn hóa, Thể thao và Du lịch Lai Châu',
      'Sở Văn hóa, Thể thao và Du lịch Lào Cai',
      'Báo và Phát thanh, Truyền hình Lai Châu',
      'Cổng Thông tin điện tử tỉnh Lai Châu',
      'Hội Văn học - Nghệ thuật tỉnh Lai Châu',
      'Đảng ủy Văn phòng UBND tỉnh Sơn La',
    ]) {
      expect(names).toContain(name);
    }
    const roles = await db.execute<{ role: string }>(sql`select distinct role from role_grants order by role`);
    expect(roles.rows.map((r) => r.role)).toEqual(['editor', 'system_admin', 'unit_admin', 'viewer']);
  });

  it('creates, then on re-import updates by code without duplicating, and audits each change', async () => {
    const file = csv(['IMP-ROOT,Tỉnh ủy Thử Nghiệm,party_committee,,TU', 'IMP-A,Ban Tuyên giáo Thử Nghiệm,party_board,IMP-ROOT,BTG', 'IMP-B,Xã Hoà Bình,commune,IMP-ROOT,']);
    expect(await importUnits(db, { actor: admin, data: file, fileName: 'a.csv' })).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const before = await auditCount('unit.update');
    expect(await importUnits(db, { actor: admin, data: file, fileName: 'a.csv' })).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await count(sql`code like 'IMP-%'`)).toBe(3);
    const changed = csv(['IMP-ROOT,Tỉnh ủy Thử Nghiệm,party_committee,,TU', 'IMP-A,Ban Tuyên giáo và Dân vận Thử Nghiệm,party_board,IMP-ROOT,BTGDV', 'IMP-B,Xã Hoà Bình,commune,IMP-A,']);
    expect(await importUnits(db, { actor: admin, data: changed, fileName: 'b.csv' })).toEqual({ created: 0, updated: 2, unchanged: 1 });
    expect(await count(sql`code like 'IMP-%'`)).toBe(3);
    expect(await auditCount('unit.update')).toBe((before ?? 0) + 2);
    const b = await byCode('IMP-B');
    const a = await byCode('IMP-A');
    expect(b?.parentId).toBe(a?.id);
  });

  it('reports every bad row with its line number and writes nothing', async () => {
    const before = await count();
    const error = await rejection(
      importUnits(db, {
        actor: admin,
        data: csv([
          'BAD-1,Đơn vị tốt,other,,', // line 2: fine
          'BAD-2,,other,BAD-1,', // line 3: no name
          'BAD-3,Đơn vị,khong-co,BAD-1,', // line 4: unknown kind
          'BAD-4,Đơn vị con,other,KHONG-TON-TAI,', // line 5: unknown parent
          'BAD-5,Vòng A,other,BAD-6,', // line 6: cycle
          'BAD-6,Vòng B,other,BAD-5,', // line 7: cycle
        ]),
        fileName: 'bad.csv',
      }),
    );
    expect(error.code).toBe('IMPORT_REJECTED');
    const lines = (error.details as { errors: { line: number; message: string }[] }).errors.map((e) => e.line);
    expect([...new Set(lines)]).toEqual([3, 4, 5, 6, 7]);
    expect(await count()).toBe(before);
  });

  it('refuses a re-import that would put a unit under its own descendant', async () => {
    const error = await rejection(importUnits(db, { actor: admin, data: csv(['IMP-ROOT,Tỉnh ủy Thử Nghiệm,party_committee,IMP-B,TU']), fileName: 'c.csv' }));
    expect((error.details as { errors: { line: number }[] }).errors[0]?.line).toBe(2);
  });

  it('lets a unit admin import only inside their subtree, all or nothing', async () => {
    const root = await byCode('IMP-ROOT');
    const laiChau = await byCode('LCU-TU');
    const unitAdmin: Actor = { userId: null, username: 'qt', ip: null, grants: [{ id: 1, role: 'unit_admin', unitId: root!.id }] };
    expect(await importUnits(db, { actor: unitAdmin, data: csv(['IMP-C,Chi bộ mới,party_cell,IMP-A,']), fileName: 'd.csv' })).toMatchObject({ created: 1 });
    const error = await rejection(
      importUnits(db, { actor: unitAdmin, data: csv(['IMP-D,Chi bộ hợp lệ,party_cell,IMP-A,', 'IMP-E,Chi bộ ngoài phạm vi,party_cell,LCU-TU,']), fileName: 'e.csv' }),
    );
    // A parent outside the admin's subtree is answered exactly as a code that does not exist:
    // the error names the line and the code the file gave, never the unit's id or name.
    expect(error.code).toBe('IMPORT_REJECTED');
    const unknown = await rejection(importUnits(db, { actor: unitAdmin, data: csv(['IMP-D,Chi bộ hợp lệ,party_cell,IMP-A,', 'IMP-E,Chi bộ ngoài phạm vi,party_cell,KHONG-CO,']), fileName: 'f.csv' }));
    const lines = (e: AppError) => (e.details as { errors: { line: number; message: string }[] }).errors;
    expect(lines(error)).toEqual([{ line: 3, message: lines(unknown)[0]!.message.replace('KHONG-CO', 'LCU-TU') }]);
    expect(JSON.stringify(error.details)).not.toMatch(/unitId|"id"/);
    expect(JSON.stringify(error.details)).not.toContain('Tỉnh ủy');
    // A code already used outside the subtree cannot be written either, and says no more than that.
    const foreign = await rejection(importUnits(db, { actor: unitAdmin, data: csv(['LCU-TU,Đổi tên,party_committee,IMP-A,']), fileName: 'g.csv' }));
    expect(foreign.code).toBe('IMPORT_REJECTED');
    expect(lines(foreign)).toEqual([{ line: 2, message: expect.stringContaining('ngoài phạm vi') }]);
    expect(JSON.stringify(foreign.details)).not.toMatch(/unitId|"id"/);
    expect(await count(sql`code in ('IMP-D', 'IMP-E')`)).toBe(0);
    expect((await byCode('LCU-TU'))?.name).toBe(laiChau?.name);
  });

  it('exports parents before children in a file that re-imports unchanged', async () => {
    const exported = await exportUnits(db, { actor: admin, format: 'csv' });
    const codes = exported.toString('utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]);
    expect(codes.indexOf('LCU-TU')).toBeLessThan(codes.indexOf('LCU-UBND'));
    expect(codes.indexOf('LCU-UBND')).toBeLessThan(codes.indexOf('LCU-SVHTTDL'));
    const total = await count();
    expect(await importUnits(db, { actor: admin, data: exported, fileName: 'export.csv' })).toEqual({ created: 0, updated: 0, unchanged: total });
    const xlsx = await exportUnits(db, { actor: admin, format: 'xlsx' });
    expect(await importUnits(db, { actor: admin, data: xlsx, fileName: 'export.xlsx' })).toEqual({ created: 0, updated: 0, unchanged: total });
  });
});

describe('units search and editing', () => {
  it.each([
    ['lai chau', 'Tỉnh ủy Lai Châu'],
    ['Lai Chau', 'Tỉnh ủy Lai Châu'],
    ['LAI CHÂU', 'Tỉnh ủy Lai Châu'],
    ['hòa bình', 'Xã Hoà Bình'],
    ['son la', 'Tỉnh ủy Sơn La'],
    ['btgdvtu lai chau', 'Ban Tuyên giáo và Dân vận Tỉnh ủy Lai Châu'],
  ])('"%s" finds "%s", ignoring diacritics, case and tone-mark style, and nothing of Lào Cai', async (query, name) => {
    const found = (await listUnits(db, { actor: admin, query })).map((u) => u.name);
    expect(found).toContain(name);
    expect(found.filter((n) => n.includes('Lào Cai'))).toEqual([]);
  });

  it('a search matches whole query words anywhere in name, code or abbreviation', async () => {
    const found = (await listUnits(db, { actor: admin, query: 'BTGDVTU' })).map((u) => u.code).sort();
    expect(found).toEqual(['LCA-BTGDVTU', 'LCU-BTGDVTU', 'SLA-BTGDVTU']);
  });

  it('keeps history countable: a merged commune gets an end date and stays listed', async () => {
    const [commune] = await listUnits(db, { actor: admin, query: 'Phường Đoàn Kết' });
    const updated = await updateUnit(db, { actor: admin, unitId: commune!.id, input: { activeFrom: '2020-01-01', activeTo: '2025-06-30' } });
    expect(updated).toMatchObject({ activeFrom: '2020-01-01', activeTo: '2025-06-30' });
    expect((await listUnits(db, { actor: admin, query: 'doan ket' })).map((u) => u.id)).toContain(commune!.id);
    await expect(updateUnit(db, { actor: admin, unitId: commune!.id, input: { activeTo: '2019-01-01' } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses to move a unit under its own descendant', async () => {
    const root = await byCode('IMP-ROOT');
    const leaf = await byCode('IMP-C');
    await expect(updateUnit(db, { actor: admin, unitId: root!.id, input: { parentId: leaf!.id } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
