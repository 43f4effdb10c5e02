import type { Db } from '../../../platform/db/database.js';
import { invariant } from '../../../platform/errors.js';
import { loadPublicContest } from '../participants/contest-cache.js';
import { selectParticipant } from '../participants/repository.js';
import { participantOf } from './start-attempt.js';
import { selectMyRounds } from './repository.js';

/** A participant's own page: who they registered as, and per round the attempts used and best score. */
export async function getMyRounds(db: Db, options: { code: string; participantToken: string | undefined; contactKey: () => Buffer }) {
  const contest = await loadPublicContest(db, options.code);
  const participantId = participantOf(options.contactKey(), options.participantToken, contest.id);
  const p = await selectParticipant(db, participantId);
  invariant(p !== null, 'a signed participant exists');
  return {
    participant: { name: p.name, unit: { id: p.unitId, name: p.unitName }, group: p.group, phoneMasked: p.phoneMasked },
    rounds: await selectMyRounds(db, contest.id, participantId),
  };
}
