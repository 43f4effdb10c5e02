import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRound } from '../../src/modules/contests/closing/close-round.js';
import { runLantoa } from '../support/cli.js';
import { buildResultsFixture, type ResultsFixture } from '../support/contest-results-fixture.js';
import { createTestDatabase } from '../support/db.js';
import { loadXlsx } from '../support/report-documents.js';

/** `lantoa contests results` in a real process on the test database: JSON keys, files, exit codes. */
const database = await createTestDatabase();
let dir: string;
let closed: ResultsFixture;
let open: ResultsFixture;
const lantoa = (args: string[]) => runLantoa(args, { databaseUrl: database.url, dir });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-contests-results-'));
  closed = await buildResultsFixture(database.db);
  for (const [name, score] of [['Hoàng Văn Em', 3], ['Vũ Thị Giang', 2], ['Đỗ Văn Hùng', 3]] as const) await closed.attempt(await closed.person(name), { score, prediction: 2, durationMs: score * 10_000 });
  await closeRound(database.db, closed.roundId, new Date(closed.closesAt.getTime() + 5000));
  open = await buildResultsFixture(database.db, { closesAt: new Date('2099-01-01T00:00:00Z') });
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('lantoa contests results', () => {
  it('--json prints exactly the documented keys with the whole ranking, best first', () => {
    const run = lantoa(['contests', 'results', '--contest', closed.code, '--round', '1', '--json']);
    expect(run.code, run.err).toBe(0);
    const json = JSON.parse(run.out) as Record<string, unknown> & { winners: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['round', 'closesAt', 'attempts', 'people', 'perfectScores', 'officialFigure', 'winners']);
    expect(json).toMatchObject({ round: 1, closesAt: '2025-11-16T13:00:00.000Z', attempts: 3, people: 3, perfectScores: 2, officialFigure: 2 });
    expect(json.winners.map((w) => Object.keys(w))).toEqual(Array(3).fill(['rank', 'name', 'unit', 'score', 'prediction', 'durationSeconds', 'submittedAt']));
    expect(json.winners.map((w) => [w.rank, w.name, w.score, w.durationSeconds])).toEqual([
      [1, 'Hoàng Văn Em', 3, 30],
      [2, 'Đỗ Văn Hùng', 3, 30],
      [3, 'Vũ Thị Giang', 2, 20],
    ]);
  }, 60_000);

  it('writes the XLSX and the DOCX; prints a summary without options', async () => {
    const xlsx = path.join(dir, 'ket-qua.xlsx');
    const docx = path.join(dir, 'thong-bao.docx');
    expect(lantoa(['contests', 'results', '--contest', closed.code, '--round', '1', '--xlsx', xlsx]).code).toBe(0);
    const sheet = (await loadXlsx(await readFile(xlsx))).getWorksheet('Xếp hạng')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Hạng');
    expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(2).value)).toEqual(['Hoàng Văn Em', 'Đỗ Văn Hùng', 'Vũ Thị Giang']);
    expect(lantoa(['contests', 'results', '--contest', closed.code, '--round', '1', '--docx', docx]).code).toBe(0);
    const { value } = await mammoth.extractRawText({ buffer: await readFile(docx) });
    expect(value).toContain('Dự thảo: kết quả chưa được xác nhận');
    const text = lantoa(['contests', 'results', '--contest', closed.code, '--round', '1']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Con số chính thức: 2.');
    expect(text.out).toContain('Giải Nhất');
  }, 120_000);

  it('exits 2 for an unknown contest or round or a bad option, 1 for a round not closed yet', () => {
    expect(lantoa(['contests', 'results', '--contest', 'KHONG-CO', '--round', '1', '--json']).code).toBe(2);
    expect(lantoa(['contests', 'results', '--contest', closed.code, '--round', '7', '--json']).code).toBe(2);
    expect(lantoa(['contests', 'results', '--contest', closed.code, '--round', 'một', '--json']).code).toBe(2);
    expect(lantoa(['contests', 'results', '--contest', closed.code, '--round', '1', '--json', '--docx', 'x.docx']).code).toBe(2);
    const notClosed = lantoa(['contests', 'results', '--contest', open.code, '--round', '1', '--json']);
    expect(notClosed.code).toBe(1);
    expect(notClosed.err).toContain('Vòng thi chưa được tổng kết');
  }, 180_000);
});
