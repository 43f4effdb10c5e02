/**
 * CPU time of a PostgreSQL server running on this machine (the embedded one): every process of the
 * server, including backends that have exited since (counted in the postmaster's children time).
 * Lets a benchmark say how much of its time the server spent working. Linux only (/proc).
 */
import fs from 'node:fs';
import type pg from 'pg';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function stat(pid: number): string[] | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** A function giving the server's CPU milliseconds so far, or null when the server is not local. */
export async function serverCpuMeter(pool: pg.Pool): Promise<(() => number) | null> {
  const backend = (await pool.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
  const own = backend === undefined ? null : stat(backend);
  if (!own) return null;
  const postmaster = Number(own[1]);
  return () => {
    const main = stat(postmaster);
    if (!main) return NaN;
    // Fields from the 3rd on: ppid is [1], utime [11], stime [12], cutime [13], cstime [14].
    let ticks = Number(main[11]) + Number(main[12]) + Number(main[13]) + Number(main[14]);
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const fields = stat(Number(entry));
      if (fields && Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks * TICK_MS;
  };
}
