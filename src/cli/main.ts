import { Command, CommanderError } from 'commander';
import { registerBackup } from './commands/backup.js';
import { registerJobs } from './commands/jobs.js';
import { registerMigrate } from './commands/migrate.js';
import { registerStart } from './commands/start.js';
import { asCliError, EXIT } from '../platform/cli/runtime.js';
import { modules } from '../server/modules.js';

/** The `lantoa` command: platform's commands and each module's, thin wrappers over the operations the API uses. */
export function buildProgram(): Command {
  const program = new Command('lantoa')
    .description('Lan Tỏa — văn bản chỉ đạo xuống, báo cáo và góp ý lên / directives down, reports up')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError('(dùng --help để xem hướng dẫn)');
  registerStart(program);
  registerMigrate(program);
  // Each module's commands, from its manifest (src/server/modules.ts lists the modules once).
  for (const module of modules) for (const register of module.commands) register(program);
  registerBackup(program);
  registerJobs(program);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    const cliError = asCliError(error);
    process.stderr.write(cliError.message + '\n');
    process.exitCode = cliError.exitCode;
  }
}

await main();
