/**
 * The results files of a closed round for the organiser (viewer+ of its unit): the full ranking as
 * a streamed XLSX, the "Thông báo kết quả" DOCX. Access is checked before a byte is written, so a
 * refusal is an ordinary 4xx; the XLSX is then written page by page into the given stream.
 */
import { selectIssuingUnit } from '../../../core/official-docx/index.js';
import type { Writable } from 'node:stream';
import type { Actor } from '../../../platform/access/roles.js';
import type { Queryable } from '../../../platform/db/database.js';
import { invariant } from '../../../platform/errors.js';
import { cutOffOf } from '../closing/close-round.js';
import { assignPrizes, prizeSlots } from '../results/prizes.js';
import { selectPrizeWindow } from '../results/repository.js';
import { closedRoundFor, eachRankingPage, resultsHead, type RoundAddress } from '../results/round-results.js';
import { renderResultsDocx } from './results-docx.js';
import { writeResultsXlsx } from './results-xlsx.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ResultsXlsx {
  fileName: string;
  contentType: string;
  write(output: Writable): Promise<void>;
}

export async function prepareResultsXlsx(db: Queryable, input: { actor: Actor; address: RoundAddress }): Promise<ResultsXlsx> {
  const round = await closedRoundFor(db, input.actor, input.address, 'viewer');
  return {
    fileName: `Kết quả ${round.contest.code} vòng ${round.number}.xlsx`,
    contentType: XLSX,
    write: (output) => writeResultsXlsx(output, { contestTitle: round.contest.title, head: resultsHead(round), pages: eachRankingPage(db, round) }),
  };
}

export async function exportResultsDocx(db: Queryable, input: { actor: Actor; address: RoundAddress; now?: Date }): Promise<{ body: Buffer; fileName: string; contentType: string }> {
  const round = await closedRoundFor(db, input.actor, input.address, 'viewer');
  const unit = await selectIssuingUnit(db, round.contest.organiser.id);
  invariant(unit, 'organiser unit of a contest exists');
  const window = await selectPrizeWindow(db, round.id, prizeSlots(round.prizes).length);
  const prizes = assignPrizes(round.prizes, window);
  const body = await renderResultsDocx(unit, {
    contestTitle: round.contest.title,
    round: round.number,
    closesAt: round.closesAt,
    cutOff: cutOffOf(round),
    attempts: round.attempts ?? 0,
    people: round.people ?? 0,
    perfectScores: round.perfectScores ?? 0,
    officialFigure: round.officialFigure ?? 0,
    officialMethod: round.officialMethod ?? '',
    confirmed: round.resultsConfirmedAt !== null,
    winners: window.filter((w) => prizes.has(w.participantId)).map((w) => ({ prize: prizes.get(w.participantId)!, name: w.name, unit: w.unit, score: w.score, maxScore: w.maxScore, phoneMasked: w.phoneMasked })),
    generatedAt: input.now ?? new Date(),
  });
  return { body, fileName: `Thông báo kết quả ${round.contest.code} vòng ${round.number}.docx`, contentType: DOCX };
}
