/**
 * What PostgreSQL's backends are doing during a load phase: pg_stat_activity sampled every INTERVAL ms
 * (the application's connections only), counted by state and wait event, plus the CPU time of the
 * server's and PostgreSQL's processes from /proc. Tells waiting (locks, WAL, I/O, the client) from
 * computing, which the load average alone does not.
 */
import fs from 'node:fs';
import type pg from 'pg';

export interface WaitSampler {
  stop(): Promise<string[]>;
}

interface CpuTimes {
  [pid: number]: { comm: string; ticks: number };
}

function cpuTimes(): CpuTimes {
  const times: CpuTimes = {};
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      let comm = stat.slice(stat.indexOf('(') + 1, close);
      // Node processes told apart: the app's server (`lantoa start`) and the others (this bench, its load generator).
      if (comm === 'node') comm = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\u0000').includes('start') ? 'node (server)' : 'node (other)';
      const fields = stat.slice(close + 2).split(' ');
      times[Number(entry)] = { comm, ticks: Number(fields[11]) + Number(fields[12]) };
    } catch {
      // the process ended between the listing and the read
    }
  }
  return times;
}

export function startWaitSampler(pool: pg.Pool, intervalMs = 200): WaitSampler {
  const counts = new Map<string, number>();
  /** PostgreSQL's own work seen meanwhile (autovacuum and its tables, checkpoints): what → the seconds (from the start) it was seen in. */
  const background = new Map<string, Set<number>>();
  let samples = 0;
  let stopped = false;
  const cpuBefore = cpuTimes();
  const wallBefore = performance.now();
  const loop = (async () => {
    while (!stopped) {
      try {
        const result = await pool.query<{ key: string; n: number }>(
          `select coalesce(state, '?') || ' ' || coalesce(wait_event_type || ':' || wait_event, 'CPU') as key, count(*)::int as n
           from pg_stat_activity where application_name = 'lantoa' and pid <> pg_backend_pid() group by 1`,
        );
        samples++;
        for (const row of result.rows) counts.set(row.key, (counts.get(row.key) ?? 0) + row.n);
        const own = await pool.query<{ what: string }>(
          `select backend_type || ': ' || coalesce(nullif(left(query, 60), ''), coalesce(wait_event, 'working')) as what
           from pg_stat_activity where backend_type = 'autovacuum worker' or (backend_type = 'checkpointer' and wait_event is distinct from 'CheckpointerMain')`,
        );
        const second = Math.floor((performance.now() - wallBefore) / 1000);
        for (const row of own.rows) background.set(row.what, (background.get(row.what) ?? new Set()).add(second));
      } catch {
        // a sample lost under load is skipped
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      const wallSeconds = (performance.now() - wallBefore) / 1000;
      const cpuAfter = cpuTimes();
      const byComm = new Map<string, number>();
      for (const [pid, after] of Object.entries(cpuAfter)) {
        const before = cpuBefore[Number(pid)]?.ticks ?? 0;
        const name = after.comm.startsWith('postgres') ? 'postgres' : after.comm;
        byComm.set(name, (byComm.get(name) ?? 0) + (after.ticks - before) / 100);
      }
      const lines = [`Backends sampled ${samples} times (every ${intervalMs} ms): mean number of the app's connections by state and wait`];
      for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1])) lines.push(`  ${key.padEnd(40)} ${(n / Math.max(1, samples)).toFixed(2)}`);
      for (const [what, seconds] of background) lines.push(`  seen in seconds ${[...seconds].join(', ')}: ${what.replace(/\s+/g, ' ')}`);
      lines.push(`CPU seconds over ${wallSeconds.toFixed(1)} s of wall time, by process name (2 cores = ${(2 * wallSeconds).toFixed(0)} s):`);
      for (const [name, s] of [...byComm].filter(([, s]) => s >= 0.5).sort((a, b) => b[1] - a[1])) lines.push(`  ${name.padEnd(20)} ${s.toFixed(1)}`);
      return lines;
    },
  };
}
