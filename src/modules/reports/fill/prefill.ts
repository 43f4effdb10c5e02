/**
 * Pre-filled figures: for each indicator whose `prefill` names a figure other modules declare in
 * their manifests (`campaigns.activities`, `consultation.submissions`, …), the unit's OWN figure —
 * its subtree's, less the subtrees of the expected units below it that report their own (each met
 * first on its branch), so no figure is counted twice up the hierarchy.
 */
import type { Actor } from '../../../platform/access/roles.js';
import type { Db, Queryable } from '../../../platform/db/database.js';
import { collectFigures } from '../../../platform/modules/figures.js';
import { formIndicators, type ReportContent, type ReportForm } from '../../../shared/report-form.js';
import { selectUnitPaths } from '../../../core/unit-tree/index.js';
import { selectExpectedBelow } from './repository.js';

async function figuresOf(db: Db, actor: Actor, unitId: number, period: { start: Date; end: Date }): Promise<Map<string, number>> {
  const figures = await collectFigures(db, { actor, unitId, periodStart: period.start, periodEnd: period.end });
  return new Map(figures.map((f) => [f.key, f.value]));
}

/**
 * The expected units below the unit whose figures are theirs, not its own: each expected unit met
 * first on its branch walking down (no other expected unit between it and the unit).
 */
export async function figureHolders(db: Queryable, periodId: number, unitId: number): Promise<number[]> {
  const below = await selectExpectedBelow(db, periodId, unitId);
  const expected = new Set(below);
  const paths = await selectUnitPaths(db, below);
  return below.filter((id) => {
    const path = paths.get(id) ?? [];
    const between = path.slice(path.indexOf(unitId) + 1);
    return !between.some((a) => expected.has(a));
  });
}

/** The unit's own figures by key (only the keys the form pre-fills). */
export async function ownFigures(db: Db, options: { actor: Actor; unitId: number; periodId: number; period: { start: Date; end: Date }; keys: readonly string[] }): Promise<Map<string, number>> {
  if (options.keys.length === 0) return new Map();
  const whole = await figuresOf(db, options.actor, options.unitId, options.period);
  const holders = await figureHolders(db, options.periodId, options.unitId);
  const parts = await Promise.all(holders.map((id) => figuresOf(db, options.actor, id, options.period)));
  const own = new Map<string, number>();
  for (const key of options.keys) {
    if (!whole.has(key)) continue;
    own.set(key, parts.reduce((rest, part) => rest - (part.get(key) ?? 0), whole.get(key) ?? 0));
  }
  return own;
}

export function emptyContent(form: ReportForm): ReportContent {
  return { values: {}, notes: {}, prefilled: {}, narrative: form.outline.map(() => ''), noActivity: false };
}

/** A new content for the unit: the pre-filled figures entered and marked. */
export async function prefilledContent(db: Db, options: { actor: Actor; unitId: number; periodId: number; period: { start: Date; end: Date }; form: ReportForm }): Promise<ReportContent> {
  const content = emptyContent(options.form);
  const withPrefill = formIndicators(options.form).filter((i) => i.prefill !== undefined);
  const figures = await ownFigures(db, { ...options, keys: withPrefill.map((i) => i.prefill as string) });
  for (const indicator of withPrefill) {
    const value = figures.get(indicator.prefill as string);
    if (value === undefined) continue;
    content.values[indicator.code] = value;
    content.prefilled[indicator.code] = value;
  }
  return content;
}
