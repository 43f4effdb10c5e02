/**
 * `lantoa reports define FILE.json [--json]`: creates or updates the report regime the file defines
 * (the JSON format of README "Báo cáo định kỳ — chế độ báo cáo"), as the operator. A bad file (not
 * JSON, a key or value the format refuses, a bad form, unknown unit codes) exits 2 listing every
 * problem; warnings about deadlines are printed, not refused.
 */
import type { Command } from 'commander';
import { cliActor } from '../../../platform/access/roles.js';
import { definitionProblemsError, readJsonFile } from '../../../platform/cli/files.js';
import { loadConfig, withDatabase } from '../../../platform/cli/runtime.js';
import { defineRegime, parseRegimeDefinition, type DefinedRegime } from '../regimes/index.js';
import type { RegimeDefinition } from '../schemas-regimes.js';

/** The command's JSON: `{id, code, created, updated, warnings:[{code, message}]}`. */
export function defineJson(result: DefinedRegime) {
  return { id: result.id, code: result.code, created: result.created, updated: !result.created, warnings: result.warnings };
}

export function defineSummary(result: DefinedRegime, name: string): string {
  const lines = [`${result.created ? 'Đã tạo' : 'Đã cập nhật'} chế độ báo cáo ${result.code} (id ${result.id}): ${name}.`];
  for (const w of result.warnings) lines.push(`  Cảnh báo: ${w.message}`);
  return lines.join('\n') + '\n';
}



export function addDefineCommand(reports: Command): void {
  reports
    .command('define')
    .argument('<file>', 'tệp JSON định nghĩa chế độ báo cáo / a regime definition (JSON)')
    .option('--json', 'in một đối tượng JSON / print one JSON object')
    .description('Tạo hoặc cập nhật chế độ báo cáo từ tệp JSON / create or update a report regime from a JSON file')
    .action(async (file: string, options: { json?: boolean }) => {
      const definition = await readJsonFile(file);
      let parsed: RegimeDefinition;
      try {
        parsed = parseRegimeDefinition(definition);
      } catch (error) {
        throw definitionProblemsError(file, error);
      }
      const config = loadConfig();
      const result = await withDatabase(config, async (c) => {
        try {
          return await defineRegime(c.db, { actor: cliActor(), definition: parsed });
        } catch (error) {
          throw definitionProblemsError(file, error);
        }
      });
      process.stdout.write(options.json ? JSON.stringify(defineJson(result)) + '\n' : defineSummary(result, parsed.name));
    });
}
