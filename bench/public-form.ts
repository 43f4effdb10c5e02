/**
 * Public web form intake under load: `POST /api/v1/public/consultations/:code/submissions` of the
 * real server (`lantoa start` in a child process, production log level, per-IP rate limit on but
 * raised), driven by autocannon from this process over loopback. Targets (issue 4, point 8):
 * ≥ 1,000 submissions/s with p99 latency < 200 ms, and the stored submissions equal the
 * acknowledged ones. Exit 1 if a target or a check fails.
 *
 *   npm run bench:public-form
 *   REQUESTS=60000 WARMUP=4000 CONNECTIONS=50 npm run bench:public-form   (the defaults)
 *   SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench:public-form   (profile the server)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { cliActor } from '../src/platform/access/roles.js';
import { createConsultation } from '../src/modules/consultation/create-consultation.js';
import { generateTree, prng } from './generate-tree.js';
import { insertUnits, loadAverage, logMachine, openBenchDatabase, runBenchmark, type BenchDatabase } from './harness.js';

const REQUESTS = Number(process.env.REQUESTS ?? 60_000);
const WARMUP = Number(process.env.WARMUP ?? 4_000);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const TARGET_RATE = 1_000;
const TARGET_P99_MS = 200;
const CODE = 'DH14';
const log = (m: string) => process.stdout.write(m + '\n');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const documents = [
  { code: 'BCCT', title: 'Báo cáo chính trị trình Đại hội XIV của Đảng' },
  { code: 'BCTK', title: 'Báo cáo tổng kết một số vấn đề lý luận và thực tiễn về công cuộc đổi mới' },
  { code: 'BCDL', title: 'Báo cáo tổng kết thi hành Điều lệ Đảng' },
];
const parts = ['I', 'II', 'III', 'IV', 'V'];
const sectionRefs = parts.flatMap((p) => [p, `${p}.1`, `${p}.2`, `${p}.3`]);

const openings = ['Đề nghị', 'Tôi đề nghị', 'Cần', 'Nên', 'Kiến nghị', 'Đề xuất', 'Thống nhất và đề nghị'];
const actions = ['bổ sung', 'làm rõ', 'nhấn mạnh hơn', 'cụ thể hóa', 'viết gọn lại', 'đánh giá sâu hơn'];
const topics = [
  'vai trò của kinh tế tư nhân là một động lực quan trọng nhất của nền kinh tế',
  'chuyển đổi số quốc gia và phát triển khoa học, công nghệ, đổi mới sáng tạo',
  'công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh',
  'chính sách đối với đội ngũ cán bộ cơ sở sau sắp xếp đơn vị hành chính hai cấp',
  'phát triển văn hóa, con người Việt Nam trong kỷ nguyên vươn mình của dân tộc',
  'giáo dục và đào tạo, nhất là giáo dục ở vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số',
  'phòng, chống tham nhũng, lãng phí, tiêu cực với quyết tâm cao hơn',
];
const tails = ['', ' trong phần đánh giá kết quả nhiệm kỳ', ' ở mục phương hướng, nhiệm vụ', '; có lộ trình và nguồn lực thực hiện rõ ràng'];
const groups = ['can_bo', 'dang_vien', 'dang_vien', 'cong_chuc', 'vien_chuc', 'nguoi_lao_dong', 'nhan_dan', 'nhan_dan', 'nguoi_vn_o_nuoc_ngoai', 'khac'];
const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const givenNames = ['Văn An', 'Thị Hoa', 'Minh Đức', 'Thu Hằng', 'Quốc Bảo', 'Ngọc Lan'];

/** Request bodies as JSON with a placeholder for the idempotency key (a fresh UUID per request). */
function bodyTemplates(communeCodes: string[], count: number): { json: string; opinions: number; contact: boolean }[] {
  const random = prng(2025);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const opinions = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      const stance = pick(['agree', 'agree', 'disagree', 'partial'] as const);
      const text = stance === 'agree' && random() < 0.5 ? '' : `${pick(openings)} ${pick(actions)} ${pick(topics)}${pick(tails)}.`;
      const sectionRef = random() < 0.6 ? pick(sectionRefs) : null;
      return { documentCode: pick(documents).code, sectionRef, stance, text };
    });
    const contact =
      random() < 0.2
        ? { name: `${pick(familyNames)} ${pick(givenNames)}`, phone: `09${String(10_000_000 + i).slice(-8)}`, idNumber: random() < 0.5 ? `0012030${String(10_000 + i).slice(-5)}` : null, consent: true }
        : null;
    const body = { idempotencyKey: '@KEY@', unitCode: pick(communeCodes), contributorGroup: pick(groups), opinions, contact };
    return { json: JSON.stringify(body), opinions: opinions.length, contact: contact !== null };
  });
}

const CLOCK_TICKS = 100;

/** CPU seconds (user + system) of a process, and of its waited-for children (cutime + cstime). */
async function cpuOf(pid: number): Promise<{ own: number; system: number; children: number; ppid: number } | null> {
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const n = (i: number) => Number(f[i - 3]) / CLOCK_TICKS;
    return { own: n(14) + n(15), system: n(15), children: n(16) + n(17), ppid: Number(f[1]) };
  } catch {
    return null;
  }
}

/** CPU seconds used so far by a process tree's root and its direct children (PostgreSQL: postmaster and backends). */
async function treeCpu(rootPid: number): Promise<Map<number, { total: number; system: number }>> {
  const times = new Map<number, { total: number; system: number }>();
  const root = await cpuOf(rootPid);
  if (!root) return times;
  times.set(rootPid, { total: root.own + root.children, system: root.system });
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const p = await cpuOf(Number(entry));
    if (p && p.ppid === rootPid) times.set(Number(entry), { total: p.own + p.children, system: p.system });
  }
  return times;
}

function cpuSince(before: Map<number, { total: number; system: number }>, after: Map<number, { total: number; system: number }>): { total: number; system: number } {
  const sum = { total: 0, system: 0 };
  for (const [pid, t] of after) {
    sum.total += t.total - (before.get(pid)?.total ?? 0);
    sum.system += t.system - (before.get(pid)?.system ?? 0);
  }
  return sum;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `lantoa start` as an operator runs it, on the bench database; resolves when /api/health answers. */
async function startServer(databaseUrl: string, port: number, dataDir: string, logFile: string): Promise<ChildProcess> {
  const out = await fs.open(logFile, 'w');
  const nodeArgs = (process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'start', '--no-demo', '--port', String(port)], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      LANTOA_DATA_DIR: dataDir,
      LANTOA_LOG_LEVEL: 'info',
      // The per-address limit stays on (its cost is measured) but is raised: every request comes from 127.0.0.1.
      LANTOA_PUBLIC_RATE_LIMIT: '100000000',
    },
    stdio: ['ignore', out.fd, out.fd],
  });
  await out.close();
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`server exited with code ${code}; see ${logFile}`))));
  const ready = (async () => {
    for (let i = 0; i < 600; i++) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('server did not start in 60 s');
  })();
  await Promise.race([ready, exited]);
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

interface Tally {
  created: number;
  replayed: number;
  other: Map<number, number>;
  ids: number[];
  opinions: number;
}

/** One autocannon run of `amount` requests, each with a fresh key; every response is tallied. */
async function cannon(url: string, templates: { json: string; opinions: number }[], amount: number, tally: Tally) {
  let next = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    pipelining: 1,
    amount,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          const template = templates[next++ % templates.length]!;
          return { ...request, body: template.json.replace('@KEY@', randomUUID()) };
        },
        onResponse: (status, body) => {
          if (status === 201) {
            tally.created++;
            const parsed = JSON.parse(body) as { submissionId: number; opinions: number };
            tally.ids.push(parsed.submissionId);
            tally.opinions += parsed.opinions;
          } else if (status === 200) {
            tally.replayed++;
          } else {
            tally.other.set(status, (tally.other.get(status) ?? 0) + 1);
          }
        },
      },
    ],
  });
}

async function main(): Promise<number> {
  logMachine(log);
  let bench: BenchDatabase | null = null;
  let server: ChildProcess | null = null;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lantoa-bench-form-'));
  try {
    bench = await openBenchDatabase(log);
    const { pool, db, url: databaseUrl } = bench.database;
    const tree = generateTree({ total: 100_000, communes: 3_321 });
    await insertUnits(pool, tree.units);
    const communeCodes = tree.units.filter((u) => u.kind === 'commune').map((u) => u.code);
    const consultation = await createConsultation(db, {
      actor: cliActor(),
      input: { code: CODE, title: 'Lấy ý kiến vào dự thảo các văn kiện trình Đại hội XIV của Đảng', documents, opensAt: new Date(Date.now() - 7 * 86_400_000) },
    });
    for (const d of consultation.documents) {
      await pool.query(
        `insert into document_sections (document_id, ref, parent_ref, heading, position)
         select $1, ref, nullif(split_part(ref, '.', 1), ref), 'Mục ' || ref, ordinality from unnest($2::text[]) with ordinality as s(ref, ordinality)`,
        [d.id, sectionRefs],
      );
    }
    log(`Built: 100,000 units (${communeCodes.length.toLocaleString('en')} communes receive), consultation ${CODE} with ${documents.length} documents × ${sectionRefs.length} sections`);

    const port = await freePort();
    const logFile = path.join(dataDir, 'server.log');
    server = await startServer(databaseUrl, port, dataDir, logFile);
    const url = `http://127.0.0.1:${port}/api/v1/public/consultations/${CODE}/submissions`;
    log(`Server: lantoa start --no-demo --port ${port} (child process, LANTOA_LOG_LEVEL=info, LANTOA_PUBLIC_RATE_LIMIT=100000000${process.env.SERVER_NODE_ARGS ? `, node ${process.env.SERVER_NODE_ARGS}` : ''})`);

    const templates = bodyTemplates(communeCodes, 5_000);
    const meanOpinions = templates.reduce((n, t) => n + t.opinions, 0) / templates.length;
    const withContact = templates.filter((t) => t.contact).length / templates.length;
    log(`Bodies: ${templates.length.toLocaleString('en')} templates, ${meanOpinions.toFixed(2)} opinions per submission on average, ${(withContact * 100).toFixed(0)} % with contact details, a fresh UUID key per request`);

    const tally: Tally = { created: 0, replayed: 0, other: new Map(), ids: [], opinions: 0 };
    log(`Warm-up: ${WARMUP.toLocaleString('en')} requests, ${CONNECTIONS} connections`);
    const warm = await cannon(url, templates, WARMUP, tally);
    log(`  ${(warm['2xx'] / warm.duration).toFixed(0)} req/s, p99 ${warm.latency.p99} ms`);
    log(`Load average before the run (1/5/15 min): ${loadAverage()}`);
    log(`Run: ${REQUESTS.toLocaleString('en')} requests, ${CONNECTIONS} connections, pipelining 1`);
    // CPU used by each side during the run: the server process, PostgreSQL (embedded only: its processes are local), autocannon.
    const postmaster = process.env.DATABASE_URL ? null : ((await pool.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid ?? null);
    const postmasterPid = postmaster === null ? null : ((await cpuOf(postmaster))?.ppid ?? null);
    const cpuBefore = { server: await cpuOf(server.pid!), pg: postmasterPid ? await treeCpu(postmasterPid) : null, self: process.cpuUsage() };
    const run = await cannon(url, templates, REQUESTS, tally);
    const cpuAfter = { server: await cpuOf(server.pid!), pg: postmasterPid ? await treeCpu(postmasterPid) : null, self: process.cpuUsage(cpuBefore.self) };
    const perRequest = (seconds: number) => ((seconds * 1000) / Math.max(1, run['2xx'])).toFixed(2);
    const serverCpu = cpuAfter.server && cpuBefore.server ? cpuAfter.server.own - cpuBefore.server.own : NaN;
    const serverSys = cpuAfter.server && cpuBefore.server ? cpuAfter.server.system - cpuBefore.server.system : NaN;
    const pgCpu = cpuAfter.pg && cpuBefore.pg ? cpuSince(cpuBefore.pg, cpuAfter.pg) : null;
    const selfCpu = (cpuAfter.self.user + cpuAfter.self.system) / 1e6;
    const pgText = pgCpu ? `${pgCpu.total.toFixed(1)} s (${perRequest(pgCpu.total)} ms/submission, of which kernel ${perRequest(pgCpu.system)})` : 'not measured (DATABASE_URL)';
    log(`CPU during the run: server ${serverCpu.toFixed(1)} s (${perRequest(serverCpu)} ms/submission, of which kernel ${perRequest(serverSys)}), PostgreSQL ${pgText}, autocannon ${selfCpu.toFixed(1)} s (${perRequest(selfCpu)} ms/submission); ${run.duration.toFixed(1)} s wall on ${os.cpus().length} CPUs`);
    log(`Load average after the run (1/5/15 min): ${loadAverage()}`);

    // Checks: what was acknowledged is what is stored, once.
    const stored = await pool.query<{ s: number; o: number; c: number; present: number; commits: number }>(
      `select (select count(*) from submissions s where s.consultation_id = $1 and s.channel = 'web')::int as s,
              (select count(distinct xmin::text) from submissions s where s.consultation_id = $1 and s.channel = 'web')::int as commits,
              (select count(*) from opinions o where o.consultation_id = $1)::int as o,
              (select count(*) from submission_contacts)::int as c,
              (select count(*) from submissions where id = any($2::bigint[]))::int as present`,
      [consultation.id, tally.ids],
    );
    const counts = stored.rows[0]!;
    const acknowledged = warm['2xx'] + run['2xx'];
    const failures = warm.non2xx + run.non2xx + warm.errors + run.errors + warm.timeouts + run.timeouts;
    const countOk = counts.s === acknowledged && counts.s === tally.created && counts.present === tally.created && new Set(tally.ids).size === tally.created && counts.o === tally.opinions;
    log(`Written in ${counts.commits.toLocaleString('en')} transactions: ${(counts.s / Math.max(1, counts.commits)).toFixed(1)} submissions per commit on average (group commit of the public form)`);
    log(`Stored: ${counts.s.toLocaleString('en')} submissions, ${counts.o.toLocaleString('en')} opinions, ${counts.c.toLocaleString('en')} sealed contacts; acknowledged (2xx): ${acknowledged.toLocaleString('en')} (${tally.created.toLocaleString('en')} × 201, ${tally.replayed} × 200, ${tally.opinions.toLocaleString('en')} opinions); not 2xx: ${failures} ${JSON.stringify(Object.fromEntries(tally.other))}`);

    // A re-sent key: sequential retries and a burst of concurrent double clicks of fresh keys.
    const replayTemplate = templates[0]!;
    const resend = async (key: string) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: replayTemplate.json.replace('@KEY@', key) });
      return { status: response.status, body: await response.text() };
    };
    const key = randomUUID();
    const first = await resend(key);
    const again = await resend(key);
    const burstKeys = Array.from({ length: 20 }, () => randomUUID());
    const burst = await Promise.all(burstKeys.flatMap((k) => Array.from({ length: 5 }, () => resend(k))));
    const keysStored = await pool.query<{ n: number }>(`select count(*)::int as n from submissions where consultation_id = $1 and external_id = any($2::text[])`, [
      consultation.id,
      [key, ...burstKeys].map((k) => `web:${k}`),
    ]);
    const burstOk = burstKeys.every((_, i) => {
      const answers = burst.slice(i * 5, i * 5 + 5);
      return answers.filter((a) => a.status === 201).length === 1 && answers.filter((a) => a.status === 200).length === 4 && new Set(answers.map((a) => a.body)).size === 1;
    });
    const replayOk = first.status === 201 && again.status === 200 && again.body === first.body && burstOk && keysStored.rows[0]?.n === 1 + burstKeys.length;
    log(`Re-sent keys: a retry answered ${again.status} with the same body; 20 keys sent 5 times at once: ${burstOk ? 'one 201 and four identical 200 each' : 'WRONG'}; stored ${keysStored.rows[0]?.n} of ${1 + burstKeys.length} keys`);

    const logSize = (await fs.stat(logFile)).size;
    log(`Server log: ${(logSize / 1024).toFixed(0)} KiB`);

    const rate = run['2xx'] / run.duration;
    const p99 = run.latency.p99;
    const rateOk = rate >= TARGET_RATE;
    const p99Ok = p99 < TARGET_P99_MS;
    log('');
    log('| Measure | Target | Result |');
    log('|---|---|---:|');
    log(`| Submissions acknowledged per second (2xx / run time) | ≥ ${TARGET_RATE.toLocaleString('en')} /s | ${Math.round(rate).toLocaleString('en')} /s |`);
    log(`| Latency p50 / p90 / p97.5 | report | ${run.latency.p50} / ${run.latency.p90} / ${run.latency.p97_5} ms |`);
    log(`| Latency p99 | < ${TARGET_P99_MS} ms | ${p99} ms |`);
    log(`| Latency max | report | ${run.latency.max} ms |`);
    log(`| Requests in the run / run time | report | ${run['2xx'].toLocaleString('en')} in ${run.duration.toFixed(1)} s |`);
    log(`| Stored submissions = acknowledged, each once | equal | ${countOk ? 'equal' : 'MISMATCH'} (${counts.s.toLocaleString('en')} / ${acknowledged.toLocaleString('en')}) |`);
    log(`| Responses other than 2xx, errors, timeouts | 0 | ${failures} |`);
    log(`| Re-sent key counted once (retry + 20 × 5 concurrent) | yes | ${replayOk ? 'yes' : 'NO'} |`);
    log('');
    const ok = rateOk && p99Ok && countOk && failures === 0 && replayOk;
    log(ok ? 'Targets met.' : `TARGETS MISSED:${rateOk ? '' : ' rate'}${p99Ok ? '' : ' p99'}${countOk && failures === 0 ? '' : ' count'}${replayOk ? '' : ' idempotency'}`);
    return ok ? 0 : 1;
  } finally {
    if (server) await stopServer(server);
    await bench?.close();
    if (process.env.KEEP_LOG) log(`Kept ${dataDir}`);
    else await fs.rm(dataDir, { recursive: true, force: true });
  }
}

runBenchmark(main, log);
