import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { cliActor } from '../../../platform/access/roles.js';
import { exportUnits } from '../export-units.js';
import { importUnits } from '../import-units.js';
import { checkOutputFile, readInputFile } from '../../../platform/cli/files.js';
import { asCliError, CliError, EXIT, info, loadConfig, withDatabase } from '../../../platform/cli/runtime.js';

export function registerUnits(program: Command): void {
  const units = program.command('units').description('Quản lý đơn vị / organisation units');

  units
    .command('import')
    .argument('<file>', 'tệp .csv hoặc .xlsx với các cột / a .csv or .xlsx file with the columns code,name,kind,parent_code (tùy chọn / optional: abbreviation,sort_order,active_from,active_to,place)')
    .option('--json', 'in kết quả dạng JSON / print the result as JSON')
    .description('Nhập đơn vị (theo mã: có thì cập nhật, chưa có thì tạo); có dòng lỗi thì không ghi gì / import units by code (update or create); nothing is written if a row is wrong')
    .action(async (file: string, options: { json?: boolean }) => {
      const data = await readInputFile(file);
      const config = loadConfig();
      const result = await withDatabase(config, (c) =>
        importUnits(c.db, { actor: cliActor(), data, fileName: path.basename(file) }).catch((e) => {
          throw asCliError(e);
        }),
      );
      if (options.json) process.stdout.write(JSON.stringify(result) + '\n');
      else info(`Đã nhập ${file}: ${result.created} đơn vị mới, ${result.updated} cập nhật, ${result.unchanged} không đổi.`);
    });

  units
    .command('export')
    .option('-f, --format <format>', 'csv hoặc xlsx (mặc định theo phần mở rộng của --output, hoặc csv) / csv or xlsx (default: from the --output extension, else csv)')
    .option('-o, --output <file>', 'ghi ra tệp (mặc định in CSV ra màn hình) / write to a file (default: CSV on standard output)')
    .description('Xuất toàn bộ đơn vị (cha trước con), nhập lại được bằng "units import" / export every unit, parents first, re-importable')
    .action(async (options: { format?: string; output?: string }) => {
      const format = options.format ?? (options.output?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
      if (format !== 'csv' && format !== 'xlsx') throw new CliError('--format phải là csv hoặc xlsx. / --format must be csv or xlsx.', EXIT.usage);
      if (format === 'xlsx' && !options.output) throw new CliError('Định dạng xlsx cần --output <tệp>. / xlsx needs --output <file>.', EXIT.usage);
      if (options.output) await checkOutputFile(options.output);
      const config = loadConfig();
      const body = await withDatabase(config, (c) => exportUnits(c.db, { actor: cliActor(), format }));
      if (options.output) {
        await writeFile(options.output, body);
        info(`Đã ghi ${options.output}`);
      } else process.stdout.write(body);
    });
}
