import path from 'node:path';
import type { Command } from 'commander';
import { cliActor } from '../../../platform/access/roles.js';
import { importDocumentText } from '../import-document-text.js';
import { readInputFile } from '../../../platform/cli/files.js';
import { asCliError, info, loadConfig, withDatabase } from '../../../platform/cli/runtime.js';

export function registerConsultationDocument(program: Command): void {
  const consultation = program.commands.find((c) => c.name() === 'consultation');
  if (!consultation) return;
  consultation
    .command('document')
    .description('Nạp nội dung một dự thảo (.docx, .pdf, .txt) và tách thành phần, mục, đoạn có mã tham chiếu ổn định / load a draft\'s text and split it into parts, sections and paragraphs with stable references')
    .requiredOption('--consultation <code>', 'mã đợt lấy ý kiến / consultation code')
    .requiredOption('--document <code>', 'mã dự thảo / draft code')
    .argument('<file>', 'tệp nội dung dự thảo (.docx, .pdf, .txt) / the draft\'s text file')
    .action(async (file: string, options: { consultation: string; document: string }) => {
      const data = await readInputFile(file);
      const config = loadConfig();
      const result = await withDatabase(config, (c) =>
        importDocumentText(c.db, { actor: cliActor(), consultationCode: options.consultation, documentCode: options.document, data, fileName: path.basename(file) }).catch((e) => {
          throw asCliError(e);
        }),
      );
      info(`Đã nạp dự thảo ${result.document}: ${result.sections} phần/mục (${result.refs.slice(0, 8).join(', ')}${result.refs.length > 8 ? ', …' : ''}).`);
    });
}
