/**
 * The contests benchmark's peak phase on a real server (`lantoa start`, loopback, autocannon):
 * PEAK people start an attempt each in the open round (all in progress at once), then answer saves
 * and submissions arrive at RATE per second — every attempt saves SAVES answers, then submits. The
 * answers stored and the attempts submitted are counted in the database against the 2xx answers.
 */
import autocannon from 'autocannon';
import type pg from 'pg';
import { loadAverage } from './harness.js';
import { startWaitSampler } from './wait-sampler.js';

export interface PeakOptions {
  baseUrl: string;
  code: string;
  roundNumber: number;
  roundId: number;
  /** Participant tokens, one per person starting an attempt. */
  tokens: string[];
  rate: number;
  saves: number;
}

export interface PeakResult {
  ok: boolean;
  lines: string[];
}

interface Tally {
  statuses: Map<number, number>;
  saves2xx: number;
  submits2xx: number;
  /** Milliseconds from building each request to its response, by kind (one request at a time per connection). */
  saveMs: number[];
  submitMs: number[];
}

const count = (t: Tally, status: number) => t.statuses.set(status, (t.statuses.get(status) ?? 0) + 1);

/** Starts one attempt per token (CONNECTIONS at a time); returns the attempt tokens in token order. */
async function startAttempts(o: PeakOptions): Promise<{ attemptTokens: string[]; run: autocannon.Result; tally: Tally }> {
  const attemptTokens: string[] = new Array<string>(o.tokens.length);
  const tally: Tally = { statuses: new Map(), saves2xx: 0, submits2xx: 0, saveMs: [], submitMs: [] };
  let next = 0;
  const run = await autocannon({
    url: o.baseUrl,
    connections: 100,
    amount: o.tokens.length,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        // One request at a time per connection: the connection's context carries the request's index to its response.
        setupRequest: (request, context) => {
          const i = next++;
          (context as { index?: number }).index = i;
          const path = `/api/v1/public/contests/${o.code}/rounds/${o.roundNumber}/attempts`;
          return { ...request, path, headers: { 'x-participant-token': o.tokens[i] as string, 'content-type': 'application/json' }, body: '{}' };
        },
        onResponse: (status, body, context) => {
          count(tally, status);
          const index = (context as { index?: number }).index;
          if (status === 201 && index !== undefined) attemptTokens[index] = (JSON.parse(body) as { attemptToken: string }).attemptToken;
        },
      },
    ],
  });
  return { attemptTokens, run, tally };
}

/** Request i: attempt i mod n, step i div n (saves 0..SAVES−1, then the submission). */
async function savesAndSubmissions(o: PeakOptions, attemptTokens: string[]): Promise<{ run: autocannon.Result; tally: Tally }> {
  const live = attemptTokens.filter((t) => t !== undefined);
  const tally: Tally = { statuses: new Map(), saves2xx: 0, submits2xx: 0, saveMs: [], submitMs: [] };
  let next = 0;
  const run = await autocannon({
    url: o.baseUrl,
    connections: 200,
    overallRate: o.rate,
    amount: live.length * (o.saves + 1),
    timeout: 30,
    requests: [
      {
        setupRequest: (request, context) => {
          const i = next++;
          const token = live[i % live.length] as string;
          const step = Math.floor(i / live.length);
          const headers = { 'content-type': 'application/json' };
          (context as { method?: string }).method = step < o.saves ? 'PUT' : 'POST';
          (context as { sentAt?: number }).sentAt = performance.now();
          if (step < o.saves) return { ...request, method: 'PUT', path: `/api/v1/public/attempts/${token}/answers/${step}`, headers, body: JSON.stringify({ chosen: [step % 4] }) };
          return { ...request, method: 'POST', path: `/api/v1/public/attempts/${token}/submit`, headers, body: JSON.stringify({ prediction: 1234 }) };
        },
        onResponse: (status, _body, context) => {
          count(tally, status);
          const method = (context as { method?: string }).method;
          const ms = performance.now() - ((context as { sentAt?: number }).sentAt ?? 0);
          (method === 'POST' ? tally.submitMs : tally.saveMs).push(ms);
          if (status >= 200 && status < 300) {
            if (method === 'POST') tally.submits2xx++;
            else tally.saves2xx++;
          }
        },
      },
    ],
  });
  return { run, tally };
}

async function storedCounts(pool: pg.Pool, roundId: number): Promise<{ answers: number; submitted: number; inProgress: number }> {
  const result = await pool.query<{ answers: number; submitted: number; in_progress: number }>(
    `select coalesce(sum((select count(*) from jsonb_object_keys(answers))), 0)::int as answers,
       count(*) filter (where submitted_at is not null)::int as submitted, count(*) filter (where submitted_at is null)::int as in_progress
     from contest_attempts where round_id = $1 and not practice`,
    [roundId],
  );
  const row = result.rows[0];
  return { answers: row?.answers ?? 0, submitted: row?.submitted ?? 0, inProgress: row?.in_progress ?? 0 };
}

function byKind(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(0);
  return `${sorted.length} requests, p50 ${at(50)} ms, p99 ${at(99)} ms, max ${at(100)} ms`;
}

const latency = (r: autocannon.Result) => `p50 ${r.latency.p50} ms, p97.5 ${r.latency.p97_5} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms`;

export async function runPeak(pool: pg.Pool, o: PeakOptions): Promise<PeakResult> {
  const lines: string[] = [];
  const started = await startAttempts(o);
  const afterStart = await storedCounts(pool, o.roundId);
  lines.push(`Starts: ${o.tokens.length} POST …/rounds/${o.roundNumber}/attempts (100 connections): ${started.run.requests.total} in ${started.run.duration.toFixed(1)} s, statuses ${JSON.stringify(Object.fromEntries(started.tally.statuses))}; ${latency(started.run)}`);
  lines.push(`  attempts in progress at once (started, not submitted): ${afterStart.inProgress}`);
  const sampler = startWaitSampler(pool);
  const peak = await savesAndSubmissions(o, started.attemptTokens);
  const waits = await sampler.stop();
  const after = await storedCounts(pool, o.roundId);
  const rate = peak.run.requests.total / peak.run.duration;
  lines.push(`Saves and submissions at ${o.rate}/s (200 connections): ${peak.run.requests.total} in ${peak.run.duration.toFixed(1)} s (${Math.round(rate)}/s), statuses ${JSON.stringify(Object.fromEntries(peak.tally.statuses))}, errors ${peak.run.errors}, timeouts ${peak.run.timeouts}`);
  lines.push(`  latency ${latency(peak.run)}`);
  lines.push(`  by kind (measured by the bench from building the request to its response): saves ${byKind(peak.tally.saveMs)}; submissions ${byKind(peak.tally.submitMs)}`);
  lines.push(`  stored answers ${after.answers}, acknowledged saves ${peak.tally.saves2xx}; submitted ${after.submitted}, acknowledged submissions ${peak.tally.submits2xx}`);
  lines.push(`  Load average: ${loadAverage()}`);
  lines.push(...waits);
  const equal = after.answers === peak.tally.saves2xx && after.submitted === peak.tally.submits2xx;
  const ok = afterStart.inProgress >= o.tokens.length && peak.run.latency.p99 < 200 && rate >= o.rate * 0.95 && equal && peak.run.non2xx === 0;
  return { ok, lines };
}
