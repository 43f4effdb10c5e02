import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLantoa } from '../support/cli.js';
import { createTestDatabase } from '../support/db.js';
import { buildFlowFixture } from '../support/report-flow-fixtures.js';

/** `lantoa reports submit | status | consolidate` in a real process on the test database, as the operator. */
const database = await createTestDatabase();
let dir: string;

function lantoa(args: string[]) {
  return runLantoa(['reports', ...args], { databaseUrl: database.url, dir });
}

async function valuesFile(name: string, values: unknown): Promise<string> {
  const full = path.join(dir, name);
  await writeFile(full, JSON.stringify(values));
  return full;
}

const at = (unit: string, periodEnd = '2025-11-12') => ['--regime', 'CLI-TUAN', '--unit', `CLI-${unit}`, '--period-end', periodEnd];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-reports-cli-'));
  await buildFlowFixture(database.db, { prefix: 'CLI' });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('lantoa reports submit / status / consolidate', () => {
  it('submits a cell’s values, refuses bad values (2), unknown codes (2) and a second send (1)', async () => {
    const good = lantoa(['submit', ...at('C11'), '--values', await valuesFile('c11.json', { HN: 2, NG: 10 }), '--json']);
    expect(good.err).toBe('');
    expect(good.code).toBe(0);
    expect(JSON.parse(good.out)).toEqual({ submissionId: expect.any(Number), version: 1, late: true });
    const bad = lantoa(['submit', ...at('C12'), '--values', await valuesFile('c12.json', { HN: 5, NG: 1, XX: 1 })]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('XX: Biểu mẫu không có chỉ tiêu mã "XX".');
    expect(bad.err).toContain('NG: "Số người dự" (1) phải lớn hơn hoặc bằng "Số hội nghị" (5).');
    expect(lantoa(['submit', ...at('C12'), '--values', await valuesFile('list.json', [1, 2])]).code).toBe(2);
    expect(lantoa(['submit', '--regime', 'KHONG-CO', '--unit', 'CLI-C12', '--period-end', '2025-11-12', '--values', path.join(dir, 'c11.json')]).code).toBe(2);
    expect(lantoa(['submit', ...at('C12', '2025-11-13'), '--values', path.join(dir, 'c11.json')]).code).toBe(2);
    const again = lantoa(['submit', ...at('C11'), '--values', path.join(dir, 'c11.json')]);
    expect(again.code).toBe(1);
    const committee = lantoa(['submit', ...at('K1'), '--values', await valuesFile('k1.json', { HN: 1, NG: 1 })]);
    expect(committee.code).toBe(0);
    expect(committee.out).toMatch(/^Đã gửi báo cáo của CLI-K1 kỳ chốt ngày 2025-11-12: phiên bản 1, trễ hạn/);
  }, 180_000);

  it('prints the status and consolidation JSON with the documented keys', () => {
    const status = lantoa(['status', ...at('K1'), '--json']);
    expect(status.code).toBe(0);
    const s = JSON.parse(status.out);
    expect(Object.keys(s)).toEqual(['unit', 'periodStart', 'periodEnd', 'deadline', 'expected', 'onTime', 'late', 'missing', 'returned', 'approved', 'reportingRate', 'timelinessRate', 'subtree', 'children']);
    expect(s).toMatchObject({ unit: 'CLI-K1', periodStart: '2025-11-05T09:00:00.000Z', periodEnd: '2025-11-12T09:00:00.000Z', deadline: '2025-11-12T09:00:00.000Z', expected: 2, onTime: 0, late: 1, missing: 1, reportingRate: 0.5, timelinessRate: 0 });
    expect(s.subtree).toEqual({ expected: 2, onTime: 0, late: 1, missing: 1 });
    expect(s.children).toEqual([
      { code: 'CLI-C11', status: 'late', review: 'submitted', submittedAt: expect.any(String) },
      { code: 'CLI-C12', status: 'missing', review: null, submittedAt: null },
    ]);
    const consolidation = lantoa(['consolidate', ...at('P'), '--json']);
    expect(consolidation.code).toBe(0);
    const c = JSON.parse(consolidation.out);
    expect(Object.keys(c)).toEqual(['unit', 'periodStart', 'periodEnd', 'values', 'live', 'children', 'mismatches']);
    expect(c).toMatchObject({ unit: 'CLI-P', values: { HN: 3, NG: 11 }, live: { HN: 3, NG: 11 }, mismatches: [] });
    expect(c.children).toEqual([
      { code: 'CLI-K1', status: 'late', values: expect.objectContaining({ HN: 3, NG: 11 }) },
      { code: 'CLI-K2', status: 'missing', values: {} },
    ]);
    expect(lantoa(['consolidate', ...at('P')]).out).toContain('Tổng hợp Báo cáo tuần CLI');
  }, 120_000);

  it('writes the consolidation as XLSX and DOCX through the documents’ renderers, one output at a time', async () => {
    const xlsx = path.join(dir, 'tong-hop.xlsx');
    expect(lantoa(['consolidate', ...at('P'), '--xlsx', xlsx]).code).toBe(0);
    const docx = path.join(dir, 'tong-hop.docx');
    expect(lantoa(['consolidate', ...at('K1'), '--docx', docx]).code).toBe(0);
    for (const file of [xlsx, docx]) expect((await readFile(file)).subarray(0, 2).toString()).toBe('PK');
    expect(lantoa(['consolidate', ...at('P'), '--json', '--xlsx', xlsx]).code).toBe(2);
  }, 120_000);
});
