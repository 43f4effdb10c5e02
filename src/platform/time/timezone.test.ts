/**
 * The engine must not depend on the server's time zone: run the same computations in child
 * processes started with different TZ values and compare the results.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const index = fileURLToPath(new URL('./index.ts', import.meta.url));

const script = `
import * as t from ${JSON.stringify(index)};
const out = [];
const schedules = [
  { kind: 'weekly', weekday: 3, time: '16:00' },
  { kind: 'weekly', weekday: 7, time: '24:00' },
  { kind: 'monthly' }, { kind: 'quarterly' }, { kind: 'half_year' }, { kind: 'yearly', cutoffDay: 31 },
];
const instants = ['2025-11-05T15:59:59.999+07:00', '2025-11-05T16:00', '2026-03-08T02:30', '2025-12-31T23:30', '2026-11-01T01:30:00-04:00'];
for (const s of schedules) {
  for (const i of instants) {
    const p = t.periodAt(s, t.parseInstant(i));
    out.push([p, t.periodLabel(p), t.deadlineFor(p, { kind: 'working_days_after_cutoff', days: 1, time: '16:00' })]);
  }
  out.push(t.periodsOverlapping(s, t.parseInstant('2026-01-01'), t.parseInstant('2026-04-01')).map((p) => p.key));
}
out.push(t.vietnamToday(new Date('2025-12-31T17:00:00Z')), t.parseInstant('2026-03-08T02:30').toISOString());
out.push(new Date(0).getHours());
console.log(JSON.stringify(out));
`;

async function computeIn(zone: string): Promise<unknown[]> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, TZ: zone },
  });
  return JSON.parse(stdout) as unknown[];
}

describe('time-zone independence (child processes)', () => {
  it('computes the same periods, labels and deadlines under UTC, New York, Kiritimati and Hồ Chí Minh', async () => {
    const zones = ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Asia/Ho_Chi_Minh'];
    const results = await Promise.all(zones.map(computeIn));
    const localHours = results.map((r) => r.pop());
    expect(new Set(localHours).size).toBe(zones.length); // the zones really differ in the children
    for (const r of results.slice(1)) expect(r).toEqual(results[0]);
    expect(results[0]).toContainEqual({ year: 2026, month: 1, day: 1 });
  }, 30_000);
});
