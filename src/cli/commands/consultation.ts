import { InvalidArgumentError, type Command } from 'commander';
import { cliActor } from '../../platform/access/roles.js';
import { createConsultation } from '../../modules/consultation/create-consultation.js';
import { asCliError, info, loadConfig, withDatabase } from '../runtime.js';

function parseDocument(value: string, previous: { code: string; title: string }[] = []) {
  const at = value.indexOf('=');
  if (at <= 0 || at === value.length - 1) throw new InvalidArgumentError('dạng đúng: --document MÃ=Tên dự thảo');
  return [...previous, { code: value.slice(0, at).trim(), title: value.slice(at + 1).trim() }];
}

function parseInstant(value: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new InvalidArgumentError('cần thời điểm ISO 8601 có múi giờ, ví dụ 2025-10-15T08:00:00+07:00');
  }
  return new Date(value);
}

export function registerConsultation(program: Command): void {
  const consultation = program.command('consultation').description('Lấy ý kiến góp ý vào dự thảo / consultations on draft documents');
  consultation
    .command('create')
    .description('Tạo đợt lấy ý kiến với một hoặc nhiều dự thảo (mọi đơn vị tham gia)')
    .requiredOption('--code <code>', 'mã đợt lấy ý kiến')
    .requiredOption('--title <title>', 'tên đợt lấy ý kiến')
    .requiredOption('--document <CODE=TITLE>', 'một dự thảo (lặp lại cho nhiều dự thảo)', parseDocument)
    .option('--opens <iso>', 'thời điểm bắt đầu (mặc định: bây giờ)', parseInstant)
    .option('--closes <iso>', 'thời điểm kết thúc', parseInstant)
    .action(async (options: { code: string; title: string; document: { code: string; title: string }[]; opens?: Date; closes?: Date }) => {
      const config = loadConfig();
      const created = await withDatabase(config, (c) =>
        createConsultation(c.db, {
          actor: cliActor(),
          input: { code: options.code, title: options.title, documents: options.document, opensAt: options.opens, closesAt: options.closes },
        }).catch((e) => {
          throw asCliError(e);
        }),
      );
      info(`Đã tạo đợt lấy ý kiến "${created.code}" với ${created.documents.length} dự thảo: ${created.documents.map((d) => d.code).join(', ')}.`);
    });
}
