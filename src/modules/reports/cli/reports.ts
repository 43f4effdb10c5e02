import type { Command } from 'commander';
import { addConsolidateCommand } from './consolidate.js';
import { addDefineCommand } from './define.js';
import { addStatusCommand } from './status.js';
import { addSubmitCommand } from './submit.js';
import { addImportCommand } from './import.js';

/**
 * `lantoa reports …`: each subcommand (define, submit, status, consolidate, import) lives in its own
 * file of this folder and is added here.
 */
export function registerReports(program: Command): void {
  const reports = program.command('reports').description('Chế độ báo cáo / report regimes');
  addDefineCommand(reports);
  addSubmitCommand(reports);
  addStatusCommand(reports);
  addConsolidateCommand(reports);
  addImportCommand(reports);
}
