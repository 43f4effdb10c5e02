/** The flags of a closed round for the organiser, each with the people it names and whether it concerns a prize. */
import type { Actor } from '../../../platform/access/roles.js';
import type { Queryable } from '../../../platform/db/database.js';
import { contestFlagLabels } from '../../../shared/labels.js';
import { assignPrizes, prizeSlots } from '../results/prizes.js';
import { selectPrizeWindow } from '../results/repository.js';
import { closedRoundFor, type RoundAddress } from '../results/round-results.js';
import type { FlagKind } from '../types.js';
import { selectFlaggedPeople, selectRoundFlags } from './repository.js';

export interface FlagView {
  id: number;
  kind: FlagKind;
  label: string;
  people: { participantId: number; name: string; unit: string; rank: number | null; prize: string | null }[];
  details: Record<string, unknown>;
  score: number | null;
  decision: 'cleared' | 'excluded' | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  concernsPrize: boolean;
}

export async function listRoundFlags(db: Queryable, input: { actor: Actor; address: RoundAddress }): Promise<{ computed: boolean; flags: FlagView[] }> {
  const round = await closedRoundFor(db, input.actor, input.address, 'viewer');
  const [flags, people, window] = [await selectRoundFlags(db, round.id), await selectFlaggedPeople(db, round.id), await selectPrizeWindow(db, round.id, prizeSlots(round.prizes).length)];
  const prizes = assignPrizes(round.prizes, window);
  const byId = new Map(people.map((p) => [p.participantId, p]));
  return {
    computed: round.flagsComputedAt !== null,
    flags: flags.map((f) => ({
      id: f.id,
      kind: f.kind,
      label: contestFlagLabels[f.kind],
      people: f.participantIds.map((id) => ({ participantId: id, name: byId.get(id)?.name ?? '', unit: byId.get(id)?.unit ?? '', rank: byId.get(id)?.rank ?? null, prize: prizes.get(id) ?? null })),
      details: f.details,
      score: f.score,
      decision: f.decision,
      reviewedAt: f.reviewedAt?.toISOString() ?? null,
      reviewedBy: f.reviewedBy,
      concernsPrize: f.participantIds.some((id) => prizes.has(id)),
    })),
  };
}
