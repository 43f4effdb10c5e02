/**
 * `lantoa contests define FILE.json [--json]`: creates or updates the contest the file defines (the
 * JSON format of README "Cuộc thi"), as the operator. A bad file (not JSON, a key or value the
 * format refuses, overlapping rounds, an unknown unit code) exits 2 listing every problem; a refusal
 * (an opened round's settings changed, another organiser) exits 1. Prints the id and code
 * (`--json`: `{id, code, created}`); warnings (a pool smaller than a round draws) go to stderr.
 */
import type { Command } from 'commander';
import { cliActor } from '../../../platform/access/roles.js';
import { definitionProblemsError, readJsonFile } from '../../../platform/cli/files.js';
import { info, loadConfig, withDatabase } from '../../../platform/cli/runtime.js';
import { defineContest, parseContestDefinition, type DefinedContest } from '../define/define-contest.js';
import type { ContestDefinition } from '../define/schemas.js';

/** The command's JSON: `{id, code, created}`. */
export function defineJson(result: DefinedContest) {
  return { id: result.id, code: result.code, created: result.created };
}



export function addDefineCommand(contests: Command): void {
  contests
    .command('define')
    .argument('<file>', 'tệp JSON định nghĩa cuộc thi / a contest definition (JSON)')
    .option('--json', 'in một đối tượng JSON {id, code, created} / print one JSON object')
    .description('Tạo hoặc cập nhật cuộc thi và các vòng thi từ tệp JSON / create or update a contest from a JSON file')
    .action(async (file: string, options: { json?: boolean }) => {
      const input = await readJsonFile(file);
      let definition: ContestDefinition;
      try {
        definition = parseContestDefinition(input);
      } catch (error) {
        throw definitionProblemsError(file, error);
      }
      const result = await withDatabase(loadConfig(), async (c) => {
        try {
          return await defineContest(c.db, { actor: cliActor(), definition });
        } catch (error) {
          throw definitionProblemsError(file, error);
        }
      });
      for (const w of result.warnings) info(`Cảnh báo: ${w.message}`);
      const summary = `${result.created ? 'Đã tạo' : 'Đã cập nhật'} cuộc thi ${result.code} (id ${result.id}): ${definition.title}.\n`;
      process.stdout.write(options.json ? JSON.stringify(defineJson(result)) + '\n' : summary);
    });
}
