/**
 * The contests part of the demo workspace (issue 14, item 9), loaded last: DH-TIMHIEU "Tìm hiểu các
 * kỳ Đại hội Đảng" of the Ban Tuyên giáo và Dân vận Tỉnh ủy Lai Châu, defined and its bank imported
 * (questions.csv) through the module's operations by the province's unit admin, headcounts set on
 * the units people pick. Its synthetic people are registered as the public registration does it
 * (keys, sealed contact, token) in one statement. The rounds' past attempts are written as they
 * were played then (play-round.ts: the module's draw and scoring), the tallies counted from them;
 * round 1 is then closed by the closing computation, its flags computed and reviewed and its
 * results confirmed through the operations; in round 2 (open) a few people are answering now,
 * through the attempt operations. A few seconds in all, as every demo test loads the workspace.
 */
import type { Db } from '../../../platform/db/database.js';
import { cliActor, type Actor } from '../../../platform/access/roles.js';
import { loadGrants } from '../../../platform/auth/sessions.js';
import type { DemoContext } from '../../../platform/modules/manifest.js';
import { defineContest } from '../define/define-contest.js';
import { setHeadcount } from '../headcount/headcount.js';
import { sealContact } from '../../../platform/crypto/index.js';
import { identityKeys } from '../participants/identity.js';
import { participantToken } from '../participants/tokens.js';
import { closeRound } from '../closing/close-round.js';
import { computeRoundFlags } from '../flags/compute-flags.js';
import { importDemoBank } from './import-bank.js';
import { DEMO_ORGANISER_CODE, demoContestDefinition, demoHeadcounts } from './definition.js';
import { demoPeople } from './people.js';
import { playClosedRound, type DemoParticipant } from './play-round.js';
import { playOpenRound } from './play-open-round.js';
import { reviewAndConfirm } from './review.js';
import { insertDemoAttempts, insertDemoParticipants, recomputeUnitTallies, selectDemoPool, selectDemoRounds, selectDemoUserId, selectUnitIdsByCode } from './repository-demo.js';

const DAY_MS = 86_400_000;
export const DEMO_PEOPLE = 260;

/** The province's unit admin (its grants as a session would load them), or the CLI's actor without it. */
async function demoActor(db: Db): Promise<Actor> {
  const username = 'quantri.laichau';
  const userId = await selectDemoUserId(db, username);
  return userId === null ? cliActor() : { userId, username, grants: await loadGrants(db, userId), ip: null };
}

/**
 * The demo's people, registered as the public registration registers them (phone key, masked phone,
 * contact sealed with the server's key, signed participant token) but in one statement.
 */
async function registerPeople(db: Db, context: DemoContext, contestId: number, units: Map<string, number>, registeredAt: Date): Promise<DemoParticipant[]> {
  const key = context.contactKey();
  const people = demoPeople(DEMO_PEOPLE).flatMap((person) => {
    const unitId = units.get(person.unitCode);
    return unitId === undefined ? [] : [{ ...person, unitId, keys: identityKeys(key, person.phone, null) }];
  });
  const ids = await insertDemoParticipants(
    db,
    contestId,
    people.map((p) => ({
      name: p.name,
      unitId: p.unitId,
      group: p.group,
      phoneKey: p.keys.phoneKey,
      phoneMasked: p.keys.phoneMasked,
      sealedContact: sealContact({ name: p.name, phone: p.phone, idNumber: null }, key),
      consentAt: new Date(registeredAt.getTime() + p.index * 37_000),
    })),
  );
  return people.flatMap(({ keys, ...p }) => {
    const participantId = ids.get(keys.phoneKey);
    return participantId === undefined ? [] : [{ ...p, participantId, token: participantToken(key, contestId, participantId) }];
  });
}

export async function loadContestsDemo(db: Db, context: DemoContext, now: Date = new Date()): Promise<void> {
  const units = await selectUnitIdsByCode(db, [DEMO_ORGANISER_CODE, ...Object.keys(demoHeadcounts), ...demoPeople(DEMO_PEOPLE).map((p) => p.unitCode)]);
  if (!units.has(DEMO_ORGANISER_CODE)) return;
  const actor = await demoActor(db);
  const definition = demoContestDefinition(now);
  const before = new Date(Date.parse(definition.rounds[0]?.opens ?? now.toISOString()) - 2 * DAY_MS);
  const { id: contestId } = await defineContest(db, { actor, definition, now: before });
  await importDemoBank(db, actor, contestId);
  for (const [code, headcount] of Object.entries(demoHeadcounts)) {
    const unitId = units.get(code);
    if (unitId !== undefined) await setHeadcount(db, { actor, unitId, headcount });
  }
  const people = await registerPeople(db, context, contestId, units, before);
  const [first, second] = await selectDemoRounds(db, contestId);
  if (!first || !second) return;
  await insertDemoAttempts(db, playClosedRound(first, await selectDemoPool(db, contestId, first.topics), people));
  await recomputeUnitTallies(db, contestId, first.number);
  await recomputeUnitTallies(db, contestId, 0);
  const closedAt = new Date(first.closesAt.getTime() + 60_000);
  await closeRound(db, first.id, closedAt);
  await computeRoundFlags(db, first.id, new Date(closedAt.getTime() + 60_000));
  await reviewAndConfirm(db, actor, { contestId, number: first.number }, new Date(closedAt.getTime() + 3 * 3_600_000));
  await playOpenRound(db, context, { contestId, round: second, pool: await selectDemoPool(db, contestId, second.topics), people, now });
}
