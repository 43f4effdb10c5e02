/**
 * defineContest: creates a contest from its definition (unit codes), or updates the contest of that
 * code — one transaction, audited `contest.define` / `contest.update`, and `contest.round_update`
 * with the before/after settings of each round added, changed or removed. A round that has opened
 * (opensAt ≤ now) keeps its settings: a change to it is refused 409 CONTEST_ROUND_LOCKED naming
 * it; the other rounds may change. Editor of the organiser unit.
 */
import type { Db, Tx } from '../../../platform/db/database.js';
import { isSystemAdmin, type Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { fail } from '../../../platform/errors.js';
import { isInSubtree } from '../../../core/unit-tree/index.js';
import { definitionProblems, type DefinitionProblem } from './problems.js';
import { deleteRounds, insertContest, insertRound, selectContestForUpdate, selectRounds, selectUnitByCode, updateContest, updateRound, type Contest, type ContestWrite, type RoundWrite } from './repository.js';
import { isRoundLocked, roundChanges, roundSettings, roundWriteOf } from './rounds.js';
import { contestDefinitionSchema, type ContestDefinition, type ContestDefinitionInput } from './schemas.js';
import { poolWarnings, type ContestWarning } from './warnings.js';

export interface DefinedContest {
  id: number;
  code: string;
  created: boolean;
  warnings: ContestWarning[];
}

/** The definition parsed (defaults filled: grace 5 s, no prizes, every topic); CONTEST_DEFINITION_INVALID listing every problem with its path. */
export function parseContestDefinition(input: unknown): ContestDefinition {
  const parsed = contestDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const problems: DefinitionProblem[] = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    fail('CONTEST_DEFINITION_INVALID', { problems });
  }
  const problems = definitionProblems(parsed.data);
  if (problems.length > 0) fail('CONTEST_DEFINITION_INVALID', { problems });
  return parsed.data;
}

/** The organiser (editor of it required) and audience units by code → the contest's row. */
async function contestRowOf(db: Db, actor: Actor, definition: ContestDefinition): Promise<ContestWrite> {
  const organiser = await selectUnitByCode(db, definition.organiserUnit);
  if (!organiser) fail(isSystemAdmin(actor) ? 'CONTEST_UNIT_UNKNOWN' : 'UNIT_OUT_OF_SCOPE', { code: definition.organiserUnit });
  await requireUnitRole(db, actor, [organiser.id], 'editor');
  let audienceUnitId: number | null = null;
  if (definition.audience === 'internal') {
    const code = definition.audienceUnit ?? organiser.code;
    const unit = code === organiser.code ? organiser : await selectUnitByCode(db, code);
    if (!unit) fail('CONTEST_UNIT_UNKNOWN', { code });
    if (!(await isInSubtree(db, organiser.id, [unit.id])).has(unit.id)) fail('CONTEST_AUDIENCE_UNIT_OUTSIDE', { code });
    audienceUnitId = unit.id;
  }
  return {
    code: definition.code,
    title: definition.title,
    organiserUnitId: organiser.id,
    audience: definition.audience,
    audienceUnitId,
    rules: definition.rules,
    collectivePrizes: definition.collectivePrizes.map((p) => ({ name: p.name, count: p.count })),
  };
}

const contestFields = (row: ContestWrite) => ({
  code: row.code,
  title: row.title,
  organiserUnitId: row.organiserUnitId,
  audience: row.audience,
  audienceUnitId: row.audienceUnitId ?? null,
  rules: row.rules,
  collectivePrizes: row.collectivePrizes,
});

/** How a definition applies: create or update by code (CLI), create only (POST), update the contest of an id (PUT, may change the code). */
export type DefineMode = { kind: 'upsert' } | { kind: 'create' } | { kind: 'update'; contestId: number };

async function lockedTarget(tx: Tx, code: string, mode: DefineMode): Promise<Contest | null> {
  if (mode.kind !== 'update') {
    const existing = await selectContestForUpdate(tx, { code });
    if (existing && mode.kind === 'create') fail('CONTEST_CODE_TAKEN', { code });
    return existing;
  }
  const existing = await selectContestForUpdate(tx, { id: mode.contestId });
  if (!existing) fail('CONTEST_NOT_FOUND');
  if (existing.code !== code && (await selectContestForUpdate(tx, { code }))) fail('CONTEST_CODE_TAKEN', { code });
  return existing;
}

async function applyRounds(tx: Tx, actor: Actor, contest: Contest, wanted: RoundWrite[], now: Date): Promise<void> {
  const stored = await selectRounds(tx, contest.id);
  const changes = roundChanges(stored, wanted, now);
  const audit = (before: RoundWrite | null, after: RoundWrite | null, roundId: number) =>
    recordAudit(tx, actor, {
      action: 'contest.round_update',
      entityType: 'contest_round',
      entityId: roundId,
      unitId: contest.organiserUnitId,
      before: before && { contestId: contest.id, ...roundSettings(before) },
      after: after && { contestId: contest.id, ...roundSettings(after) },
    });
  await deleteRounds(
    tx,
    changes.deletes.map((r) => r.id),
  );
  for (const r of changes.deletes) await audit(r, null, r.id);
  for (const u of changes.updates) {
    await updateRound(tx, u.id, u.after);
    await audit(u.before, u.after, u.id);
  }
  for (const r of changes.inserts) await audit(null, r, await insertRound(tx, contest.id, r));
}

async function updateExisting(tx: Tx, actor: Actor, existing: Contest, row: ContestWrite, rounds: RoundWrite[], now: Date): Promise<void> {
  await requireUnitRole(tx, actor, [existing.organiserUnitId], 'editor');
  if (existing.organiserUnitId !== row.organiserUnitId) fail('CONTEST_ORGANISER_CHANGED', { code: existing.code });
  const audienceChanged = existing.audience !== row.audience || (existing.audienceUnitId ?? null) !== (row.audienceUnitId ?? null);
  if (audienceChanged && (await selectRounds(tx, existing.id)).some((r) => isRoundLocked(r, now))) fail('CONTEST_AUDIENCE_LOCKED');
  await applyRounds(tx, actor, existing, rounds, now);
  await updateContest(tx, existing.id, row);
  await recordAudit(tx, actor, { action: 'contest.update', entityType: 'contest', entityId: existing.id, unitId: existing.organiserUnitId, before: contestFields(existing), after: contestFields(row) });
}

/**
 * Creates the contest of `definition.code`, or updates it (see DefineMode; default upsert). `now`
 * is the server clock (tests pass the instant they check).
 */
export async function defineContest(db: Db, options: { actor: Actor; definition: ContestDefinitionInput | ContestDefinition; mode?: DefineMode; now?: Date }): Promise<DefinedContest> {
  const { actor } = options;
  const mode = options.mode ?? { kind: 'upsert' };
  const now = options.now ?? new Date();
  const definition = parseContestDefinition(options.definition);
  const row = await contestRowOf(db, actor, definition);
  const rounds = definition.rounds.map(roundWriteOf).sort((a, b) => a.number - b.number);
  return db.transaction(async (tx) => {
    const existing = await lockedTarget(tx, row.code, mode);
    if (existing) {
      await updateExisting(tx, actor, existing, row, rounds, now);
      return { id: existing.id, code: row.code, created: false, warnings: await poolWarnings(tx, existing.id, rounds) };
    }
    const id = await insertContest(tx, { ...row, createdByUserId: actor.userId });
    if (id === null) fail('CONTEST_CODE_TAKEN', { code: row.code });
    for (const r of rounds) await insertRound(tx, id, r);
    await recordAudit(tx, actor, { action: 'contest.define', entityType: 'contest', entityId: id, unitId: row.organiserUnitId, after: { ...contestFields(row), rounds: rounds.map(roundSettings) } });
    return { id, code: row.code, created: true, warnings: await poolWarnings(tx, id, rounds) };
  });
}
