import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../support/factories.js';
import { runLantoa } from '../support/cli.js';
import { createTestDatabase } from '../support/db.js';

/** `lantoa reports define FILE.json` in a real process on the test database, as the operator. */
const database = await createTestDatabase();
const { db } = database;
let dir: string;

function lantoa(args: string[]) {
  return runLantoa(args, { databaseUrl: database.url, dir });
}

async function file(name: string, content: unknown): Promise<string> {
  const full = path.join(dir, name);
  await writeFile(full, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return full;
}

/** Seed 004's weekly regime, as README documents it. */
const weekly = {
  code: 'DU-UBND-TUAN',
  name: 'Báo cáo tổng hợp ý kiến góp ý vào dự thảo văn kiện Đại hội XIV (hằng tuần)',
  issuerUnit: 'DU-UBND',
  type: 'periodic',
  frequency: { kind: 'weekly', weekday: 'wednesday', time: '16:00' },
  reportingUnitKinds: ['party_committee', 'party_cell'],
  reportingUnits: [],
  deadlines: [{ unitKinds: ['party_cell'], weekday: 'tuesday', time: '16:00' }],
  indicators: [
    { code: 'HOI_NGHI', label: 'Số hội nghị, tọa đàm', type: 'integer', aggregation: 'sum' },
    { code: 'Y_KIEN', label: 'Số ý kiến góp ý', type: 'integer', aggregation: 'sum' },
  ],
  outline: ['Kết quả thực hiện', 'Hạn chế, nguyên nhân', 'Đề xuất, kiến nghị', 'Nhiệm vụ tuần tới'],
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-reports-define-'));
  const issuer = await buildUnit(db, { code: 'DU-UBND', name: 'Đảng ủy UBND tỉnh', kind: 'party_committee' });
  await buildUnit(db, { code: 'CB-VP', name: 'Chi bộ Văn phòng UBND tỉnh', kind: 'party_cell', parentId: issuer.id });
  const committee = await buildUnit(db, { code: 'DB-SVH', name: 'Đảng bộ Sở VHTTDL', kind: 'party_committee', parentId: issuer.id });
  await buildUnit(db, { code: 'CB-SVH-1', name: 'Chi bộ Phòng Văn hóa', kind: 'party_cell', parentId: committee.id });
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('lantoa reports define', () => {
  it('creates with --json, then updates the same code; without --json prints a Vietnamese summary', async () => {
    const path1 = await file('weekly.json', weekly);
    const created = lantoa(['reports', 'define', path1, '--json']);
    expect(created.err).toBe('');
    expect(created.code).toBe(0);
    const body = JSON.parse(created.out) as { id: number };
    expect(body).toEqual({ id: expect.any(Number), code: 'DU-UBND-TUAN', created: true, updated: false, warnings: [] });
    const updated = lantoa(['reports', 'define', path1, '--json']);
    expect(JSON.parse(updated.out)).toEqual({ id: body.id, code: 'DU-UBND-TUAN', created: false, updated: true, warnings: [] });
    const summary = lantoa(['reports', 'define', await file('weekly-cutoff.json', { ...weekly, code: 'DU-2', deadlines: [] })]);
    expect(summary.code).toBe(0);
    expect(summary.out).toContain('Đã tạo chế độ báo cáo DU-2');
    expect(summary.out).toContain('Cảnh báo: Chi bộ nộp báo cáo hạn 16:00 thứ Tư');
    const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from report_regimes`);
    expect(rows.rows[0]?.n).toBe(2);
  });

  it('exits 2 on a bad file, listing every problem', async () => {
    const notJson = lantoa(['reports', 'define', await file('broken.json', '{"code": ')]);
    expect(notJson.code).toBe(2);
    expect(notJson.err).toContain('không phải JSON hợp lệ');

    const bad = { ...weekly, code: 'BAD', colour: 'red', frequency: { kind: 'weekly', weekday: 'wed', time: '16:00' }, type: 'weekly' };
    const refused = lantoa(['reports', 'define', await file('bad.json', bad)]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/frequency\.weekday:/);
    expect(refused.err).toMatch(/type:/);
    expect(refused.err).toMatch(/\(gốc\):.*colour/);

    const badForm = { ...weekly, code: 'BAD', indicators: [{ code: 'A', label: 'A', type: 'text', aggregation: 'sum' }, { code: 'A', label: 'B', type: 'yesno', aggregation: 'count-yes' }] };
    const form = lantoa(['reports', 'define', await file('bad-form.json', badForm)]);
    expect(form.code).toBe(2);
    expect(form.err).toContain('indicators.1.code: Mã chỉ tiêu "A" bị trùng.');
    expect(form.err).toContain('indicators.0.aggregation:');

    const unknown = lantoa(['reports', 'define', await file('unknown.json', { ...weekly, code: 'BAD', reportingUnits: ['KHONG-CO', 'CUNG-KHONG'] })]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Không có đơn vị mã: KHONG-CO, CUNG-KHONG.');
    const rows = await db.execute(sql`select 1 from report_regimes where code = 'BAD'`);
    expect(rows.rows).toEqual([]);
  });
});
