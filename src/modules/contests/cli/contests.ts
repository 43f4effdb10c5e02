import type { Command } from 'commander';
import { addDefineCommand } from './define.js';
import { addParticipationCommand } from './participation.js';
import { addImportQuestionsCommand } from './import-questions.js';
import { addResultsCommand } from './results.js';

/**
 * `lantoa contests …`: each subcommand (define, import-questions, results, participation) lives in
 * its own file of this folder and is added here.
 */
export function registerContests(program: Command): void {
  const contests = program.command('contests').description('Cuộc thi trắc nghiệm / quiz contests');
  addDefineCommand(contests);
  addParticipationCommand(contests);
  addImportQuestionsCommand(contests);
  addResultsCommand(contests);
}
