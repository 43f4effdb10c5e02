/**
 * `lantoa contests results --contest CODE --round N [--json | --xlsx FILE | --docx FILE]`: a closed
 * round's results as the operator. `--json` prints exactly `{round, closesAt, attempts, people,
 * perfectScores, officialFigure, winners:[{rank, name, unit, score, prediction, durationSeconds,
 * submittedAt}]}` with the whole ranking of people, best first, written page by page; `--xlsx`
 * writes the full ranking, `--docx` the "Thông báo kết quả". Without them: a summary and the prize
 * winners. An unknown contest or round, or a bad option, exits 2; a round not closed yet exits 1.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { cliActor } from '../../../platform/access/roles.js';
import { asCliError, CliError, EXIT, loadConfig, withDatabase } from '../../../platform/cli/runtime.js';
import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { exportResultsDocx, prepareResultsXlsx } from '../documents/export-results.js';
import { closedRoundFor, eachRankingPage, resultsHead, type RankingEntry } from '../results/round-results.js';

interface ResultsOptions {
  contest: string;
  round: string;
  json?: boolean;
  xlsx?: string;
  docx?: string;
}

const BAD_INPUT = new Set(['CONTEST_NOT_FOUND', 'CONTEST_ROUND_NOT_FOUND']);

function resultsError(error: unknown): CliError {
  const cliError = asCliError(error);
  return error instanceof AppError && (error.code === 'VALIDATION_FAILED' || BAD_INPUT.has(error.reason ?? '')) ? new CliError(cliError.message, EXIT.usage) : cliError;
}

/** One ranking entry as the command's JSON gives it. */
export const jsonWinner = (w: RankingEntry) => ({ rank: w.rank, name: w.name, unit: w.unit, score: w.score, prediction: w.prediction, durationSeconds: w.durationSeconds, submittedAt: w.submittedAt });

async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

async function printJson(db: Db, address: { contestCode: string; number: number }): Promise<void> {
  const round = await closedRoundFor(db, cliActor(), address, 'viewer');
  const h = resultsHead(round);
  const head = { round: h.round, closesAt: h.closesAt, attempts: h.attempts, people: h.people, perfectScores: h.perfectScores, officialFigure: h.officialFigure };
  await write(JSON.stringify(head).slice(0, -1) + ',"winners":[');
  let first = true;
  for await (const page of eachRankingPage(db, round)) {
    await write((first ? '' : ',') + page.map((w) => JSON.stringify(jsonWinner(w))).join(','));
    first = false;
  }
  await write(']}\n');
}

async function printSummary(db: Db, address: { contestCode: string; number: number }): Promise<void> {
  const round = await closedRoundFor(db, cliActor(), address, 'viewer');
  const h = resultsHead(round);
  const lines = [
    `${round.contest.title} (${round.contest.code}) — vòng ${h.round}`,
    `  ${h.attempts.toLocaleString('vi-VN')} lượt thi, ${h.people.toLocaleString('vi-VN')} người, ${h.perfectScores.toLocaleString('vi-VN')} người đạt điểm tuyệt đối`,
    `  Con số chính thức: ${h.officialFigure.toLocaleString('vi-VN')}. ${h.officialMethod}`,
    `  Kết quả: ${h.confirmedAt ? 'đã xác nhận' : 'chưa xác nhận (đang xem xét)'}`,
  ];
  for await (const page of eachRankingPage(db, round, 100)) {
    for (const w of page.filter((x) => x.prize)) lines.push(`  ${String(w.rank).padStart(6)}  ${w.prize!.padEnd(16)} ${w.name} — ${w.unit} — ${w.score} điểm, ${w.durationSeconds} giây`);
    break;
  }
  process.stdout.write(lines.join('\n') + '\n');
}

async function run(db: Db, options: ResultsOptions, number: number): Promise<void> {
  const address = { contestCode: options.contest, number };
  if (options.json) return printJson(db, address);
  if (options.xlsx) {
    const file = await prepareResultsXlsx(db, { actor: cliActor(), address });
    const out = createWriteStream(options.xlsx);
    await file.write(out);
    await finished(out);
    return;
  }
  if (options.docx) {
    const file = await exportResultsDocx(db, { actor: cliActor(), address });
    return writeFile(options.docx, file.body);
  }
  return printSummary(db, address);
}

export function addResultsCommand(contests: Command): void {
  contests
    .command('results')
    .requiredOption('--contest <code>', 'mã cuộc thi / contest code')
    .requiredOption('--round <number>', 'số thứ tự vòng thi / round number')
    .option('--json', 'in bảng xếp hạng đầy đủ dạng JSON / print the whole ranking as JSON')
    .option('--xlsx <file>', 'ghi bảng xếp hạng đầy đủ ra tệp Excel / write the full ranking as XLSX')
    .option('--docx <file>', 'ghi Thông báo kết quả ra tệp Word / write the results notice as DOCX')
    .description('Kết quả một vòng thi đã tổng kết / results of a closed round')
    .action(async (options: ResultsOptions) => {
      const number = Number(options.round);
      if (!Number.isInteger(number) || number < 1) throw new CliError(`Số vòng thi không hợp lệ: ${options.round}`, EXIT.usage);
      if ([options.json, options.xlsx, options.docx].filter(Boolean).length > 1) throw new CliError('Chỉ chọn một trong --json, --xlsx, --docx.', EXIT.usage);
      await withDatabase(loadConfig(), async (c) => {
        try {
          await run(c.db, options, number);
        } catch (error) {
          throw resultsError(error);
        }
      });
    });
}
