/** What `reports submit | status | consolidate` share: the options naming a unit's report, and exit codes. */
import type { Command } from 'commander';
import type { Db } from '../../../platform/db/database.js';
import { asCliError, CliError, EXIT } from '../../../platform/cli/runtime.js';
import { AppError } from '../../../platform/errors.js';
import { reportAddressByCodes, type ReportAddress } from '../fill/context.js';

export interface AddressOptions {
  regime: string;
  unit: string;
  periodEnd: string;
}

export function addressOptions(command: Command): Command {
  return command
    .requiredOption('--regime <code>', 'mã chế độ báo cáo / regime code')
    .requiredOption('--unit <code>', 'mã đơn vị / unit code')
    .requiredOption('--period-end <date>', 'ngày chốt số liệu của kỳ, YYYY-MM-DD / the period\'s closing date');
}

/** Bad input (a bad value, date or unknown code) exits 2; a refused operation exits 1. */
export function reportCliError(error: unknown): CliError {
  const cliError = asCliError(error);
  if (!(error instanceof AppError)) return cliError;
  const badInput = error.code === 'VALIDATION_FAILED' || error.reason === 'REPORT_REGIME_NOT_FOUND' || error.reason === 'REPORT_REGIME_UNITS_UNKNOWN';
  const problems = (error.details as { problems?: { code: string; message: string }[] } | undefined)?.problems ?? [];
  const message = [cliError.message, ...problems.map((p) => `  ${p.code}: ${p.message}`)].join('\n');
  return new CliError(message, badInput ? EXIT.usage : EXIT.failure);
}

export async function resolveAddress(db: Db, options: AddressOptions): Promise<ReportAddress> {
  return reportAddressByCodes(db, { regimeCode: options.regime, unitCode: options.unit, periodEnd: options.periodEnd });
}
