/**
 * `lantoa contests participation --contest CODE --unit UNIT_CODE [--round N] [--json]`: the
 * participation of a unit's subtree and of each direct child's subtree, as the operator (issue 14
 * item 8; the JSON keys are the contract).
 */
import { InvalidArgumentError, type Command } from 'commander';
import { cliActor } from '../../../platform/access/roles.js';
import { asCliError, CliError, EXIT, loadConfig, withDatabase } from '../../../platform/cli/runtime.js';
import { AppError } from '../../../platform/errors.js';
import { participationByCodes, type ParticipationReport, type UnitParticipation } from '../participation/participation.js';

const figures = (u: UnitParticipation) => ({ attempts: u.attempts, people: u.people, perfectScores: u.perfectScores, headcount: u.headcount, participationRate: u.participationRate });

/** Exactly `{unit, attempts, people, perfectScores, headcount, participationRate, children:[{code, …}]}`. */
export function participationJson(report: ParticipationReport) {
  return { unit: report.code, ...figures(report), children: report.children.map((c) => ({ code: c.code, ...figures(c) })) };
}

const percent = (rate: number | null) => (rate === null ? 'chưa có số người' : `${(rate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`);
const line = (u: UnitParticipation) =>
  `${u.attempts.toLocaleString('vi-VN')} lượt, ${u.people.toLocaleString('vi-VN')} người, ${u.perfectScores.toLocaleString('vi-VN')} người đạt điểm tuyệt đối; tỷ lệ tham gia ${percent(u.participationRate)}`;

function printParticipation(report: ParticipationReport): void {
  const scope = report.round === 0 ? 'cả cuộc thi' : `vòng ${report.round}`;
  const lines = [`${report.contest.title} (${report.contest.code}) — ${scope}`, `${report.name} (${report.code}): ${line(report)}`, ...report.children.map((c) => `  ${c.code.padEnd(20)} ${line(c)}  ${c.name}`)];
  process.stdout.write(lines.join('\n') + '\n');
}

function parseRound(value: string): number {
  if (!/^\d{1,6}$/.test(value)) throw new InvalidArgumentError('phải là số thứ tự vòng thi (0: cả cuộc thi) / must be a round number');
  return Number(value);
}

/** An unknown contest, round or unit code is bad input (exit 2); a unit outside scope cannot happen as the operator. */
function participationCliError(error: unknown): CliError {
  const cliError = asCliError(error);
  const badInput = error instanceof AppError && (error.reason === 'CONTEST_NOT_FOUND' || error.reason === 'CONTEST_ROUND_NOT_FOUND' || error.reason === 'UNIT_NOT_FOUND');
  return badInput ? new CliError(cliError.message, EXIT.usage) : cliError;
}

export function addParticipationCommand(contests: Command): void {
  contests
    .command('participation')
    .description('Tình hình tham gia theo đơn vị / participation of a unit\'s subtree and its children')
    .requiredOption('--contest <code>', 'mã cuộc thi / contest code')
    .requiredOption('--unit <code>', 'mã đơn vị / unit code')
    .option('--round <n>', 'số thứ tự vòng thi (mặc định: cả cuộc thi) / round number (default: the whole contest)', parseRound)
    .option('--json', 'in một đối tượng JSON / print one JSON object')
    .action(async (options: { contest: string; unit: string; round?: number; json?: boolean }) => {
      const report = await withDatabase(loadConfig(), async (c) => {
        try {
          return await participationByCodes(c.db, { actor: cliActor(), contestCode: options.contest, unitCode: options.unit, round: options.round });
        } catch (error) {
          throw participationCliError(error);
        }
      });
      if (options.json) process.stdout.write(JSON.stringify(participationJson(report)) + '\n');
      else printParticipation(report);
    });
}
