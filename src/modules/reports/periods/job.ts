/** `reports.open-periods`: every minute, the current period of every active regime is opened (its expected units fixed). */
import type { Db } from '../../../platform/db/database.js';
import { defineJob, type JobDefinition } from '../../../platform/jobs/index.js';
import { selectRegimeById } from '../regimes/repository.js';
import { currentPeriodOfRegime, openPeriod } from './open-period.js';
import { selectActiveRegimeIds, selectPeriodByKey } from './repository.js';

/** Opens the period containing `now` of each regime not archived that has not opened it; returns how many it opened. */
export async function openCurrentPeriods(db: Db, now: Date = new Date()): Promise<number> {
  let opened = 0;
  for (const id of await selectActiveRegimeIds(db)) {
    const regime = await selectRegimeById(db, id);
    const period = regime ? currentPeriodOfRegime(regime, now) : null;
    if (!regime || !period || (await selectPeriodByKey(db, id, period.key))) continue;
    await openPeriod(db, regime, period);
    opened++;
  }
  return opened;
}

export const openPeriodsJob: JobDefinition = defineJob({
  name: 'reports.open-periods',
  everyMs: 60_000,
  maxAttempts: 1,
  run: ({ db }) => openCurrentPeriods(db),
});
