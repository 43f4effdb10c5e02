import type { Command } from 'commander';

/**
 * `lantoa reports …`: each subcommand (define, submit, status, consolidate, import) lives in its own
 * file of this folder and is added here.
 */
export function registerReports(program: Command): void {
  program.command('reports').description('Chế độ báo cáo / report regimes');
}
