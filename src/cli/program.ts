import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerBackup } from './commands/backup.js';
import { registerJobs } from './commands/jobs.js';
import { registerMigrate } from './commands/migrate.js';
import { registerStart } from './commands/start.js';
import { asCliError, EXIT } from '../platform/cli/runtime.js';
import { modules } from '../server/modules.js';

/** The version printed by `lantoa --version`: package.json's, never a second copy. */
export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Help headings in both languages, like every description (Vietnamese / English). */
const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng / Usage:',
  'Options:': 'Tùy chọn / Options:',
  'Commands:': 'Lệnh / Commands:',
  'Arguments:': 'Tham số / Arguments:',
  'Global Options:': 'Tùy chọn chung / Global options:',
};

/** The `lantoa` command: platform's commands and each module's, thin wrappers over the operations the API uses. */
export function buildProgram(): Command {
  // Settings made here, before any subcommand exists, are inherited by every subcommand.
  const program = new Command('lantoa')
    .description('Lan Tỏa — văn bản chỉ đạo xuống, báo cáo và góp ý lên / directives down, reports up')
    .version(VERSION, '-V, --version', 'in số phiên bản / print the version')
    .helpOption('-h, --help', 'hiển thị hướng dẫn / show help')
    .helpCommand('help [command]', 'hướng dẫn cho một lệnh / help for a command')
    .configureHelp({ styleTitle: (title) => TITLES[title] ?? title })
    .exitOverride()
    .showHelpAfterError('(dùng --help để xem hướng dẫn / see --help)');
  registerStart(program);
  registerMigrate(program);
  // Each module's commands, from its manifest (src/server/modules.ts lists the modules once).
  for (const module of modules) for (const register of module.commands) register(program);
  registerBackup(program);
  registerJobs(program);
  return program;
}

/**
 * Runs `lantoa` on argv (as in process.argv) and returns the exit code; errors go to stderr.
 * Commander's own errors (unknown command or option, missing or invalid argument) are usage errors.
 */
export async function runLantoa(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const cliError = asCliError(error);
    process.stderr.write(cliError.message + '\n');
    return cliError.exitCode;
  }
}
