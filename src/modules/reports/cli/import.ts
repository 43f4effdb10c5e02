import path from 'node:path';
import type { Command } from 'commander';
import { cliActor } from '../../../platform/access/roles.js';
import { readInputFile } from '../../../platform/cli/files.js';
import { CliError, EXIT, info, loadConfig, withDatabase } from '../../../platform/cli/runtime.js';
import { AppError } from '../../../platform/errors.js';
import { importReportFile } from '../documents/import-report.js';
import type { ReportCellError } from '../documents/import-xlsx.js';
import { addressOptions, reportCliError, resolveAddress, type AddressOptions } from './report-address.js';

/**
 * `lantoa reports import --regime CODE --unit UNIT_CODE --period-end YYYY-MM-DD [--submit] FILE.xlsx`:
 * loads a filled template as the unit's draft of the period (as the operator), all or nothing;
 * `--submit` also submits it. A file with bad cells exits 2, printing each cell (sheet, address);
 * bad input (unknown codes, a file over a limit) exits 2 too, a refused operation 1 (as `submit`).
 */
export function addImportCommand(reports: Command): void {
  addressOptions(reports.command('import'))
    .description('Nhập mẫu báo cáo Excel đã điền thành bản nháp của đơn vị; có ô lỗi thì không ghi gì / load a filled XLSX template as the unit\'s draft; nothing is saved if a cell is wrong')
    .argument('<file>', 'mẫu báo cáo .xlsx đã điền / the filled .xlsx template')
    .option('--submit', 'gửi báo cáo ngay sau khi nhập / also submit the report')
    .option('--json', 'in kết quả dạng JSON / print the result as JSON')
    .action(async (file: string, options: AddressOptions & { submit?: boolean; json?: boolean }) => {
      const data = await readInputFile(file);
      const config = loadConfig();
      const result = await withDatabase(config, async (c) => {
        try {
          const address = await resolveAddress(c.db, options);
          return await importReportFile(c.db, { actor: cliActor(), ...address, data, fileName: path.basename(file), submit: options.submit === true });
        } catch (e) {
          throw cellErrors(e) ?? reportCliError(e);
        }
      });
      if (options.json) process.stdout.write(JSON.stringify({ savedAt: result.savedAt.toISOString(), submitted: result.submitted }) + '\n');
      else {
        info(`Đã nhập ${file} thành bản nháp báo cáo của ${options.unit} kỳ ${options.periodEnd}.`);
        if (result.submitted) info(`Đã gửi báo cáo: phiên bản ${result.submitted.version}${result.submitted.late ? ' (trễ hạn)' : ''}.`);
      }
    });
}

/** A refused file: the message and each bad cell, exit 2. */
function cellErrors(error: unknown): CliError | null {
  if (!(error instanceof AppError) || error.reason !== 'REPORT_IMPORT_REJECTED') return null;
  const cells = (error.details as { errors: ReportCellError[] }).errors;
  return new CliError([`Lỗi: ${error.message}`, ...cells.map((e) => `  Trang "${e.sheet}", ô ${e.cell}: ${e.message}`)].join('\n'), EXIT.usage);
}
