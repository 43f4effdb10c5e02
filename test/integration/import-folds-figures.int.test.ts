import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import type { Queryable } from '../../src/platform/db/database.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { loadConsultation } from '../../src/modules/consultation/repository.js';
import { computeWeeklyReport } from '../../src/modules/consultation/report/weekly-report.js';
import { foldFigures, rebuildFigures } from '../../src/modules/consultation/figures/fold-figures.js';
import { refoldMovedUnit } from '../../src/modules/consultation/figures/on-unit-moved.js';
import { importOpinions } from '../../src/modules/consultation/import/import-opinions.js';
import { createTestDatabase } from '../support/db.js';
import { buildSubmission, buildUnit } from '../support/factories.js';

/**
 * Issue 9, item 6: a file import folds its own submissions into the weekly figures and text counts
 * before it commits, so that reports right after a large import do not add it as a queued tail.
 * Reports stay exact at every step, whatever else is queued.
 */
const { db } = await createTestDatabase();
const actor = cliActor();
const contactKey = () => KEY;
const KEY = randomBytes(32);
const CODE = 'IMPFOLD';
const PERIOD = '2025-11-12';
const CODES = ['TW', 'P1', 'P2', 'D1', 'D2', 'X', 'C'] as const;
const tree: Record<string, number> = {};
let dir: string;
let documentId: number;

const HEADER = 'submission_id,submitted_at,unit_code,channel,contributor_group,document_code,section_ref,stance,opinion_text,contributor_name,contributor_phone,contributor_id_number';
const STANCES = ['agree', 'disagree', 'partial', 'none'] as const;
const CHANNELS = ['vneid', 'letter', 'meeting', 'press'] as const;
const TEXTS = ['Cần làm rõ mục 3.', 'cần làm rõ mục 3', 'Đề nghị bổ sung số liệu', 'Ý kiến riêng'];

/** `n` submissions of one to three opinions each, spread over units, two weeks, channels, documents, stances and repeated texts. */
async function opinionFile(name: string, prefix: string, n: number): Promise<string> {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    const unit = CODES[1 + (i % (CODES.length - 1))];
    const day = 5 + (i % 7);
    for (let k = 0; k <= i % 3; k++) {
      const text = i % 5 === 0 ? `${TEXTS[(i + k) % TEXTS.length]}` : `Ý kiến ${prefix}${i}-${k}`;
      lines.push(`${prefix}${i},2025-11-${String(day).padStart(2, '0')}T09:00:00+07:00,${unit},${CHANNELS[i % 4]},dang_vien,${k % 2 === 0 ? 'BCCT' : 'BCTK'},,${STANCES[(i + k) % 4]},"${text}",,,`);
    }
  }
  // On both sides of the weekly cut-off (Wednesday 5 November 2025, 16:00): the import's weeks must be the folder's.
  lines.push(`${prefix}-before-cutoff,2025-11-05T15:59:59+07:00,C,web,nhan_dan,BCCT,,agree,"Trước giờ chốt",,,`);
  lines.push(`${prefix}-at-cutoff,2025-11-05T16:00:00+07:00,C,web,nhan_dan,BCCT,,agree,"Đúng giờ chốt",,,`);
  const p = path.join(dir, name);
  await writeFile(p, lines.join('\n') + '\n');
  return p;
}

async function reports(on: Queryable = db): Promise<Record<string, unknown>> {
  const consultation = await loadConsultation(on, CODE);
  const out: Record<string, unknown> = {};
  for (const code of CODES) {
    const r = await computeWeeklyReport(on, { consultation, unitId: tree[code]!, periodEnd: PERIOD });
    out[code] = { submissions: r.submissions, opinions: r.opinions, cumulative: r.cumulative, byChannel: r.byChannel, identicalGroups: r.identicalGroups, children: r.children };
  }
  return out;
}

/** What a full recount along the current tree gives, in a transaction rolled back after. */
async function recounted(): Promise<Record<string, unknown>> {
  let result: Record<string, unknown> | null = null;
  await db
    .transaction(async (tx) => {
      await rebuildFigures(tx as never, { actor, consultationCode: CODE });
      result = await reports(tx);
      tx.rollback();
    })
    .catch(() => undefined);
  expect(result).not.toBeNull();
  return result!;
}

const queued = async () => (await db.execute<{ n: number }>(sql`select count(*)::int as n from consultation_figure_queue`)).rows[0]!.n;

/** The kept national figures without any queued tail: submissions (dimension 0) and identical groups (dimension 5). */
const foldedNational = async () =>
  (
    await db.execute<{ submissions: number; groups: number }>(
      sql`select coalesce(sum(contributors) filter (where dimension = 0), 0)::int as submissions, coalesce(sum(opinions) filter (where dimension = 5), 0)::int as groups
          from consultation_figures where unit_id = ${tree.TW!}`,
    )
  ).rows[0]!;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-import-fold-'));
  const created = await createConsultation(db, {
    actor,
    input: { code: CODE, title: 'Lấy ý kiến thử gộp số liệu khi nhập tệp', documents: [{ code: 'BCCT', title: 'Báo cáo chính trị' }, { code: 'BCTK', title: 'Báo cáo tổng kết' }], opensAt: new Date('2025-10-15T00:00:00+07:00') },
  });
  documentId = created.documents[0]!.id;
  const unit = async (code: string, parent?: string) => (tree[code] = (await buildUnit(db, { code, kind: 'party_committee', parentId: parent ? tree[parent] : null })).id);
  await unit('TW');
  await unit('P1', 'TW');
  await unit('P2', 'TW');
  await unit('D1', 'P1');
  await unit('D2', 'P2');
  await unit('X', 'D1');
  await unit('C', 'X');
  // Submissions of the web form, still queued (trigger path) when the import runs.
  for (const [code, text] of [['C', 'Cần làm rõ mục 3.'], ['X', 'Ý kiến riêng'], ['P2', 'Đề nghị bổ sung số liệu']] as const) {
    await buildSubmission(db, { consultationId: created.id, unitId: tree[code]!, submittedAt: new Date('2025-11-07T10:00:00+07:00'), channel: 'web', opinions: [{ documentId, body: text, stance: 'agree' }] });
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('an import folds its own submissions', () => {
  it('holds the import in the kept figures and text counts as it commits, leaves only the others queued, and reports stay exact', async () => {
    const result = await importOpinions(db, { contactKey, actor, consultationCode: CODE, filePath: await opinionFile('a.csv', 'A', 300) });
    expect(result.submissions).toBe(302);
    // Only the three web submissions wait for the folder.
    expect(await queued()).toBe(3);
    const before = (await reports()) as Record<string, { cumulative: { submissions: number }; identicalGroups: number }>;
    expect(before.TW!.cumulative.submissions).toBe(305);
    // No folder has run: the national kept figures already hold the import, identical groups included.
    const folded = await foldedNational();
    expect(folded.submissions).toBe(302);
    expect(folded.groups).toBeGreaterThan(0);
    expect(before).toEqual(await recounted());

    await foldFigures(db);
    expect(await queued()).toBe(0);
    expect((await foldedNational()).submissions).toBe(305);
    expect(await reports()).toEqual(before);
  });

  it('counts nothing twice when the same file is imported again, and adds later files to what is kept', async () => {
    const again = await importOpinions(db, { contactKey, actor, consultationCode: CODE, filePath: path.join(dir, 'a.csv') });
    expect(again).toMatchObject({ submissions: 0, alreadyPresent: 302 });
    await importOpinions(db, { contactKey, actor, consultationCode: CODE, filePath: await opinionFile('b.csv', 'B', 120) });
    await importOpinions(db, { contactKey, actor, consultationCode: CODE, filePath: await opinionFile('c.csv', 'C', 80) });
    expect(await queued()).toBe(0);
    expect((await foldedNational()).submissions).toBe(509);
    const now = await reports();
    expect(now.TW).toMatchObject({ cumulative: { submissions: 509 } });
    expect(now).toEqual(await recounted());
  });

  it('refolds exactly when a unit moves after imports', async () => {
    await importOpinions(db, { contactKey, actor, consultationCode: CODE, filePath: await opinionFile('d.csv', 'D', 90) });
    const fromPath = [tree.TW!, tree.P1!, tree.D1!, tree.X!];
    await db.execute(sql`update units set parent_id = ${tree.D2!} where id = ${tree.X!}`);
    await refoldMovedUnit(db, { unitId: tree.X!, fromPath });
    expect(await queued()).toBe(0);
    const after = (await reports()) as Record<string, { cumulative: { submissions: number } }>;
    expect(after.TW!.cumulative.submissions).toBe(601);
    expect(after).toEqual(await recounted());
  });
});
