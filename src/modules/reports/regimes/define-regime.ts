/**
 * defineRegime: creates a report regime from its definition (unit codes), or updates the regime of
 * that code. Editor of the issuer; every named unit must lie in the issuer's subtree. A period
 * already opened keeps its expected units: the new rule applies to the periods opened after.
 */
import type { Db, Tx } from '../../../platform/db/database.js';
import { isSystemAdmin, type Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { fail } from '../../../platform/errors.js';
import { validateSchedule } from '../../../platform/time/index.js';
import { regimeDefinitionSchema, type RegimeDefinition, type RegimeDefinitionInput } from '../schemas-regimes.js';
import { formOf, levelDeadlinesOf, scheduleOf } from './definition.js';
import { definitionProblems, type DefinitionProblem } from './problems.js';
import { insertRegime, selectRegimeByCodeForUpdate, selectRegimeByIdForUpdate, selectUnitsByCodes, updateRegime, type Regime, type RegimeWrite } from './repository.js';
import { firstDayOf } from '../periods/open-period.js';
import { selectLevelPairs } from '../periods/repository.js';
import { levelWarnings, nextPeriodOf, type RegimeWarning } from './warnings.js';

export interface DefinedRegime {
  id: number;
  code: string;
  created: boolean;
  warnings: RegimeWarning[];
}

/** The definition parsed (defaults filled); VALIDATION_FAILED listing every problem with its path. */
export function parseRegimeDefinition(input: unknown): RegimeDefinition {
  const parsed = regimeDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const problems: DefinitionProblem[] = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    fail('REPORT_REGIME_DEFINITION_INVALID', { problems });
  }
  return parsed.data;
}

/** Unit codes → ids: the issuer, the listed units and subtrees (unknown or outside the issuer's subtree: one error listing them). */
async function resolveUnits(db: Db, actor: Actor, definition: RegimeDefinition): Promise<{ issuerUnitId: number; unitIds: number[]; subtreeIds: number[] }> {
  const [issuer] = await selectUnitsByCodes(db, [definition.issuerUnit], null);
  if (!issuer) fail(isSystemAdmin(actor) ? 'REPORT_REGIME_UNITS_UNKNOWN' : 'UNIT_OUT_OF_SCOPE', { codes: definition.issuerUnit });
  // Editor of the issuer before anything about the other units is said.
  await requireUnitRole(db, actor, [issuer.id], 'editor');
  const named = [...definition.reportingUnits, ...definition.reportingSubtrees];
  const found = new Map((await selectUnitsByCodes(db, named, issuer.id)).map((u) => [u.code, u]));
  const unknown = [...new Set(named.filter((c) => !found.has(c)))];
  if (unknown.length > 0) fail('REPORT_REGIME_UNITS_UNKNOWN', { codes: unknown.join(', '), unknown });
  const outside = [...new Set(named.filter((c) => !found.get(c)?.inIssuerSubtree))];
  if (outside.length > 0) fail('REPORT_REGIME_UNITS_OUTSIDE', { codes: outside.join(', '), outside });
  const idOf = (code: string): number => (found.get(code) as { id: number }).id;
  return { issuerUnitId: issuer.id, unitIds: [...new Set(definition.reportingUnits.map(idOf))], subtreeIds: [...new Set(definition.reportingSubtrees.map(idOf))] };
}

/** The row a definition writes (schedule, form and units checked; the actor must be an editor of the issuer). */
export async function regimeRowOf(db: Db, actor: Actor, definition: RegimeDefinition): Promise<RegimeWrite> {
  const schedule = scheduleOf(definition.frequency);
  validateSchedule(schedule);
  const form = formOf(definition);
  const problems = definitionProblems(definition, form);
  if (problems.length > 0) fail('REPORT_REGIME_DEFINITION_INVALID', { problems });
  const units = await resolveUnits(db, actor, definition);
  return {
    code: definition.code,
    name: definition.name,
    type: definition.type,
    issuerUnitId: units.issuerUnitId,
    schedule,
    deadlines: levelDeadlinesOf(definition.deadlines),
    reportingUnitKinds: [...new Set(definition.reportingUnitKinds)],
    reportingUnitIds: units.unitIds,
    reportingSubtreeUnitIds: units.subtreeIds,
    recipientMode: definition.recipientMode,
    form,
    reminderOffsetsMinutes: [...new Set(definition.reminderOffsetsMinutes)].sort((a, b) => b - a),
    campaignId: definition.campaignId ?? null,
    sourceDirectiveId: definition.sourceDirectiveId ?? null,
  };
}

/** The warnings of a definition, measured on the regime's next period over the units it would expect then. */
export async function regimeWarnings(db: Db, row: RegimeWrite, now: Date): Promise<RegimeWarning[]> {
  const period = nextPeriodOf(row.schedule, now);
  const levels = row.deadlines ?? [];
  const pairs = await selectLevelPairs(db, {
    issuerUnitId: row.issuerUnitId,
    unitKinds: row.reportingUnitKinds ?? [],
    unitIds: row.reportingUnitIds ?? [],
    subtreeUnitIds: row.reportingSubtreeUnitIds ?? [],
    recipientMode: row.recipientMode ?? 'nearest',
    firstDay: firstDayOf(period),
  });
  return levelWarnings(period, levels, pairs);
}

function audited(row: RegimeWrite): Record<string, unknown> {
  const { form, ...rest } = row;
  return { ...rest, indicators: form.sections.reduce((n, s) => n + s.indicators.length, 0), outline: form.outline.length };
}

async function updateExisting(tx: Tx, actor: Actor, existing: Regime, row: RegimeWrite): Promise<void> {
  await requireUnitRole(tx, actor, [existing.issuerUnitId], 'editor');
  if (existing.archivedAt !== null) fail('REPORT_REGIME_ARCHIVED', { code: existing.code });
  if (existing.issuerUnitId !== row.issuerUnitId) fail('REPORT_REGIME_ISSUER_CHANGED', { code: existing.code });
  await updateRegime(tx, existing.id, row);
  const { form: _form, ...before } = existing;
  await recordAudit(tx, actor, { action: 'report_regime.update', entityType: 'report_regime', entityId: existing.id, unitId: existing.issuerUnitId, before, after: audited(row) });
}

/** How a definition applies: create or update by code (CLI), create only (POST), update the regime of an id (PUT, may rename). */
export type DefineMode = { kind: 'upsert' } | { kind: 'create' } | { kind: 'update'; regimeId: number };

async function lockedTarget(tx: Tx, row: RegimeWrite, mode: DefineMode): Promise<Regime | null> {
  if (mode.kind !== 'update') {
    const existing = await selectRegimeByCodeForUpdate(tx, row.code);
    if (existing && mode.kind === 'create') fail('REPORT_REGIME_CODE_TAKEN', { code: row.code });
    return existing;
  }
  const existing = await selectRegimeByIdForUpdate(tx, mode.regimeId);
  if (!existing) fail('REPORT_REGIME_NOT_FOUND');
  if (existing.code !== row.code && (await selectRegimeByCodeForUpdate(tx, row.code))) fail('REPORT_REGIME_CODE_TAKEN', { code: row.code });
  return existing;
}

/**
 * Creates the regime of `definition.code`, or updates it (see DefineMode; default upsert).
 * Audited `report_regime.define` / `report_regime.update`.
 */
export async function defineRegime(db: Db, options: { actor: Actor; definition: RegimeDefinitionInput | RegimeDefinition; mode?: DefineMode; now?: Date }): Promise<DefinedRegime> {
  const { actor } = options;
  const mode = options.mode ?? { kind: 'upsert' };
  const definition = parseRegimeDefinition(options.definition);
  const row = await regimeRowOf(db, actor, definition);
  const warnings = await regimeWarnings(db, row, options.now ?? new Date());
  return db.transaction(async (tx) => {
    const existing = await lockedTarget(tx, row, mode);
    if (existing) {
      await updateExisting(tx, actor, existing, row);
      return { id: existing.id, code: row.code, created: false, warnings };
    }
    const id = await insertRegime(tx, { ...row, createdByUserId: actor.userId });
    if (id === null) fail('REPORT_REGIME_CODE_TAKEN', { code: row.code });
    await recordAudit(tx, actor, { action: 'report_regime.define', entityType: 'report_regime', entityId: id, unitId: row.issuerUnitId, after: audited(row) });
    return { id, code: row.code, created: true, warnings };
  });
}
