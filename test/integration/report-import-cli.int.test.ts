import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportTemplate } from '../../src/modules/reports/documents/template-xlsx.js';
import { selectDraft } from '../../src/modules/reports/fill/repository.js';
import { runLantoa } from '../support/cli.js';
import { createTestDatabase } from '../support/db.js';
import { buildFlowFixture, flowForm, type FlowFixture } from '../support/report-flow-fixtures.js';
import { fillValue, loadXlsx, saveXlsx } from '../support/report-documents.js';

/** `lantoa reports import` in a real process on the test database, as the operator (issue 13 item 8). */
const database = await createTestDatabase();
const { db } = database;
let dir: string;
let f: FlowFixture;

function lantoa(args: string[]) {
  return runLantoa(args, { databaseUrl: database.url, dir });
}

async function templateFile(name: string, values: Record<string, string | number>): Promise<string> {
  const template = await renderReportTemplate({
    regime: { code: 'CLI-TUAN', name: 'Báo cáo tuần' },
    unit: { code: 'CLI-C11', name: 'Chi bộ 11' },
    period: { closingDate: '2025-11-12', label: 'Tuần' },
    deadline: null,
    form: flowForm,
    content: null,
  });
  const workbook = await loadXlsx(template);
  for (const [code, value] of Object.entries(values)) fillValue(workbook, code, value);
  const file = path.join(dir, name);
  await writeFile(file, await saveXlsx(workbook));
  return file;
}

const importArgs = (file: string, ...more: string[]) => ['reports', 'import', '--regime', 'CLI-TUAN', '--unit', 'CLI-C11', '--period-end', '2025-11-12', ...more, file];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-report-import-'));
  f = await buildFlowFixture(db, { prefix: 'CLI' });
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('lantoa reports import', () => {
  it('exits 2 listing each bad cell by sheet and address, saving nothing', async () => {
    const result = lantoa(importArgs(await templateFile('loi.xlsx', { HN: 'hai', NG: 5, TL: 120 })));
    expect(result.code, result.err).toBe(2);
    expect(result.err).toContain('Trang "1. Hội nghị", ô E4: Chỉ tiêu HN – Số hội nghị phải là số nguyên');
    expect(result.err).toContain('Trang "1. Hội nghị", ô E7:');
    expect(await selectDraft(db, f.periodId, f.u.C11)).toBeUndefined();
  });

  it('loads a filled template as the unit\'s draft, and with --submit sends it', async () => {
    const file = await templateFile('bao-cao.xlsx', { HN: 2, NG: 30, CO: 'Có' });
    const saved = lantoa(importArgs(file, '--json'));
    expect(saved.code, saved.err).toBe(0);
    expect(JSON.parse(saved.out)).toMatchObject({ submitted: null });
    expect((await selectDraft(db, f.periodId, f.u.C11))?.content.values).toEqual({ HN: 2, NG: 30, CO: true, TL: null });
    const sent = lantoa(importArgs(file, '--submit'));
    expect(sent.code, sent.err).toBe(0);
    expect(sent.err).toContain('Đã gửi báo cáo: phiên bản 1');
  });
});
