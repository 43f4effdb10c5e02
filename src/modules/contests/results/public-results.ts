/**
 * What anyone may see of a closed round (no account): the official figure with its method and
 * cut-off and the round's figures; the prize winners (name, unit, masked phone) only once the
 * results are confirmed — before, "Kết quả đang được xem xét". And a participant's own rank with the
 * top 100 (two index lookups on contest_round_results: (round_id, participant_id) and (round_id, rank)).
 */
import type { Queryable } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { participantOf } from '../attempts/start-attempt.js';
import { assignPrizes, prizeSlots } from './prizes.js';
import { contestExists, selectPrizeWindow, selectRankingPage, selectRankOf, selectRoundByCode, type RankedRow, type ResultsRound } from './repository.js';
import { resultsHead, type RoundResultsHead } from './round-results.js';

export const UNDER_REVIEW_NOTICE = 'Kết quả đang được xem xét';
export const TOP_SIZE = 100;


export interface PublicRankEntry {
  rank: number;
  name: string;
  unit: string;
  phoneMasked: string | null;
  score: number;
  prediction: number | null;
  durationSeconds: number;
  submittedAt: string;
}

const entry = (r: RankedRow): PublicRankEntry => ({
  rank: r.rank,
  name: r.name,
  unit: r.unit,
  phoneMasked: r.phoneMasked,
  score: r.score,
  prediction: r.prediction,
  durationSeconds: r.durationMs / 1000,
  submittedAt: r.submittedAt.toISOString(),
});

/**
 * Once a round's results are confirmed its top 100 never changes (no review after confirmation):
 * every participant asking for their rank gets the same list, kept here per round and confirmation.
 */
const confirmedTops = new Map<string, PublicRankEntry[]>();
const TOPS_KEPT = 64;

async function confirmedTop(db: Queryable, round: ResultsRound): Promise<PublicRankEntry[]> {
  const key = `${round.id}:${round.resultsConfirmedAt?.toISOString()}`;
  const kept = confirmedTops.get(key);
  if (kept) return kept;
  const top = (await selectRankingPage(db, round.id, 0, TOP_SIZE)).map(entry);
  if (confirmedTops.size >= TOPS_KEPT) confirmedTops.delete(confirmedTops.keys().next().value as string);
  confirmedTops.set(key, top);
  return top;
}

async function closedPublicRound(db: Queryable, code: string, number: number): Promise<ResultsRound> {
  const round = await selectRoundByCode(db, code, number);
  if (!round) fail((await contestExists(db, { code })) ? 'CONTEST_ROUND_NOT_FOUND' : 'CONTEST_NOT_FOUND', { number });
  if (!round.closedAt) fail('CONTEST_ROUND_NOT_CLOSED');
  return round;
}

type PublicHead = Omit<RoundResultsHead, 'total' | 'confirmedAt'>;
const publicHead = (round: ResultsRound): PublicHead => {
  const { total: _total, confirmedAt: _confirmed, ...head } = resultsHead(round);
  return head;
};

export async function getPublicWinners(
  db: Queryable,
  input: { code: string; number: number },
): Promise<PublicHead & { confirmed: boolean; notice: string | null; winners: (PublicRankEntry & { prize: string })[] }> {
  const round = await closedPublicRound(db, input.code, input.number);
  const confirmed = round.resultsConfirmedAt !== null;
  if (!confirmed) return { ...publicHead(round), confirmed, notice: UNDER_REVIEW_NOTICE, winners: [] };
  const window = await selectPrizeWindow(db, round.id, prizeSlots(round.prizes).length);
  const prizes = assignPrizes(round.prizes, window);
  return { ...publicHead(round), confirmed, notice: null, winners: window.filter((r) => prizes.has(r.participantId)).map((r) => ({ ...entry(r), prize: prizes.get(r.participantId)! })) };
}

/**
 * A participant's own place (null when they have no scored attempt in the round) and the top 100 —
 * the names of the top only once the results are confirmed, as on the winners page.
 */
export async function getMyRank(
  db: Queryable,
  input: { code: string; number: number; participantId: number } | { code: string; number: number; participantToken: string | undefined; contactKey: () => Buffer },
): Promise<{ rank: number | null; total: number; score: number | null; prediction: number | null; durationSeconds: number | null; confirmed: boolean; top: PublicRankEntry[] }> {
  const round = await closedPublicRound(db, input.code, input.number);
  const participantId = 'participantId' in input ? input.participantId : participantOf(input.contactKey(), input.participantToken, round.contest.id);
  const own = await selectRankOf(db, round.id, participantId);
  const confirmed = round.resultsConfirmedAt !== null;
  const top = confirmed ? await confirmedTop(db, round) : [];
  return {
    rank: own?.rank ?? null,
    total: round.people ?? 0,
    score: own?.score ?? null,
    prediction: own?.prediction ?? null,
    durationSeconds: own ? own.durationMs / 1000 : null,
    confirmed,
    top,
  };
}
