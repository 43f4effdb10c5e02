/**
 * The reports part of the demo workspace (issue 13, item 10), loaded last (after campaigns and the
 * consultation, whose figures it pre-fills): seed 004's weekly regime of the Đảng ủy UBND tỉnh Lai
 * Châu over its party cells and the Đảng bộ Sở GD&ĐT (itself receiving its two cells' reports), and
 * the Sở VHTTDL's monthly Decree 09 regime over its divisions. Periods are counted back from the one
 * in progress on the day it is loaded: closed ones with reports on time, late, returned and sent
 * again, approved and missing; the current one with a few reports in.
 */
import type { Db } from '../../../platform/db/database.js';
import { cliActor, type Actor } from '../../../platform/access/roles.js';
import { MINUTE_MS, periodAt, previousPeriod, type Period, type RecurringSchedule } from '../../../platform/time/index.js';
import type { IndicatorValue, ReportForm } from '../../../shared/report-form.js';
import { defineRegime, selectRegimeById } from '../regimes/index.js';
import { selectUnitsByCodes } from '../regimes/repository.js';
import { ensurePeriod } from '../periods/index.js';
import { monthlyDefinition, weeklyDefinition } from './definitions.js';
import { loadGrants } from '../../../platform/auth/sessions.js';
import { selectDemoExpectedUnits, selectDemoUserId, type DemoExpectedUnit } from './repository-demo.js';
import {
  monthlyCurrent,
  monthlyEntered,
  monthlyNarrative,
  monthlyScenarios,
  returnReasons,
  weeklyCurrent,
  weeklyEntered,
  weeklyNarrative,
  weeklyScenarios,
  type Scenario,
} from './scenarios.js';
import { demoApprove, demoContent, demoReturn, demoSubmit, type DemoPeriod } from './submit-demo.js';

const HOUR_MS = 60 * MINUTE_MS;

interface RegimeStory {
  regimeId: number;
  scenarios: Record<string, Scenario[]>;
  current: string[];
  entered: (unit: DemoExpectedUnit, index: number, period: number) => Record<string, IndicatorValue>;
  narrative: (unit: DemoExpectedUnit, entered: Record<string, IndicatorValue>) => string[];
}

/** The demo account acting for the units (its grants as a session would load them), or the CLI's actor without it. */
async function demoActor(db: Db, username: string, fallback: Actor): Promise<Actor> {
  const userId = await selectDemoUserId(db, username);
  return userId === null ? fallback : { userId, username, grants: await loadGrants(db, userId), ip: null };
}

export async function loadReportsDemo(db: Db, actor: Actor = cliActor(), now: Date = new Date()): Promise<void> {
  const present = await selectUnitsByCodes(db, ['LCU-DU-UBND', 'LCU-SVHTTDL'], null);
  if (present.length < 2) return;
  const weekly = await defineRegime(db, { actor, definition: weeklyDefinition });
  // The province's unit admin fills in for the party cells and reviews; the Department's editor for its divisions.
  await playRegime(db, await demoActor(db, 'quantri.laichau', actor), now, {
    regimeId: weekly.id,
    scenarios: weeklyScenarios,
    current: weeklyCurrent,
    entered: (_unit, index, period) => weeklyEntered(index, period),
    narrative: (unit, entered) => weeklyNarrative(unit.name, entered),
  });
  const monthly = await defineRegime(db, { actor, definition: monthlyDefinition });
  await playRegime(db, await demoActor(db, 'bientap.vhttdl', actor), now, {
    regimeId: monthly.id,
    scenarios: monthlyScenarios,
    current: monthlyCurrent,
    entered: (unit, _index, period) => monthlyEntered(unit.code, period),
    narrative: (unit) => monthlyNarrative(unit.name),
  });
}

/** The closed periods (as many as the longest scenario, oldest first) and the current one. */
async function playRegime(db: Db, actor: Actor, now: Date, story: RegimeStory): Promise<void> {
  const regime = await selectRegimeById(db, story.regimeId);
  if (!regime || regime.schedule.kind === 'one_off') return;
  const schedule = regime.schedule as RecurringSchedule;
  const told = { ...story, form: regime.form };
  const current = periodAt(schedule, now);
  const closed: Period[] = [];
  const count = Math.max(...Object.values(story.scenarios).map((s) => s.length));
  for (let p = previousPeriod(current); closed.length < count; p = previousPeriod(p)) closed.unshift(p);
  for (const [w, period] of closed.entries()) {
    const p = await demoPeriod(db, actor, told, period, w);
    for (const [i, unit] of p.units.entries()) await play(p, unit, story.scenarios[unit.code]?.[w] ?? 'onTime', i, now);
  }
  const p = await demoPeriod(db, actor, told, current, closed.length);
  const elapsed = Math.max(0, now.getTime() - current.start.getTime());
  for (const [k, code] of story.current.entries()) {
    const unit = p.units.find((u) => u.code === code);
    if (unit) await demoSubmit(p, unit, await demoContent(p, unit), new Date(current.start.getTime() + elapsed * (0.4 + 0.2 * k)));
  }
}

async function demoPeriod(db: Db, actor: Actor, story: RegimeStory & { form: ReportForm }, period: Period, w: number): Promise<DemoPeriod> {
  const stored = await ensurePeriod(db, story.regimeId, period);
  const units = await selectDemoExpectedUnits(db, stored.id);
  const index = new Map([...units].sort((a, b) => a.code.localeCompare(b.code)).map((u, i) => [u.unitId, i]));
  const entered = (unit: DemoExpectedUnit) => story.entered(unit, index.get(unit.unitId) ?? 0, w);
  return {
    db,
    actor,
    regimeId: story.regimeId,
    periodId: stored.id,
    form: story.form,
    period,
    units,
    entered,
    narrative: (unit) => story.narrative(unit, entered(unit)),
  };
}

/**
 * One unit's story in a closed period, timed against its own deadline. A deadline still ahead (a
 * monthly window closed on the 14th reports by the 16th) keeps every step in the past, in order.
 */
async function play(p: DemoPeriod, unit: DemoExpectedUnit, scenario: Scenario, i: number, now: Date): Promise<void> {
  const deadline = unit.deadline.getTime();
  const at = (offset: number) => new Date(Math.min(deadline + offset, now.getTime() - 10 * MINUTE_MS + offset / 100));
  if (scenario === 'missing') return;
  const content = await demoContent(p, unit);
  if (scenario === 'onTime' || scenario === 'approved') {
    const id = await demoSubmit(p, unit, content, at(-5 * HOUR_MS - i * 37 * MINUTE_MS));
    if (scenario === 'approved') await demoApprove(p, id, at(2 * HOUR_MS));
    return;
  }
  if (scenario === 'late') {
    await demoSubmit(p, unit, content, at(3 * HOUR_MS + i * 23 * MINUTE_MS));
    return;
  }
  // Returned: the first version lacks its limitations; the recipient sends it back; the unit sends it again.
  const first = { ...content, narrative: content.narrative.map((t, k) => (k === 1 ? '' : t)) };
  const id = await demoSubmit(p, unit, first, at(-8 * HOUR_MS));
  await demoReturn(p, id, returnReasons[1] as string, at(-6 * HOUR_MS));
  await demoSubmit(p, unit, content, at(scenario === 'returnedLate' ? 5 * HOUR_MS : -3 * HOUR_MS));
}
