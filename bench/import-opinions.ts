/**
 * Import of 1,000,000 opinions (about 400,000 submissions) from CSV over the 100,000-unit tree:
 * `importOpinions` end-to-end, against a bare COPY of the same file into a plain table on the same
 * server in the same run. Targets: ≥ 50,000 opinions/s and ≥ half the bare COPY speed; exit 1 if missed.
 *
 *   npx tsx bench/import-opinions.ts            (OPINIONS=… to change the size)
 */
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import { from as copyFrom } from 'pg-copy-streams';
import { cliActor } from '../src/platform/access/roles.js';
import { createConsultation } from '../src/modules/consultation/create-consultation.js';
import { importOpinions } from '../src/modules/consultation/import-opinions.js';
import { generateTree, prng, type UnitSeed } from './generate-tree.js';
import { insertUnits, loadAverage, logMachine, openBenchDatabase, runBenchmark, type BenchDatabase } from './harness.js';

const OPINIONS = Number(process.env.OPINIONS ?? 1_000_000);
const log = (m: string) => process.stdout.write(m + '\n');

const openings = ['Đề nghị', 'Tôi đề nghị', 'Cần', 'Nên', 'Kiến nghị', 'Đề xuất', 'Thống nhất và đề nghị', 'Đồng ý một phần, đề nghị'];
const actions = ['bổ sung', 'làm rõ', 'nhấn mạnh hơn', 'cụ thể hóa', 'viết gọn lại', 'đánh giá sâu hơn', 'đưa lên trước'];
const topics = [
  'vai trò của kinh tế tư nhân là một động lực quan trọng nhất',
  'chuyển đổi số quốc gia và phát triển khoa học, công nghệ',
  'công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị',
  'chính sách đối với đội ngũ cán bộ cơ sở sau sắp xếp đơn vị hành chính',
  'phát triển văn hóa, con người Việt Nam trong thời kỳ mới',
  'bảo vệ môi trường, ứng phó với biến đổi khí hậu ở Đồng bằng sông Cửu Long',
  'giáo dục và đào tạo, nhất là giáo dục vùng sâu, vùng xa',
  'chăm sóc sức khỏe Nhân dân và y tế cơ sở',
  'phòng, chống tham nhũng, lãng phí, tiêu cực',
  'quốc phòng, an ninh và đối ngoại',
];
const tails = ['', ' trong phần đánh giá kết quả nhiệm kỳ', ' ở mục phương hướng, nhiệm vụ', '; có lộ trình và nguồn lực thực hiện rõ ràng', ', gắn với trách nhiệm người đứng đầu'];
const channels = ['vneid', 'vneid', 'vneid', 'web', 'meeting', 'letter', 'email', 'press', 'other'];
const groups = ['can_bo', 'dang_vien', 'dang_vien', 'cong_chuc', 'vien_chuc', 'nguoi_lao_dong', 'nhan_dan', 'nhan_dan', 'nguoi_vn_o_nuoc_ngoai', 'khac'];
const stances = ['agree', 'disagree', 'partial', 'none'];

/** Writes the CSV; returns its size in bytes and the number of submissions. */
async function writeCsv(file: string, units: UnitSeed[]): Promise<{ bytes: number; submissions: number }> {
  const random = prng(2025);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const out = createWriteStream(file);
  out.write('\uFEFFsubmission_id,submitted_at,unit_code,channel,contributor_group,document_code,section_ref,stance,opinion_text,contributor_name,contributor_phone,contributor_id_number\n');
  const start = Date.UTC(2025, 9, 15, 1, 0, 0);
  let written = 0;
  let submissions = 0;
  let chunk = '';
  while (written < OPINIONS) {
    submissions++;
    const id = `VNEID-${String(submissions).padStart(8, '0')}`;
    const at = new Date(start + Math.floor(random() * 40 * 86_400_000)).toISOString().replace('Z', '+00:00');
    const unit = pick(units).code;
    const channel = pick(channels);
    const group = pick(groups);
    const contact = random() < 0.2 ? `Nguyễn Văn ${submissions},09${String(submissions).padStart(8, '0')},` : ',,';
    const count = Math.min(OPINIONS - written, 1 + Math.floor(random() * 4)); // 1–4, mean 2.5
    for (let k = 0; k < count; k++) {
      const stance = pick(stances);
      const text = stance === 'agree' && random() < 0.5 ? '' : `${pick(openings)} ${pick(actions)} ${pick(topics)}${pick(tails)}.`;
      chunk += `${id},${at},${unit},${channel},${group},${random() < 0.7 ? 'BCCT' : 'BCTK'},${pick(['I.1', 'II.3', 'III.2.b', ''])},${stance},"${text}",${contact}\n`;
      written++;
    }
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return { bytes: (await fs.stat(file)).size, submissions };
}

async function main(): Promise<number> {
  logMachine(log);
  let bench: BenchDatabase | null = null;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lantoa-bench-opinions-'));
  try {
    bench = await openBenchDatabase(log);
    const { pool, db } = bench.database;
    const tree = generateTree({ total: 100_000, communes: 3_321 });
    await insertUnits(pool, tree.units);
    const receiving = tree.units.filter((u) => u.depth >= 4);
    const file = path.join(dir, 'y-kien.csv');
    let t = performance.now();
    const { bytes, submissions } = await writeCsv(file, receiving);
    log(`Generated ${OPINIONS.toLocaleString('en')} opinions in ${submissions.toLocaleString('en')} submissions over ${receiving.length.toLocaleString('en')} receiving units: ${(bytes / 1024 ** 2).toFixed(0)} MiB in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    await createConsultation(db, { actor: cliActor(), input: { code: 'DH14', title: 'Lấy ý kiến dự thảo Văn kiện Đại hội XIV', documents: [{ code: 'BCCT', title: 'Báo cáo chính trị' }, { code: 'BCTK', title: 'Báo cáo tổng kết' }] } });
    await pool.query('checkpoint');

    // Bare COPY: the same file, as it is, into a plain table of text columns (no index, no constraint).
    await pool.query(`create table bare_copy (submission_id text, submitted_at text, unit_code text, channel text, contributor_group text, document_code text,
      section_ref text, stance text, opinion_text text, contributor_name text, contributor_phone text, contributor_id_number text)`);
    const client = await pool.connect();
    t = performance.now();
    try {
      await pipeline(createReadStream(file, { start: 3 }), client.query(copyFrom('copy bare_copy from stdin (format csv, header true)')));
    } finally {
      client.release();
    }
    const bareS = (performance.now() - t) / 1000;
    await pool.query('drop table bare_copy');
    await pool.query('checkpoint');
    const bareRate = OPINIONS / bareS;
    log(`Bare COPY: ${bareS.toFixed(2)} s = ${Math.round(bareRate).toLocaleString('en')} rows/s`);

    t = performance.now();
    let phaseAt = t;
    const result = await importOpinions(db, {
      contactKey: () => benchContactKey,
      actor: cliActor(),
      consultationCode: 'DH14',
      filePath: file,
      onProgress: (p) => {
        if (p.phase === 'writing') {
          log(`  read, validated and staged in ${((performance.now() - t) / 1000).toFixed(2)} s`);
          phaseAt = performance.now();
        }
      },
    });
    const importS = (performance.now() - t) / 1000;
    log(`  inserted and committed in ${((performance.now() - phaseAt) / 1000).toFixed(2)} s`);
    const rate = result.opinions / importS;
    log(`importOpinions: ${importS.toFixed(2)} s = ${Math.round(rate).toLocaleString('en')} opinions/s (${result.submissions.toLocaleString('en')} submissions, ${result.opinions.toLocaleString('en')} opinions, ${result.rejected.length} rejected)`);
    const check = await pool.query<{ s: number; o: number }>('select (select count(*) from submissions) as s, (select count(*) from opinions) as o');
    const counted = check.rows[0];
    const countsOk = counted?.s === submissions && counted?.o === OPINIONS && result.opinions === OPINIONS;
    log(`Stored: ${counted?.s} submissions, ${counted?.o} opinions (${countsOk ? 'as generated' : 'MISMATCH'})`);

    t = performance.now();
    const again = await importOpinions(db, { contactKey: () => benchContactKey, actor: cliActor(), consultationCode: 'DH14', filePath: file });
    log(`Re-import of the same file: ${((performance.now() - t) / 1000).toFixed(2)} s, added ${again.opinions}, alreadyPresent ${again.alreadyPresent.toLocaleString('en')}`);

    log(`Load average at end (1/5/15 min): ${loadAverage()}`);
    const ratio = rate / bareRate;
    const ok = countsOk && rate >= 50_000 && ratio >= 0.5 && again.opinions === 0;
    log(`| importOpinions end-to-end | ≥ 50,000 opinions/s | ${Math.round(rate).toLocaleString('en')} /s | ${importS.toFixed(2)} s |`);
    log(`| bare COPY of the same rows | report | ${Math.round(bareRate).toLocaleString('en')} rows/s | ${bareS.toFixed(2)} s |`);
    log(`| ratio import / bare COPY | ≥ 0.5 | ${ratio.toFixed(2)} | |`);
    log(ok ? 'Targets met.' : 'TARGETS MISSED.');
    return ok ? 0 : 1;
  } finally {
    await bench?.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
import { randomBytes } from 'node:crypto';

/** Seals any contact details in the generated file (the bench measures the real import path). */
const benchContactKey = randomBytes(32);

runBenchmark(main, log);
