/**
 * Who may do what to a contest: its organiser unit's roles (editor+ define it, edit its bank, close
 * rounds, confirm results; viewers of it read). A contest outside every granted subtree is
 * CONTEST_NOT_FOUND (its existence is not revealed); a visible one with too weak a role is FORBIDDEN.
 */
import type { Queryable } from '../../platform/db/database.js';
import { effectiveRoles } from '../../platform/access/scope.js';
import { roleRank, type Actor, type Role } from '../../platform/access/roles.js';
import { fail } from '../../platform/errors.js';
import { selectContestById, type Contest } from './define/repository.js';

/** The contest of `contestId` when the actor holds at least `minimum` on its organiser unit. */
export async function requireContestRole(db: Queryable, actor: Actor, contestId: number, minimum: Role): Promise<Contest> {
  const contest = await selectContestById(db, contestId);
  if (!contest) fail('CONTEST_NOT_FOUND');
  const role = (await effectiveRoles(db, actor, [contest.organiserUnitId])).get(contest.organiserUnitId);
  if (!role) fail('CONTEST_NOT_FOUND');
  if (roleRank[role] > roleRank[minimum]) fail('ROLE_TOO_WEAK', { unitId: contest.organiserUnitId, required: minimum });
  return contest;
}
