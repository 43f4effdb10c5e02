import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { cliActor } from '../../../platform/access/roles.js';
import { checkOutputFile } from '../../../platform/cli/files.js';
import { asCliError, CliError, EXIT, loadConfig, withDatabase } from '../../../platform/cli/runtime.js';
import { campaignProgressLabels as L, campaignTaskStatusLabels } from '../../../shared/campaign-labels.js';
import { progressFile } from '../read/export.js';
import { campaignProgressByCode, type CampaignProgress } from '../read/progress.js';

/**
 * `lantoa campaigns progress --campaign CODE --unit UNIT_CODE [--json | --xlsx FILE]`: a campaign's
 * progress over a unit's subtree, as the operator (system-wide). A task's code is
 * `<campaign code>-<assignment position>` (one per assignment, counted over the subtree's units).
 */

/** The command's JSON: `{unit, tasks:[…], units:[{code,status}]}` (units: every unit of the subtree holding a task, its own tasks' status). */
export function progressJson(p: CampaignProgress) {
  return {
    campaign: { code: p.campaign.code, title: p.campaign.title },
    unit: { code: p.unit.code, name: p.unit.name },
    tasks: p.tasks.map((t) => ({
      code: t.code, text: t.text, assigned: t.assigned, done: t.done, inProgress: t.inProgress, overdue: t.overdue, notStarted: t.notStarted,
      unitsActed: t.unitsActed, quantities: t.quantities,
    })),
    units: p.subtreeUnits.map((u) => ({ code: u.code, name: u.name, status: u.status })),
  };
}

function printTable(p: CampaignProgress): void {
  const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
  const lines = [
    `Tiến độ ${p.campaign.title} (${p.campaign.code}) — ${p.unit.name} (${p.unit.code}) và các đơn vị trực thuộc:`,
    `  ${L.task.padEnd(14)} ${'Được giao'.padStart(9)} ${'Xong'.padStart(6)} ${'Đang làm'.padStart(9)} ${L.overdue.padStart(8)} ${L.notStarted.padStart(13)}  Nội dung`,
    ...p.tasks.map(
      (t) =>
        `  ${t.code.padEnd(14)} ${String(t.assigned).padStart(9)} ${String(t.done).padStart(6)} ${String(t.inProgress).padStart(9)} ${String(t.overdue).padStart(8)} ${String(t.notStarted).padStart(13)}  ${short(t.text)}` +
        (Object.keys(t.quantities).length ? `\n  ${''.padEnd(14)} số lượng: ${Object.entries(t.quantities).map(([k, v]) => `${k} ${v}`).join(', ')}` : ''),
    ),
    `  ${L.unitsActed}: ${p.totals.unitsActed}/${p.totals.units}`,
    `  ${L.unit}:`,
    ...p.subtreeUnits.map((u) => `    ${u.code.padEnd(20)} ${u.status ? campaignTaskStatusLabels[u.status] : ''}  ${u.name}`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

export function addProgressCommand(campaigns: Command): void {
  campaigns
    .command('progress')
    .description('Tiến độ kế hoạch trong cây đơn vị của một đơn vị / a campaign\'s progress over a unit\'s subtree')
    .requiredOption('--campaign <code>', 'mã kế hoạch / campaign code')
    .requiredOption('--unit <code>', 'mã đơn vị / unit code')
    .option('--json', 'in một đối tượng JSON / print one JSON object')
    .option('--xlsx <file>', 'ghi tiến độ ra tệp Excel (XLSX) / write the progress as XLSX')
    .action(async (options: { campaign: string; unit: string; json?: boolean; xlsx?: string }) => {
      if (options.json && options.xlsx !== undefined) throw new CliError('Chỉ dùng một trong --json, --xlsx. / use only one of --json, --xlsx.', EXIT.usage);
      if (options.xlsx !== undefined) await checkOutputFile(options.xlsx);
      const config = loadConfig();
      const result = await withDatabase(config, async (c) => {
        try {
          const progress = await campaignProgressByCode(c.db, { actor: cliActor(), campaignCode: options.campaign, unitCode: options.unit });
          return { progress, file: options.xlsx === undefined ? null : await progressFile(c.db, progress) };
        } catch (e) {
          throw asCliError(e);
        }
      });
      if (result.file && options.xlsx !== undefined) {
        await writeFile(options.xlsx, result.file.body);
        process.stdout.write(`Đã ghi tiến độ Excel vào ${options.xlsx} (${result.file.body.length} byte).\n`);
      } else if (options.json) process.stdout.write(JSON.stringify(progressJson(result.progress)) + '\n');
      else printTable(result.progress);
    });
}
