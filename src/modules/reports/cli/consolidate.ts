/**
 * `lantoa reports consolidate --regime CODE --unit UNIT_CODE --period-end YYYY-MM-DD [--json|--docx FILE|--xlsx FILE]`:
 * the unit's consolidated report of the period, as the operator — `values` (own ⊕ direct children's
 * latest versions not returned), `live` (every unit below, each once, own figures), the mismatches;
 * or its DOCX / XLSX (the documents' renderers, documents/export-documents.ts).
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { cliActor } from '../../../platform/access/roles.js';
import { checkOutputFile } from '../../../platform/cli/files.js';
import { CliError, EXIT, loadConfig, withDatabase } from '../../../platform/cli/runtime.js';
import { consolidateReport } from '../consolidate/consolidate.js';
import { consolidationFile } from '../documents/export-documents.js';
import type { ConsolidatedReport } from '../types.js';
import { addressOptions, reportCliError, resolveAddress, type AddressOptions } from './report-address.js';

/** The command's JSON (item 8 of issue 13); `explainedBy` added to each mismatch. */
export function consolidationJson(r: ConsolidatedReport) {
  return {
    unit: r.unit.code,
    periodStart: r.period.start.toISOString(),
    periodEnd: r.period.end.toISOString(),
    values: r.values,
    live: r.live,
    children: r.children.map((c) => ({ code: c.code, status: c.status, values: c.values })),
    mismatches: r.mismatches.map((m) => ({ indicator: m.indicator, values: m.values, live: m.live, explainedBy: m.explainedBy.map((e) => ({ code: e.code, reported: e.reported, live: e.live })) })),
  };
}

function printConsolidation(r: ConsolidatedReport): void {
  const show = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toLocaleString('vi-VN', { maximumFractionDigits: 2 }));
  const lines = [`Tổng hợp ${r.regime.name} — ${r.unit.name} (${r.unit.code}) — ${r.period.label}`];
  for (const [code, value] of Object.entries(r.values)) {
    const mismatch = r.mismatches.find((m) => m.indicator === code);
    lines.push(`  ${code.padEnd(12)} ${show(value).padStart(12)}${mismatch ? `  số liệu chưa khớp: trực tiếp ${show(mismatch.live)} (${mismatch.explainedBy.map((e) => e.code).join(', ')})` : ''}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}

export function addConsolidateCommand(reports: Command): void {
  addressOptions(reports.command('consolidate'))
    .option('--json', 'in một đối tượng JSON / print one JSON object')
    .option('--docx <file>', 'ghi báo cáo tổng hợp ra tệp Word (DOCX) / write it as DOCX')
    .option('--xlsx <file>', 'ghi báo cáo tổng hợp ra tệp Excel (XLSX) / write it as XLSX')
    .description('Báo cáo tổng hợp kỳ của một đơn vị / a unit\'s consolidated report of a period')
    .action(async (options: AddressOptions & { json?: boolean; docx?: string; xlsx?: string }) => {
      const outputs = [options.json, options.docx, options.xlsx].filter((o) => o !== undefined);
      if (outputs.length > 1) throw new CliError('Chỉ dùng một trong --json, --docx, --xlsx. / use only one of --json, --docx, --xlsx.', EXIT.usage);
      const target = options.docx ?? options.xlsx;
      if (target !== undefined) await checkOutputFile(target);
      const { report, file } = await withDatabase(loadConfig(), async (c) => {
        try {
          const consolidated = await consolidateReport(c.db, { actor: cliActor(), ...(await resolveAddress(c.db, options)) });
          const format = options.docx !== undefined ? 'docx' : options.xlsx !== undefined ? 'xlsx' : null;
          return { report: consolidated, file: format === null ? null : await consolidationFile(c.db, consolidated, format) };
        } catch (error) {
          throw reportCliError(error);
        }
      });
      if (file && target !== undefined) {
        await writeFile(target, file.body);
        process.stdout.write(`Đã ghi báo cáo tổng hợp vào ${target} (${file.body.length} byte).\n`);
      } else if (options.json) process.stdout.write(JSON.stringify(consolidationJson(report)) + '\n');
      else printConsolidation(report);
    });
}
