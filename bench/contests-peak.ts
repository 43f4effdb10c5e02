/**
 * The contests benchmark's peak phase on a real server (`lantoa start`, loopback): PEAK people start
 * an attempt each in the open round (all in progress at once; autocannon, 100 connections), then
 * answer saves and submissions arrive at a steady RATE per second (open loop, `paced-load.ts`) —
 * every attempt saves SAVES answers, then submits. The
 * answers stored and the attempts submitted are counted in the database against the 2xx answers.
 */
import autocannon from 'autocannon';
import type pg from 'pg';
import { loadAverage } from './harness.js';
import { describeLatency, pacedLoad, pct, type PacedRequest, type PacedResult } from './paced-load.js';
import { startWaitSampler } from './wait-sampler.js';

export interface PeakOptions {
  /** The servers (SERVERS, at least one): the starts go to the first, the saves and submissions to each in turn. */
  baseUrls: readonly string[];
  code: string;
  roundNumber: number;
  roundId: number;
  /** Participant tokens, one per person starting an attempt. */
  tokens: string[];
  rate: number;
  saves: number;
  order: 'staggered' | 'lockstep';
  /** Staggered order: how many cohorts start one pass apart (SAVES + 1 at least). */
  cohorts: number;
}

export interface PeakResult {
  ok: boolean;
  lines: string[];
}

interface Tally {
  statuses: Map<number, number>;
}

const count = (t: Tally, status: number) => t.statuses.set(status, (t.statuses.get(status) ?? 0) + 1);

/** Starts one attempt per token (CONNECTIONS at a time); returns the attempt tokens in token order. */
async function startAttempts(o: PeakOptions): Promise<{ attemptTokens: string[]; run: autocannon.Result; tally: Tally }> {
  const attemptTokens: string[] = new Array<string>(o.tokens.length);
  const tally: Tally = { statuses: new Map() };
  let next = 0;
  const run = await autocannon({
    url: o.baseUrls[0] as string,
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

/**
 * The order of the requests: (attempt, step) pairs, step 0..SAVES−1 a save, step SAVES the submission.
 * - "staggered" (the default): people arrive continuously — the attempts fall into `cohorts`
 *   cohorts started one pass apart, and each attempt takes one step a pass. Once SAVES + 1 cohorts
 *   are under way (the plateau), every pass holds SAVES + 1 cohorts at different steps, so one
 *   request in SAVES + 1 is a submission — the steady mix of a round with people starting and
 *   finishing all the time. The first SAVES passes only save (the first people still answering)
 *   and the last SAVES passes submit more and more (the last people finishing): the ramps, a
 *   SAVES ÷ cohorts share of the requests.
 * - "lockstep": every attempt saves answer 0, then every attempt answer 1, …, then all submit: the
 *   last n requests are n submissions in a row (a stress: 20,000 people submitting in 10 s).
 */
export function peakOrder(n: number, saves: number, order: 'staggered' | 'lockstep', cohorts = saves + 1): { attempt: number; step: number }[] {
  const steps = saves + 1;
  const list: { attempt: number; step: number }[] = [];
  if (order === 'lockstep') {
    for (let step = 0; step < steps; step++) for (let attempt = 0; attempt < n; attempt++) list.push({ attempt, step });
    return list;
  }
  const c = Math.max(steps, cohorts);
  for (let pass = 0; pass < c + steps - 1; pass++) {
    for (let attempt = 0; attempt < n; attempt++) {
      const step = pass - (attempt % c);
      if (step >= 0 && step < steps) list.push({ attempt, step });
    }
  }
  return list;
}

/**
 * The staggered order's plateau: the passes SAVES … cohorts − 1, in which SAVES + 1 cohorts are under
 * way. Pass p's first request is its lowest attempt: pass SAVES starts with attempt 0 submitting,
 * the first ramp-down pass (cohorts) with attempt cohorts − SAVES submitting.
 */
export function plateauOf(order: readonly { attempt: number; step: number }[], saves: number, cohorts: number): { start: number; end: number } {
  const c = Math.max(saves + 1, cohorts);
  const start = order.findIndex((r) => r.attempt === 0 && r.step === saves);
  const end = order.findIndex((r) => r.attempt === c - saves && r.step === saves);
  return { start, end: end < 0 ? order.length : end };
}

async function savesAndSubmissions(o: PeakOptions, attemptTokens: string[]): Promise<{ run: PacedResult; order: { attempt: number; step: number }[]; saves2xx: number; submits2xx: number }> {
  const live = attemptTokens.filter((t) => t !== undefined);
  let saves2xx = 0;
  let submits2xx = 0;
  const headers = { 'content-type': 'application/json' };
  const order = peakOrder(live.length, o.saves, o.order, o.cohorts);
  const run = await pacedLoad({
    baseUrl: o.baseUrls,
    rate: o.rate,
    total: order.length,
    connections: 200,
    request: (i): PacedRequest => {
      const { attempt, step } = order[i] as { attempt: number; step: number };
      const token = live[attempt] as string;
      if (step < o.saves) return { kind: 'save', method: 'PUT', path: `/api/v1/public/attempts/${token}/answers/${step}`, headers, body: JSON.stringify({ chosen: [step % 4] }) };
      return { kind: 'submit', method: 'POST', path: `/api/v1/public/attempts/${token}/submit`, headers, body: JSON.stringify({ prediction: 1234 }) };
    },
    onResponse: (_i, response, request) => {
      if (response.status >= 200 && response.status < 300) {
        if (request.kind === 'submit') submits2xx++;
        else saves2xx++;
      }
    },
  });
  return { run, order, saves2xx, submits2xx };
}

/** When the slow requests fell: each second of the schedule (requests due in it) by its p99, the slowest first, and how many seconds had a p99 over 200 ms. */
function slowSeconds(byIndex: Float64Array, rate: number): string {
  const seconds: { second: number; p99: number }[] = [];
  for (let from = 0, second = 0; from < byIndex.length; from += rate, second++) {
    seconds.push({ second, p99: pct(Array.from(byIndex.subarray(from, from + rate)).sort((a, b) => a - b), 99) });
  }
  const over = seconds.filter((x) => x.p99 > 200);
  const slowest = [...seconds].sort((a, b) => b.p99 - a.p99).slice(0, 8);
  return `seconds with a p99 over 200 ms: ${over.length} of ${seconds.length} (${over.map((x) => x.second).join(', ') || 'none'}); slowest (second: p99 ms): ${slowest.map((x) => `${x.second}: ${Math.round(x.p99)}`).join(' · ')}`;
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
  const run = peak.run;
  const non2xx = [...run.statuses].filter(([status]) => status < 200 || status >= 300).reduce((n, [, c]) => n + c, 0);
  lines.push(`Saves and submissions, ${o.order} order, at a steady ${o.rate}/s (open loop, up to 200 connections${o.baseUrls.length > 1 ? `, ${o.baseUrls.length} server processes in turn` : ''}): ${run.all.length} in ${run.durationSeconds.toFixed(1)} s (${Math.round(run.achievedRate)}/s), statuses ${JSON.stringify(Object.fromEntries(run.statuses))}, errors ${run.errors}`);
  lines.push(`  latency from each request's due instant: all ${describeLatency(run.all)}`);
  lines.push(`  saves (${run.latencies.get('save')?.length ?? 0}): ${describeLatency(run.latencies.get('save') ?? [])}; submissions (${run.latencies.get('submit')?.length ?? 0}): ${describeLatency(run.latencies.get('submit') ?? [])}`);
  if (o.order === 'staggered') {
    const { start, end } = plateauOf(peak.order, o.saves, o.cohorts);
    const part = (from: number, to: number) => describeLatency(Array.from(run.byIndex.subarray(from, to)).sort((a, b) => a - b));
    lines.push(`  ${Math.max(o.saves + 1, o.cohorts)} cohorts: the plateau (requests ${start + 1}–${end}, ${(((end - start) / run.all.length) * 100).toFixed(0)} %: one in ${o.saves + 1} a submission): ${part(start, end)}`);
    lines.push(`  before it (the first cohorts saving): ${part(0, start)}; after it (the last cohorts finishing, submissions from one in ${o.saves} to all): ${part(end, run.all.length)}`);
  }
  lines.push(`  ${slowSeconds(run.byIndex, o.rate)}`);
  lines.push(`  stored answers ${after.answers}, acknowledged saves ${peak.saves2xx}; submitted ${after.submitted}, acknowledged submissions ${peak.submits2xx}`);
  lines.push(`  Load average: ${loadAverage()}`);
  lines.push(...waits);
  const equal = after.answers === peak.saves2xx && after.submitted === peak.submits2xx;
  const ok = afterStart.inProgress >= o.tokens.length && pct(run.all, 99) < 200 && run.achievedRate >= o.rate * 0.95 && equal && non2xx === 0 && run.errors === 0;
  return { ok, lines };
}
