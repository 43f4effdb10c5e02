import { Command, CommanderError } from 'commander';
import { registerBackup } from './commands/backup.js';
import { registerDirectives } from './commands/directives.js';
import { registerConsultation } from './commands/consultation.js';
import { registerConsultationReport } from './commands/consultation-report.js';
import { registerConsultationDocument } from './commands/consultation-document.js';
import { registerConsultationFigures } from './commands/consultation-figures.js';
import { registerJobs } from './commands/jobs.js';
import { registerMigrate } from './commands/migrate.js';
import { registerStart } from './commands/start.js';
import { registerUnits } from './commands/units.js';
import { registerUsers } from './commands/users.js';
import { asCliError, EXIT } from './runtime.js';

/** The `lantoa` command: thin wrappers over the same operations the API uses. */
export function buildProgram(): Command {
  const program = new Command('lantoa')
    .description('Lan Tỏa — văn bản chỉ đạo xuống, báo cáo và góp ý lên / directives down, reports up')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError('(dùng --help để xem hướng dẫn)');
  registerStart(program);
  registerMigrate(program);
  registerUnits(program);
  registerUsers(program);
  registerConsultation(program);
  registerConsultationReport(program);
  registerConsultationDocument(program);
  registerConsultationFigures(program);
  registerDirectives(program);
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
