/**
 * `lantoa reports submit --regime CODE --unit UNIT_CODE --period-end YYYY-MM-DD --values FILE.json [--json]`:
 * submits the unit's own values (`{"INDICATOR_CODE": value}`) for the period closing on that date, now,
 * as the operator. A unit that receives reports submits its consolidation (its own values plus its
 * children's latest versions not returned), frozen. Bad values exit 2 listing every problem.
 */
import type { Command } from 'commander';
import { cliActor } from '../../../platform/access/roles.js';
import { readInputFile } from '../../../platform/cli/files.js';
import { CliError, EXIT, loadConfig, withDatabase } from '../../../platform/cli/runtime.js';
import type { IndicatorValue, ReportContent } from '../../../shared/report-form.js';
import { submitReport } from '../fill/submit-report.js';
import { addressOptions, reportCliError, resolveAddress, type AddressOptions } from './report-address.js';

async function readValues(file: string): Promise<Record<string, IndicatorValue>> {
  const text = (await readInputFile(file)).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CliError(`Tệp ${file} không phải JSON hợp lệ / not valid JSON: ${(error as Error).message}`, EXIT.usage);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new CliError(`Tệp ${file} phải là một đối tượng {"MÃ_CHỈ_TIÊU": giá trị} / must be an object of values by indicator code.`, EXIT.usage);
  const values: Record<string, IndicatorValue> = {};
  for (const [code, value] of Object.entries(parsed)) {
    if (value !== null && !['number', 'boolean', 'string'].includes(typeof value)) throw new CliError(`Giá trị của chỉ tiêu ${code} phải là số, true/false, chuỗi hoặc null / a value must be a number, boolean, string or null.`, EXIT.usage);
    values[code] = value as IndicatorValue;
  }
  return values;
}

export function addSubmitCommand(reports: Command): void {
  addressOptions(reports.command('submit'))
    .requiredOption('--values <file>', 'tệp JSON {"MÃ_CHỈ_TIÊU": giá trị} / a JSON file of values by indicator code')
    .option('--json', 'in một đối tượng JSON / print one JSON object')
    .description('Gửi báo cáo kỳ của một đơn vị / submit a unit\'s report of a period')
    .action(async (options: AddressOptions & { values: string; json?: boolean }) => {
      const values = await readValues(options.values);
      const content: ReportContent = { values, notes: {}, prefilled: {}, narrative: [], noActivity: false };
      const result = await withDatabase(loadConfig(), async (c) => {
        try {
          const address = await resolveAddress(c.db, options);
          return await submitReport(c.db, { actor: cliActor(), ...address, content });
        } catch (error) {
          throw reportCliError(error);
        }
      });
      if (options.json) process.stdout.write(JSON.stringify(result) + '\n');
      else process.stdout.write(`Đã gửi báo cáo của ${options.unit} kỳ chốt ngày ${options.periodEnd}: phiên bản ${result.version}, ${result.late ? 'trễ hạn' : 'đúng hạn'} (mã số ${result.submissionId}).\n`);
    });
}
