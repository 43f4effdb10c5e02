import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../support/factories.js';
import { runLantoa } from '../support/cli.js';
import { createTestDatabase } from '../support/db.js';

/** `lantoa contests define FILE.json` in a real process on the test database, as the operator. */
const database = await createTestDatabase();
let dir: string;
const lantoa = (args: string[]) => runLantoa(args, { databaseUrl: database.url, dir });

async function file(name: string, content: unknown): Promise<string> {
  const full = path.join(dir, name);
  await writeFile(full, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return full;
}

/** The JSON, as README "Cuộc thi" documents it: round 1 already open, round 2 next year. */
const contest = {
  code: 'DH-TIMHIEU',
  title: 'Tìm hiểu các kỳ Đại hội Đảng',
  organiserUnit: 'TU',
  audience: 'public',
  rules: 'Mỗi người thi tối đa 7 lượt mỗi vòng.',
  rounds: [
    { number: 1, opens: '2020-01-05T08:00:00+07:00', closes: '2099-01-11T20:00:00+07:00', questionsPerAttempt: 10, timeLimitSeconds: 600, attemptsAllowed: 7, graceSeconds: 5, prediction: 'perfect-scores', prizes: [{ name: 'Giải Nhất', count: 1 }] },
    { number: 2, opens: '2099-01-12T08:00:00+07:00', closes: '2099-01-18T20:00:00+07:00', questionsPerAttempt: 10, timeLimitSeconds: 600, attemptsAllowed: 7, graceSeconds: 5, prediction: 'attempts', prizes: [{ name: 'Giải Nhất', count: 1 }] },
  ],
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-contests-define-'));
  await buildUnit(database.db, { code: 'TU', name: 'Tỉnh ủy', kind: 'party_committee' });
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('lantoa contests define', () => {
  it('creates with --json {id, code, created}, updates the same code, prints a summary and the pool warning', async () => {
    const created = lantoa(['contests', 'define', await file('contest.json', contest), '--json']);
    expect(created.code).toBe(0);
    const body = JSON.parse(created.out) as { id: number };
    expect(body).toEqual({ id: expect.any(Number), code: 'DH-TIMHIEU', created: true });
    expect(created.err).toContain('Cảnh báo: Vòng 1 rút 10 câu mỗi lượt nhưng ngân hàng câu hỏi mới có 0 câu');
    const changed = { ...contest, rounds: [contest.rounds[0], { ...contest.rounds[1], attemptsAllowed: 3 }] };
    const updated = lantoa(['contests', 'define', await file('changed.json', changed)]);
    expect(updated.code).toBe(0);
    expect(updated.out).toBe(`Đã cập nhật cuộc thi DH-TIMHIEU (id ${body.id}): Tìm hiểu các kỳ Đại hội Đảng.\n`);
  });

  it('exits 1 when an opened round would change, naming it', async () => {
    const locked = { ...contest, rounds: [{ ...contest.rounds[0], timeLimitSeconds: 300 }, contest.rounds[1]] };
    const refused = lantoa(['contests', 'define', await file('locked.json', locked)]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Vòng 1 đã mở');
  });

  it('exits 2 on a bad file, listing every problem', async () => {
    const notJson = lantoa(['contests', 'define', await file('broken.json', '{"code": ')]);
    expect(notJson.code).toBe(2);
    expect(notJson.err).toContain('không phải JSON hợp lệ');
    const bad = { ...contest, code: 'BAD', colour: 'red', audience: 'everyone', rounds: [{ ...contest.rounds[0], closes: '2019-01-01T00:00:00+07:00' }, { ...contest.rounds[1], number: 1, prediction: 'guess' }] };
    const refused = lantoa(['contests', 'define', await file('bad.json', bad)]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/audience: Đối tượng phải là/);
    expect(refused.err).toMatch(/rounds\.1\.prediction: Câu hỏi dự đoán/);
    expect(refused.err).toMatch(/\(gốc\):.*colour/);
    const crossField = lantoa(['contests', 'define', await file('cross.json', { ...contest, code: 'BAD', rounds: [{ ...contest.rounds[0], closes: '2019-01-01T00:00:00+07:00' }, { ...contest.rounds[1], number: 1 }] })]);
    expect(crossField.code).toBe(2);
    expect(crossField.err).toContain('rounds.0.closes: Vòng 1: thời điểm đóng phải sau thời điểm mở');
    expect(crossField.err).toContain('rounds.1.number: Số thứ tự vòng 1 bị trùng');
    const unknown = lantoa(['contests', 'define', await file('unknown.json', { ...contest, code: 'U', organiserUnit: 'KHONG-CO' })]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Không có đơn vị mã "KHONG-CO"');
  });
});
