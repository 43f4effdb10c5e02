/**
 * An open-loop load at a steady rate: request i is due at start + i / rate, whatever the server
 * answered before, over at most CONNECTIONS keep-alive sockets; each latency is counted from the
 * request's DUE instant, so a server that falls behind is charged for the wait (no coordinated
 * omission).
 *
 * Why not autocannon's `overallRate`: it gives each connection a quota per second (rate ÷
 * connections) that the connection spends back to back as soon as its one-second timer fires, and
 * the connections' timers start together — the server sees the whole second's requests as a burst
 * of `connections` at once, then silence. That measures a burst's queue, not a steady rate, and a
 * connection whose ten requests take more than a second loses its quota, so the achieved rate
 * also follows the latency. People arriving at a deadline do not synchronise to the second.
 */
import { LeanClient } from './lean-http.js';

export interface PacedRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: string;
  headers?: Record<string, string>;
  /** A label to report latencies apart (e.g. "save", "submit"). */
  kind: string;
}

export interface PacedResponse {
  status: number;
  body: string;
}

export interface PacedOptions {
  /** One server, or several taking the requests in turn (request i goes to the (i mod n)-th). */
  baseUrl: string | readonly string[];
  rate: number;
  total: number;
  connections: number;
  timeoutMs?: number;
  request: (i: number) => PacedRequest;
  onResponse?: (i: number, response: PacedResponse, request: PacedRequest) => void;
}

export interface PacedResult {
  durationSeconds: number;
  achievedRate: number;
  statuses: Map<number, number>;
  errors: number;
  /** Latencies (ms from the due instant) by kind, sorted, and all together. */
  latencies: Map<string, number[]>;
  all: number[];
  /** Latency of request i (ms from its due instant), in request order. */
  byIndex: Float64Array;
}

export async function pacedLoad(o: PacedOptions): Promise<PacedResult> {
  // A lean client (lean-http.ts): node:http's cost a sixth of the machine at 2,000 requests a second.
  const targets = (typeof o.baseUrl === 'string' ? [o.baseUrl] : o.baseUrl).map((base, _, all) => {
    const url = new URL(base);
    return new LeanClient(url.hostname, Number(url.port), Math.max(1, Math.round(o.connections / all.length)), o.timeoutMs ?? 30_000);
  });
  const statuses = new Map<number, number>();
  const latencies = new Map<string, number[]>();
  const all: number[] = [];
  const byIndex = new Float64Array(o.total);
  let errors = 0;
  let finished = 0;
  const intervalMs = 1000 / o.rate;
  const start = performance.now() + 20;
  let lastDone = start;
  await new Promise<void>((resolve) => {
    let next = 0;
    const fire = (i: number) => {
      const due = start + i * intervalMs;
      const request = o.request(i);
      const target = targets[i % targets.length] as LeanClient;
      target
        .request(request.method, request.path, request.headers ?? {}, request.body ?? '')
        .then((response) => {
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          o.onResponse?.(i, response, request);
        })
        .catch(() => {
          errors++;
        })
        .finally(() => {
          const now = performance.now();
          const ms = now - due;
          all.push(ms);
          byIndex[i] = ms;
          const list = latencies.get(request.kind) ?? [];
          list.push(ms);
          latencies.set(request.kind, list);
          lastDone = Math.max(lastDone, now);
          if (++finished === o.total) resolve();
        });
    };
    const tick = () => {
      const dueNow = Math.min(o.total, Math.floor((performance.now() - start) / intervalMs) + 1);
      while (next < dueNow) fire(next++);
      if (next < o.total) setTimeout(tick, Math.max(0, Math.min(5, start + next * intervalMs - performance.now())));
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
  for (const target of targets) target.close();
  all.sort((a, b) => a - b);
  for (const list of latencies.values()) list.sort((a, b) => a - b);
  const durationSeconds = (lastDone - start) / 1000;
  return { durationSeconds, achievedRate: o.total / durationSeconds, statuses, errors, latencies, all, byIndex };
}

/** The p-th percentile of sorted milliseconds. */
export function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export function describeLatency(sorted: number[]): string {
  return `p50 ${pct(sorted, 50).toFixed(0)} ms, p97.5 ${pct(sorted, 97.5).toFixed(0)} ms, p99 ${pct(sorted, 99).toFixed(0)} ms, max ${pct(sorted, 100).toFixed(0)} ms`;
}
