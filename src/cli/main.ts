import { Command, CommanderError } from 'commander';
import { registerBackup } from './commands/backup.js';
import { registerDirectives } from '../modules/directives/cli/directives.js';
import { registerConsultation } from '../modules/consultation/cli/consultation.js';
import { registerConsultationReport } from '../modules/consultation/cli/consultation-report.js';
import { registerConsultationDocument } from '../modules/consultation/cli/consultation-document.js';
import { registerConsultationFigures } from '../modules/consultation/cli/consultation-figures.js';
import { registerJobs } from './commands/jobs.js';
import { registerMigrate } from './commands/migrate.js';
import { registerStart } from './commands/start.js';
import { registerUnits } from '../modules/org/cli/units.js';
import { registerUsers } from '../modules/org/cli/users.js';
import { asCliError, EXIT } from '../platform/cli/runtime.js';

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
