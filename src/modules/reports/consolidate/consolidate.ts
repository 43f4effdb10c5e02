import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import type { Db, Queryable } from '../../../platform/db/database.js';
import { formIndicators, type ReportContent } from '../../../shared/report-form.js';
import { toChildReport } from '../fill/children.js';
import { ensureReportPeriod, loadReportContext, type ReportAddress, type ReportContext } from '../fill/context.js';
import { selectDraft } from '../fill/repository.js';
import type { ConsolidatedReport } from '../types.js';
import { aggregateValues } from './aggregate.js';
import { liveFromPartials } from './live.js';
import { findMismatches, ownPart } from './mismatches.js';
import { draftNarrative } from './narrative.js';
import { selectOwnSent, selectReportingChildren } from './repository.js';
import { selectLivePartialsByChild } from './repository-live.js';

/** A unit's own content in a period: its latest version not returned, else its draft. */
export async function ownContentOf(db: Queryable, ctx: ReportContext): Promise<ReportContent | null> {
  const sent = ctx.expected ? await selectOwnSent(db, ctx.ref, ctx.unit.id) : undefined;
  return sent ?? (await selectDraft(db, ctx.period.id, ctx.unit.id))?.content ?? null;
}

/**
 * A unit's consolidated report of a period, for a viewer of the unit: `values` = its own values ⊕ its
 * direct reporting children's latest versions not returned (a child that sent nothing adds nothing),
 * by each indicator's rule; `live` = its own ⊕ the own values of every expected unit reporting below
 * it (each once); the mismatches between the two, explained by children; the narrative drafted from
 * the children's sections. Two statements for the children and the units below, whatever their number:
 * the live figures are added up in PostgreSQL per direct child (repository-live.ts), so Node receives
 * children × indicators numbers, not every unit's values.
 */
export async function consolidateReport(db: Db, options: ReportAddress & { actor: Actor }): Promise<ConsolidatedReport> {
  await requireUnitRole(db, options.actor, [options.unitId], 'viewer');
  await ensureReportPeriod(db, options);
  const ctx = await loadReportContext(db, options);
  const indicators = formIndicators(ctx.regime.form);
  const own = await ownContentOf(db, ctx);
  const childRows = await selectReportingChildren(db, ctx.ref, ctx.unit.id);
  const children = childRows.map(toChildReport);
  const partials = await selectLivePartialsByChild(db, ctx.ref, ctx.unit.id, indicators);
  const values = aggregateValues(indicators, [ownPart(own), ...children.map((c) => ({ values: c.values }))]);
  const { live, childLive } = liveFromPartials(indicators, ownPart(own), partials);
  const sent = childRows.filter((c) => c.state !== null && c.state !== 'returned');
  return {
    regime: { id: ctx.regime.id, code: ctx.regime.code, name: ctx.regime.name, type: ctx.regime.type },
    unit: ctx.unit,
    period: { key: ctx.period.key, start: ctx.period.start, end: ctx.period.end, closingDate: ctx.period.closingDate, label: ctx.period.label },
    deadline: ctx.expected?.deadline ?? null,
    own: own?.values ?? {},
    values,
    live,
    children,
    mismatches: findMismatches(indicators, { values, live }, children, childLive),
    narrative: draftNarrative(ctx.regime.form.outline, sent.map((c) => ({ name: c.name, narrative: c.narrative ?? [] }))),
  };
}
