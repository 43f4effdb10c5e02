import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { AppError } from '../../src/platform/errors.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { importOpinions } from '../../src/modules/consultation/import/import-opinions.js';
import { enteredInstantProblem } from '../../src/modules/consultation/intake/instant.js';
import { createTestDatabase } from '../support/db.js';
import { buildUnit } from '../support/factories.js';

/**
 * The opinion import applies the staff form's rules: submitted_at within the consultation and not in
 * the future (the same rule function), and the rows of one submission agree on what the staff form
 * takes once per submission (channel, contributor group, contact details).
 */
const { db } = await createTestDatabase();
const actor = cliActor();
const contactKey = () => KEY;
const KEY = randomBytes(32);
const OPENS = new Date('2025-10-01T00:00:00+07:00');
const CLOSES = new Date('2025-12-01T00:00:00+07:00');
const HEADER = 'submission_id,submitted_at,unit_code,channel,contributor_group,document_code,section_ref,stance,opinion_text,contributor_name,contributor_phone,contributor_id_number';
let dir: string;
let seq = 0;

interface Row {
  at?: string;
  channel?: string;
  group?: string;
  contact?: string;
}
const row = (id: string, r: Row = {}) =>
  `${id},${r.at ?? '2025-10-15T08:30:00+07:00'},X-BADINH,${r.channel ?? 'letter'},${r.group ?? 'dang_vien'},BCCT,,partial,"Ý kiến của ${id}",${r.contact ?? ',,'}`;

async function setUp(name: string, lines: string[], window: { closesAt?: Date } = {}): Promise<{ code: string; file: string }> {
  const code = `QT-${++seq}`;
  await createConsultation(db, { actor, input: { code, title: 'Lấy ý kiến dự thảo', documents: [{ code: 'BCCT', title: 'Báo cáo chính trị' }], opensAt: OPENS, ...window } });
  const file = path.join(dir, name);
  await writeFile(file, `${[HEADER, ...lines].join('\n')}\n`);
  return { code, file };
}

async function rejectedLines(code: string, file: string): Promise<{ line: number; message: string }[]> {
  const error = await importOpinions(db, { actor, contactKey, consultationCode: code, filePath: file }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('IMPORT_REJECTED');
  return ((error as AppError).details as { errors: { line: number; message: string }[] }).errors;
}

const submissionsOf = async (code: string) =>
  (await db.execute<{ external_id: string }>(sql`select s.external_id from submissions s join consultations c on c.id = s.consultation_id where c.code = ${code} order by 1`)).rows.map((r) => r.external_id);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-import-rules-'));
  const province = await buildUnit(db, { code: 'T-HNI' });
  await buildUnit(db, { code: 'X-BADINH', parentId: province.id });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('submitted_at follows the staff form’s rule', () => {
  it('rejects rows dated before the opening, from the closing on, or in the future, with their lines and the staff form’s reasons', async () => {
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const { code, file } = await setUp(
      'ngay.csv',
      [row('D1'), row('D2', { at: '2025-09-30T23:59:59+07:00' }), row('D3', { at: '2025-12-01T00:00:00+07:00' }), row('D4', { at: '2025-11-30T23:59:59+07:00' }), row('D5', { at: future })],
      { closesAt: CLOSES },
    );
    const errors = await rejectedLines(code, file);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 6]);
    const window = { opensAt: OPENS, closesAt: CLOSES };
    expect(errors[0]?.message).toContain(enteredInstantProblem(window, new Date('2025-09-30T23:59:59+07:00'), new Date()));
    expect(errors[1]?.message).toContain(enteredInstantProblem(window, CLOSES, new Date()));
    expect(errors[2]?.message).toContain('không được ở tương lai');
    expect(errors[0]?.message).toContain('submitted_at');
    expect(await submissionsOf(code)).toEqual([]);
  });

  it('with skipInvalid imports the rows within the window and writes the others to the rejected file', async () => {
    const { code, file } = await setUp('ngay-bo-qua.csv', [row('E1'), row('E2', { at: '2024-05-01T08:00:00+07:00' }), row('E3', { at: '2025-11-20T10:00:00+07:00' })]);
    const result = await importOpinions(db, { actor, contactKey, consultationCode: code, filePath: file, skipInvalid: true });
    expect(result).toMatchObject({ submissions: 2, opinions: 2, rejected: [{ line: 3 }] });
    expect(await submissionsOf(code)).toEqual(['E1', 'E3']);
    expect(await readFile(result.rejectedFile as string, 'utf8')).toContain('E2,2024-05-01');
  });
});

describe('rows of one submission agree on what the staff form takes once', () => {
  const A = 'Nguyễn Văn An,0912345678,001099012345';
  const B = 'Trần Thị Bình,0987654321,';

  it('rejects rows that disagree on contributor group, channel or contact details, naming the first row', async () => {
    const { code, file } = await setUp('khac-nhau.csv', [
      row('G1', { group: 'dang_vien' }),
      row('G1', { group: 'nhan_dan' }),
      row('C1', { channel: 'letter' }),
      row('C1', { channel: 'email' }),
      row('K1', { contact: A }),
      row('K1'),
      row('K1', { contact: B }),
      row('K1', { contact: A }),
    ]);
    const errors = await rejectedLines(code, file);
    expect(errors.map((e) => e.line)).toEqual([3, 5, 8]);
    expect(errors[0]?.message).toMatch(/dòng 2 .*contributor_group/);
    expect(errors[1]?.message).toMatch(/dòng 4 .*channel/);
    expect(errors[2]?.message).toMatch(/dòng 6 .*contributor_name/);
    expect(await submissionsOf(code)).toEqual([]);
  });

  it('takes contact details given on a later row when the earlier rows leave them empty, and rows repeating them', async () => {
    const { code, file } = await setUp('lien-he.csv', [row('L1'), row('L1', { contact: A }), row('L1'), row('L1', { contact: A })]);
    const result = await importOpinions(db, { actor, contactKey, consultationCode: code, filePath: file });
    expect(result).toMatchObject({ submissions: 1, opinions: 4, rejected: [] });
    const contacts = await db.execute<{ n: number }>(sql`select count(*)::int as n from submission_contacts k join submissions s on s.id = k.submission_id where s.external_id = 'L1'`);
    expect(contacts.rows[0]?.n).toBe(1);
  });

  it('with skipInvalid leaves out the whole submission whose rows disagree, and imports the others', async () => {
    const { code, file } = await setUp('khac-nhau-bo-qua.csv', [row('M1', { group: 'can_bo' }), row('M1', { group: 'khac' }), row('M2')]);
    const result = await importOpinions(db, { actor, contactKey, consultationCode: code, filePath: file, skipInvalid: true });
    expect(result.rejected.map((r) => r.line)).toEqual([2, 3]);
    expect(await submissionsOf(code)).toEqual(['M2']);
  });
});
