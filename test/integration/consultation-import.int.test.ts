import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { unsealContact } from '../../src/platform/crypto/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { AppError } from '../../src/platform/errors.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { importOpinions } from '../../src/modules/consultation/import/import-opinions.js';
import { rebuildFigures } from '../../src/modules/consultation/figures/fold-figures.js';
import type { Queryable } from '../../src/platform/db/database.js';
import { createTestDatabase } from '../support/db.js';
import { buildUnit } from '../support/factories.js';

const database = await createTestDatabase();
const db = database.db;
const actor = cliActor();
const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let unitCode: string;
let otherUnitCode: string;

/** The key sealing contact details in these tests. */
const testKey = randomBytes(32);
const contactKey = () => testKey;

const HEADER = 'submission_id,submitted_at,unit_code,channel,contributor_group,document_code,section_ref,stance,opinion_text,contributor_name,contributor_phone,contributor_id_number';
const row = (id: string, text: string, extra: Partial<{ unit: string; at: string; stance: string; channel: string }> = {}) =>
  `${id},${extra.at ?? '2025-10-15T08:30:00+07:00'},${extra.unit ?? unitCode},${extra.channel ?? 'vneid'},dang_vien,BCCT,II.3,${extra.stance ?? 'partial'},"${text}",Nguyễn Văn Bí Mật,0912345678,001099012345`;

async function file(name: string, lines: string[]): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, `\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`);
  return p;
}

async function count(table: 'submissions' | 'opinions', code: string): Promise<number> {
  const r = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)} t join consultations c on c.id = t.consultation_id where c.code = ${code}`);
  return r.rows[0]?.n ?? -1;
}

/** The consultations of these tests open before the rows' dates (15 October 2025). */
const OPENS_AT = new Date('2025-10-01T00:00:00+07:00');
let seq = 0;
async function consultation(window: { closesAt?: Date } = {}): Promise<string> {
  const code = `DT-${++seq}`;
  await createConsultation(db, { actor, input: { code, title: 'Lấy ý kiến dự thảo Văn kiện Đại hội XIV', documents: [{ code: 'BCCT', title: 'Báo cáo chính trị' }, { code: 'BCTK', title: 'Báo cáo tổng kết' }], opensAt: OPENS_AT, ...window } });
  return code;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-opinions-'));
  const province = await buildUnit(db, { code: 'T-HNI' });
  unitCode = (await buildUnit(db, { code: 'X-BADINH', parentId: province.id })).code;
  otherUnitCode = (await buildUnit(db, { code: 'X-HOANKIEM', parentId: province.id })).code;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('importOpinions', () => {
  it('counts a submission with three opinions as 1 and 3, and adds nothing on a second import', async () => {
    const code = await consultation();
    const p = await file('ba-y-kien.csv', [row('S1', 'Bổ sung nội dung về kinh tế tư nhân'), row('S1', 'Làm rõ vai trò của khoa học, công nghệ'), row('S1', 'Đề nghị giữ nguyên')]);
    const first = await importOpinions(db, { contactKey, actor, consultationCode: code, filePath: p });
    expect(first).toMatchObject({ rowsRead: 3, submissions: 1, opinions: 3, alreadyPresent: 0, rejected: [] });
    const [s] = (await db.execute<{ opinion_count: number; self_submitted: boolean; channel: string }>(sql`select opinion_count, self_submitted, channel from submissions where external_id = 'S1'`)).rows;
    expect(s).toEqual({ opinion_count: 3, self_submitted: true, channel: 'vneid' });
    const second = await importOpinions(db, { contactKey, actor, consultationCode: code, filePath: p });
    expect(second).toMatchObject({ rowsRead: 3, submissions: 0, opinions: 0, alreadyPresent: 1, rejected: [] });
    expect(await count('submissions', code)).toBe(1);
    expect(await count('opinions', code)).toBe(3);
    const imports = await db.execute<{ n: number }>(sql`select count(*)::int as n from opinion_imports`);
    expect(imports.rows[0]?.n).toBeGreaterThanOrEqual(2);
    const audit = await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'consultation.import' and unit_id is null`);
    expect(audit.rows[0]?.n).toBeGreaterThanOrEqual(2);
  });

  it('does not double count when two imports of the same file run at once', async () => {
    const code = await consultation();
    const p = await file('song-song.csv', Array.from({ length: 300 }, (_, i) => row(`P${Math.floor(i / 3)}`, `Ý kiến số ${i}`)));
    const results = await Promise.all([importOpinions(db, { contactKey, actor, consultationCode: code, filePath: p }), importOpinions(db, { contactKey, actor, consultationCode: code, filePath: p })]);
    expect(results.map((r) => r.submissions).sort()).toEqual([0, 100]);
    expect(results.map((r) => r.alreadyPresent).sort()).toEqual([0, 100]);
    expect(await count('submissions', code)).toBe(100);
    expect(await count('opinions', code)).toBe(300);
  });

  it('imports nothing when one row of 50,000 is bad, and names that line', async () => {
    const code = await consultation();
    const lines = Array.from({ length: 60_000 }, (_, i) => row(`B${Math.floor(i / 3)}`, `Ý kiến góp ý số ${i}, về phát triển kinh tế`));
    // Physical line 50,000 is data row 49,999 (the header is line 1).
    lines[49_998] = row(`B${Math.floor(49_998 / 3)}`, 'Sai kênh', { channel: 'fax' });
    const p = await file('lon.csv', lines);
    const error = await importOpinions(db, { contactKey, actor, consultationCode: code, filePath: p }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('IMPORT_REJECTED');
    const errors = ((error as AppError).details as { errors: { line: number; message: string }[] }).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(50_000);
    expect(errors[0]?.message).toContain('channel');
    expect(await count('submissions', code)).toBe(0);
    expect(await count('opinions', code)).toBe(0);
  });

  it('with skipInvalid imports the good submissions and writes the rejected rows beside the input', async () => {
    const code = await consultation();
    const p = await file('mot-phan.csv', [
      row('G1', 'Tốt'),
      row('G2', 'Dòng tốt của lượt có lỗi'),
      row('G2', 'Sai đơn vị', { unit: otherUnitCode }),
      row('G3', 'Sai mã đơn vị', { unit: 'KHONG-CO' }),
      row('G4', '', { stance: 'disagree' }),
      row('G5', '', { stance: 'agree' }),
    ]);
    const result = await importOpinions(db, { contactKey, actor, consultationCode: code, filePath: p, skipInvalid: true });
    expect(result).toMatchObject({ rowsRead: 6, submissions: 2, opinions: 2, alreadyPresent: 0 });
    expect(result.rejected.map((r) => r.line)).toEqual([3, 4, 5, 6]);
    expect(result.rejected[0]?.reason).toContain('dòng 4');
    expect(result.rejectedFile).toBe(path.join(dir, 'mot-phan.rejected.csv'));
    const rejected = (await readFile(result.rejectedFile as string, 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rejected).toHaveLength(5);
    expect(rejected[0]).toBe(`${HEADER},"reason"`);
    expect(rejected[2]).toContain('Sai đơn vị');
    expect(rejected[4]).toContain('lý do');
  });

  it('keeps contact details only sealed in submission_contacts, never in submissions or opinions', async () => {
    const code = await consultation();
    const p = await file('lien-he.csv', [row('C1', 'Ý kiến có thông tin liên hệ')]);
    await importOpinions(db, { contactKey, actor, consultationCode: code, filePath: p });
    const dump = await db.execute(sql`select s.*, o.*, c.* from submissions s join opinions o on o.submission_id = s.id left join submission_contacts c on c.submission_id = s.id where s.external_id = 'C1'`);
    const text = JSON.stringify(dump.rows);
    for (const secret of ['Bí Mật', '0912345678', '001099012345']) expect(text).not.toContain(secret);
    const sealed = (await db.execute<{ sealed: string }>(sql`select c.sealed from submission_contacts c join submissions s on s.id = c.submission_id where s.external_id = 'C1'`)).rows;
    expect(sealed).toHaveLength(1);
    expect(unsealContact(sealed[0]!.sealed, testKey)).toEqual({ name: 'Nguyễn Văn Bí Mật', phone: '0912345678', idNumber: '001099012345' });
  });

  it('stores contact details from a file as the web form stores them (spaces collapsed, phone digits only)', async () => {
    const code = await consultation();
    const line = `C2,2025-10-15T08:30:00+07:00,${unitCode},letter,nhan_dan,BCCT,,agree,,"  Lê   Văn  Thư ",0912.345 678,`;
    await importOpinions(db, { contactKey, actor, consultationCode: code, filePath: await file('lien-he-2.csv', [line]) });
    const sealed = (await db.execute<{ sealed: string }>(sql`
      select c.sealed from submission_contacts c join submissions s on s.id = c.submission_id join consultations k on k.id = s.consultation_id
      where k.code = ${code} and s.external_id = 'C2'`)).rows;
    expect(sealed).toHaveLength(1);
    expect(unsealContact(sealed[0]!.sealed, testKey)).toEqual({ name: 'Lê Văn Thư', phone: '0912345678', idNumber: null });
  });

  it('folds every imported submission into the weekly figures as the folder folds the rows the trigger would have made', async () => {
    const code = await consultation();
    const p = await file('hang-doi.csv', [row('Q1', 'Một'), row('Q1', 'Hai'), row('Q2', 'Ba', { unit: otherUnitCode, channel: 'letter' }), row('Q1', 'Bốn'), row('Q3', 'Một', { stance: 'agree' })]);
    // Batches of one row: Q1 is copied with one opinion, and its count corrected at the end.
    await importOpinions(db, { contactKey, actor, consultationCode: code, filePath: p, batchRows: 1 });
    const consultationId = (await db.execute<{ id: number }>(sql`select id from consultations where code = ${code}`)).rows[0]!.id;
    const kept = async (on: Queryable) => {
      const figures = await on.execute(sql`
        select unit_id, week_start, dimension, value, opinions, contributors from consultation_figures where consultation_id = ${consultationId} order by 1, 2, 3, 4`);
      const texts = await on.execute(sql`
        select unit_id, week_start, text_hash, opinions from consultation_text_counts where consultation_id = ${consultationId} order by 1, 2, 3`);
      const queued = await on.execute(sql`select count(*)::int as n from consultation_figure_queue where consultation_id = ${consultationId}`);
      return { figures: figures.rows, texts: texts.rows, queued: queued.rows[0] };
    };
    const imported = await kept(db);
    expect(imported.queued).toEqual({ n: 0 });
    const total = imported.figures.find((f) => f.dimension === 0 && f.unit_id === imported.figures[0]?.unit_id);
    expect(total).toMatchObject({ opinions: 5, contributors: 3 });
    // What the trigger of migration 0007 queues for each submission (unit_paths), folded by the folder.
    let refolded: Awaited<ReturnType<typeof kept>> | null = null;
    await db
      .transaction(async (tx) => {
        await rebuildFigures(tx as never, { actor, consultationCode: code });
        refolded = await kept(tx);
        tx.rollback();
      })
      .catch(() => undefined);
    expect(refolded).toEqual(imported);
  });

  it('leaves the queueing to the figures trigger again once the import has committed', async () => {
    const code = await consultation();
    await importOpinions(db, { contactKey, actor, consultationCode: code, filePath: await file('truoc.csv', [row('T1', 'Một')]) });
    const consultationId = (await db.execute<{ id: number }>(sql`select id from consultations where code = ${code}`)).rows[0]?.id as number;
    const unitId = (await db.execute<{ id: number }>(sql`select id from units where code = ${unitCode}`)).rows[0]?.id as number;
    const stored = await db.execute<{ id: number }>(sql`
      insert into submissions (consultation_id, external_id, unit_id, channel, contributor_group, submitted_at, self_submitted, opinion_count)
      values (${consultationId}, 'SAU', ${unitId}, 'web', 'nhan_dan', now(), true, 0) returning id`);
    const queued = await db.execute<{ n: number }>(sql`select count(*)::int as n from consultation_figure_queue where submission_id = ${stored.rows[0]?.id}`);
    expect(queued.rows[0]?.n).toBe(1);
  });

  it('counts a submission whose rows are far apart in the file once, with all its opinions and its contact details', async () => {
    const code = await consultation();
    const far = (id: string, text: string, contact: boolean) =>
      `${id},2025-10-15T08:30:00+07:00,${unitCode},vneid,dang_vien,BCCT,II.3,partial,"${text}",${contact ? 'Trần Thị Xa,0987654321,' : ',,'}`;
    const lines = [far('XA', 'Dòng đầu', false), ...Array.from({ length: 3_000 }, (_, i) => row(`M${Math.floor(i / 3)}`, `Ý kiến ${i}`)), far('XA', 'Dòng cuối', true)];
    const p = await file('xa-nhau.csv', lines);
    // Batches of 100 rows: XA is written with the first one, long before its last row is read.
    const result = await importOpinions(db, { contactKey, actor, consultationCode: code, filePath: p, batchRows: 100 });
    expect(result).toMatchObject({ rowsRead: 3_002, submissions: 1_001, opinions: 3_002, alreadyPresent: 0 });
    const xa = await db.execute<{ opinion_count: number; opinions: number; sealed: string | null }>(sql`
      select s.opinion_count, (select count(*)::int from opinions o where o.submission_id = s.id) as opinions, c.sealed
      from submissions s join consultations k on k.id = s.consultation_id left join submission_contacts c on c.submission_id = s.id
      where k.code = ${code} and s.external_id = 'XA'`);
    expect(xa.rows).toHaveLength(1);
    expect(xa.rows[0]).toMatchObject({ opinion_count: 2, opinions: 2 });
    // The weekly figures count every opinion once (XA's two and the other 3,000).
    const figured = await db.execute<{ opinions: string; contributors: string }>(sql`
      select sum(f.opinions)::text as opinions, sum(f.contributors)::text as contributors
      from consultation_figures f join consultations k on k.id = f.consultation_id join units u on u.id = f.unit_id
      where k.code = ${code} and f.dimension = 0 and u.code = ${unitCode}`);
    expect(figured.rows).toEqual([{ opinions: '3002', contributors: '1001' }]);
    expect(unsealContact(xa.rows[0]?.sealed ?? '', testKey)).toEqual({ name: 'Trần Thị Xa', phone: '0987654321', idNumber: null });
    expect(await count('opinions', code)).toBe(3_002);
  });

  it('with skipInvalid leaves nothing of a submission whose bad row comes long after its good ones', async () => {
    const code = await consultation();
    const lines = [row('HONG', 'Dòng tốt'), ...Array.from({ length: 3_000 }, (_, i) => row(`N${Math.floor(i / 3)}`, `Ý kiến ${i}`)), row('HONG', 'Sai kênh', { channel: 'fax' })];
    const p = await file('hong-muon.csv', lines);
    // Batches of 100 rows: HONG and its good row are written long before its bad row is read.
    const result = await importOpinions(db, { contactKey, actor, consultationCode: code, filePath: p, skipInvalid: true, batchRows: 100 });
    expect(result).toMatchObject({ rowsRead: 3_002, submissions: 1_000, opinions: 3_000, alreadyPresent: 0 });
    expect(result.rejected.map((r) => r.line)).toEqual([2, 3_003]);
    const left = await db.execute<{ n: number }>(sql`
      select (select count(*) from submissions s join consultations k on k.id = s.consultation_id where k.code = ${code} and s.external_id = 'HONG')
           + (select count(*) from opinions o join consultations k on k.id = o.consultation_id where k.code = ${code} and o.body = 'Dòng tốt')
           + (select count(*) from consultation_figure_queue q where not exists (select 1 from submissions s where s.id = q.submission_id))
           + (select count(*) from submission_contacts c where not exists (select 1 from submissions s where s.id = c.submission_id)) as n`);
    expect(left.rows[0]?.n).toBe(0);
    expect(await count('submissions', code)).toBe(1_000);
    expect(await count('opinions', code)).toBe(3_000);
  });

  it('imports only the new submissions of a file that partly repeats an earlier one', async () => {
    const code = await consultation();
    const first = await file('dot-1.csv', [row('R1', 'Một'), row('R2', 'Hai'), row('R2', 'Hai bis')]);
    await importOpinions(db, { contactKey, actor, consultationCode: code, filePath: first });
    const second = await file('dot-2.csv', [row('R2', 'Hai'), row('R3', 'Ba'), row('R2', 'Hai bis'), row('R4', 'Bốn'), row('R1', 'Một')]);
    const result = await importOpinions(db, { contactKey, actor, consultationCode: code, filePath: second, batchRows: 2 });
    expect(result).toMatchObject({ rowsRead: 5, submissions: 2, opinions: 2, alreadyPresent: 2, rejected: [] });
    const stored = await db.execute<{ external_id: string; opinion_count: number; n: number }>(sql`
      select s.external_id, s.opinion_count, (select count(*)::int from opinions o where o.submission_id = s.id) as n
      from submissions s join consultations c on c.id = s.consultation_id where c.code = ${code} order by 1`);
    expect(stored.rows).toEqual([
      { external_id: 'R1', opinion_count: 1, n: 1 },
      { external_id: 'R2', opinion_count: 2, n: 2 },
      { external_id: 'R3', opinion_count: 1, n: 1 },
      { external_id: 'R4', opinion_count: 1, n: 1 },
    ]);
  });

  it('in a consultation restricted to some units, takes the opinions of those units and of their subtrees, and no other', async () => {
    const code = await consultation();
    const province = await buildUnit(db, { code: 'T-HAN' });
    const commune = await buildUnit(db, { code: 'X-HAN-1', parentId: (await buildUnit(db, { code: 'H-HAN', parentId: province.id })).id });
    await db.execute(sql`update consultations set all_units = false where code = ${code}`);
    await db.execute(sql`insert into consultation_units (consultation_id, unit_id) select id, ${province.id} from consultations where code = ${code}`);
    const p = await file('gioi-han.csv', [row('G1', 'Tỉnh', { unit: 'T-HAN' }), row('G2', 'Xã', { unit: commune.code }), row('G3', 'Ngoài', { unit: unitCode })]);
    const result = await importOpinions(db, { contactKey, actor, consultationCode: code, filePath: p, skipInvalid: true });
    expect(result).toMatchObject({ submissions: 2, opinions: 2 });
    expect(result.rejected).toEqual([{ line: 4, reason: expect.stringContaining('X-BADINH') }]);
  });

  it('imports nothing and says CONFLICT when another writer stores one of its submission_ids while it runs', async () => {
    const code = await consultation();
    const ids = await db.execute<{ c: number; u: number }>(sql`select (select id from consultations where code = ${code}) as c, (select id from units where code = ${unitCode}) as u`);
    const { c, u } = ids.rows[0] as { c: number; u: number };
    // Another writer's submission K2, not committed yet: the import's look-up does not see it, its COPY waits on the key.
    const other = await database.pool.connect();
    try {
      await other.query('begin');
      await other.query(
        `insert into submissions (consultation_id, external_id, unit_id, channel, contributor_group, submitted_at, self_submitted, opinion_count)
         values ($1, 'K2', $2, 'web', 'nhan_dan', now(), true, 0)`,
        [c, u],
      );
      const p = await file('dung-do.csv', [row('K1', 'Một'), row('K2', 'Hai'), row('K3', 'Ba')]);
      const importing = importOpinions(db, { contactKey, actor, consultationCode: code, filePath: p });
      importing.catch(() => undefined);
      for (let waited = 0; waited < 10_000; waited += 50) {
        const blocked = await db.execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`);
        if ((blocked.rows[0]?.n ?? 0) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await other.query('commit');
      await expect(importing).rejects.toMatchObject({ code: 'CONFLICT' });
    } finally {
      other.release();
    }
    const stored = await db.execute<{ external_id: string }>(sql`select s.external_id from submissions s where s.consultation_id = ${c} order by 1`);
    expect(stored.rows.map((r) => r.external_id)).toEqual(['K2']);
    expect(await count('opinions', code)).toBe(0);
  });

  it('refuses an actor without editor rights on the receiving unit', async () => {
    const code = await consultation();
    const p = await file('quyen.csv', [row('R1', 'Ý kiến')]);
    const viewer = { userId: null, username: 'viewer', ip: null, grants: [{ id: 1, role: 'viewer' as const, unitId: 1 }] };
    await expect(importOpinions(db, { contactKey, actor: viewer, consultationCode: code, filePath: p })).rejects.toBeInstanceOf(AppError);
    expect(await count('submissions', code)).toBe(0);
  });
});

describe('lantoa consultation import --json', () => {
  it('prints one object with the agreed keys', { timeout: 120_000 }, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-cli-import-'));
    const env: NodeJS.ProcessEnv = { ...process.env, LANTOA_DATA_DIR: dataDir, LANTOA_LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, env, encoding: 'utf8', timeout: 90_000 });
    try {
      const created = run(['consultation', 'create', '--code', 'DH14', '--title', 'Dự thảo Văn kiện', '--document', 'BCCT=Báo cáo chính trị']);
      expect(created.status, created.stderr).toBe(0);
      // A fresh data directory has no units: a row naming one is rejected with its line.
      const p = path.join(dataDir, 'y-kien.csv');
      await writeFile(p, `${HEADER}\n${row('J1', 'Ý kiến')}\n`);
      const rejected = run(['consultation', 'import', '--consultation', 'DH14', p, '--json']);
      expect(rejected.status).toBe(1);
      const object = JSON.parse(rejected.stdout) as Record<string, unknown>;
      expect(Object.keys(object)).toEqual(['rowsRead', 'submissions', 'opinions', 'alreadyPresent', 'rejected']);
      expect(object).toMatchObject({ rowsRead: 1, submissions: 0, opinions: 0, alreadyPresent: 0, rejected: [{ line: 2 }] });
      const skipped = run(['consultation', 'import', '--consultation', 'DH14', p, '--json', '--skip-invalid']);
      expect(skipped.status, skipped.stderr).toBe(0);
      expect(JSON.parse(skipped.stdout)).toMatchObject({ rowsRead: 1, submissions: 0, rejected: [{ line: 2 }] });
      expect(existsSync(path.join(dataDir, 'y-kien.rejected.csv'))).toBe(true);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
