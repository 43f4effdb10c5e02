import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { cliActor } from '../../../platform/access/roles.js';
import { unitIdByCode } from '../repository.js';
import { exportWeeklyReport } from '../report/view.js';
import { getWeeklyReport, type WeeklyReport } from '../report/weekly-report.js';
import { checkOutputFile } from '../../../platform/cli/files.js';
import { asCliError, CliError, EXIT, loadConfig, withDatabase } from '../../../platform/cli/runtime.js';

function printReport(report: WeeklyReport): void {
  const lines = [
    `Báo cáo tuần của ${report.unitName} (${report.unit}), từ ${report.periodStart} đến trước ${report.periodEnd}:`,
    `  ${report.submissions} lượt góp ý, ${report.opinions} ý kiến; lũy kế ${report.cumulative.submissions} lượt, ${report.cumulative.opinions} ý kiến`,
    `  Theo kênh: ${Object.entries(report.byChannel).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `  Theo đối tượng: ${Object.entries(report.byContributorGroup).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `  Theo dự thảo: ${Object.entries(report.byDocument).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `  Theo ý kiến: ${Object.entries(report.byStance).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `  Nhóm ý kiến trùng nhau: ${report.identicalGroups}`,
    `  Đơn vị trực thuộc:`,
    ...report.children.map((c) => `    ${c.code.padEnd(20)} ${{ submitted: 'đã gửi', late: 'gửi muộn', missing: 'chưa gửi', overdue: 'quá hạn' }[c.status].padEnd(9)} ${c.submissions} lượt, ${c.opinions} ý kiến`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

/** A real calendar date written YYYY-MM-DD (not 2025-02-31). */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function registerConsultationReport(program: Command): void {
  const consultation = program.commands.find((c) => c.name() === 'consultation');
  if (!consultation) return;
  consultation
    .command('report')
    .description('Báo cáo tổng hợp tuần của một đơn vị và toàn bộ đơn vị trực thuộc (số liệu trực tiếp) / the weekly report of a unit and its whole subtree (live figures)')
    .requiredOption('--consultation <code>', 'mã đợt lấy ý kiến / consultation code')
    .requiredOption('--unit <code>', 'mã đơn vị / unit code')
    .requiredOption('--period-end <YYYY-MM-DD>', 'ngày chốt số liệu kết thúc tuần cần báo cáo, theo lịch chốt hằng tuần của đợt (ví dụ một ngày thứ Tư) / the cut-off date that ends the week, on the consultation\'s weekly cut-off day (e.g. a Wednesday)')
    .option('--json', 'in một đối tượng JSON / print one JSON object')
    .option('--docx <file>', 'ghi báo cáo ra tệp DOCX / write the report as DOCX')
    .option('--xlsx <file>', 'ghi báo cáo ra tệp Excel (XLSX) / write the report as XLSX')
    .action(async (options: { consultation: string; unit: string; periodEnd: string; json?: boolean; docx?: string; xlsx?: string }) => {
      if (!isCalendarDate(options.periodEnd)) throw new CliError('--period-end cần một ngày dạng YYYY-MM-DD. / --period-end needs a date YYYY-MM-DD.', EXIT.usage);
      const outputs = [options.json ? '--json' : null, options.docx !== undefined ? '--docx' : null, options.xlsx !== undefined ? '--xlsx' : null].filter((o) => o !== null);
      if (outputs.length > 1) throw new CliError(`Chỉ dùng một trong --json, --docx, --xlsx (đang có ${outputs.join(', ')}). / use only one of --json, --docx, --xlsx.`, EXIT.usage);
      const format = options.docx !== undefined ? 'docx' : options.xlsx !== undefined ? 'xlsx' : null;
      const target = options.docx ?? options.xlsx;
      if (format && !target) throw new CliError(`--${format} cần tên tệp. / --${format} needs a file name.`, EXIT.usage);
      if (target) await checkOutputFile(target);
      const config = loadConfig();
      const result = await withDatabase(config, async (c) => {
        const unitId = await unitIdByCode(c.db, options.unit);
        if (unitId === null) throw new CliError(`Không có đơn vị mã "${options.unit}".`, EXIT.failure);
        const input = { actor: cliActor(), consultationCode: options.consultation, unitId, periodEnd: options.periodEnd };
        const work = format ? exportWeeklyReport(c.db, { ...input, format }) : getWeeklyReport(c.db, input);
        return work.catch((e: unknown) => {
          throw asCliError(e);
        });
      });
      if ('body' in result) {
        await writeFile(target as string, result.body);
        process.stdout.write(`Đã ghi báo cáo ${format === 'docx' ? 'DOCX' : 'Excel'} vào ${target as string} (${result.body.length} byte).\n`);
      } else if (options.json) process.stdout.write(JSON.stringify(result) + '\n');
      else printReport(result);
    });
}
