/**
 * `lantoa contests import-questions --contest CODE FILE [--json]`: a CSV or XLSX file of questions
 * into the contest's bank, all or nothing (README "Cuộc thi", columns). With `--json`:
 * `{"rowsRead","imported","alreadyPresent","rejected":[{"line","reason"}]}`. Exit 2 when any row
 * is rejected (nothing saved) or the file cannot be read; 1 when the contest does not exist.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { cliActor } from '../../../platform/access/roles.js';
import { readInputFile } from '../../../platform/cli/files.js';
import { asUsageError, CliError, EXIT, loadConfig, withDatabase } from '../../../platform/cli/runtime.js';
import { AppError } from '../../../platform/errors.js';
import { importQuestions, type ImportResult } from '../bank/import/import-questions.js';
import { questionFileKind } from '../bank/import/read-file.js';
import { selectContestByCode } from '../define/repository.js';

const summary = (result: ImportResult) => `Đã đọc ${result.rowsRead} dòng câu hỏi: thêm mới ${result.imported}, đã có sẵn ${result.alreadyPresent}.\n`;

/** Rejected rows: exit 2, each on its line of stderr. */
function rejectedError(result: ImportResult): CliError {
  const lines = [`Có ${result.rejected.length} dòng không hợp lệ; chưa câu hỏi nào được ghi:`];
  for (const r of result.rejected) lines.push(`  dòng ${r.line}: ${r.reason}`);
  return new CliError(lines.join('\n'), EXIT.usage);
}

export function addImportQuestionsCommand(contests: Command): void {
  contests
    .command('import-questions')
    .requiredOption('--contest <code>', 'mã cuộc thi / contest code')
    .argument('<file>', 'tệp câu hỏi .csv (UTF-8) hoặc .xlsx / a CSV or XLSX file of questions')
    .option('--json', 'in một đối tượng JSON / print one JSON object')
    .description('Nhập câu hỏi vào ngân hàng câu hỏi của cuộc thi (cả tệp hoặc không gì cả) / import questions into a contest bank')
    .action(async (file: string, options: { contest: string; json?: boolean }) => {
      if (questionFileKind(file) === null) throw new CliError(`Tệp ${file} không được nhận: chỉ nhận tệp .csv (UTF-8) hoặc .xlsx.`, EXIT.usage);
      const data = await readInputFile(file);
      const result = await withDatabase(loadConfig(), async (c) => {
        const contest = await selectContestByCode(c.db, options.contest);
        if (!contest) throw new CliError(`Không có cuộc thi mã "${options.contest}".`, EXIT.failure);
        try {
          return await importQuestions(c.db, { actor: cliActor(), contestId: contest.id, data, fileName: path.basename(file) });
        } catch (error) {
          // A file the reader refuses (too many rows, over the zip limits, too slow to parse) is bad input.
          throw error instanceof AppError && error.code === 'VALIDATION_FAILED' ? asUsageError(error) : error;
        }
      });
      if (options.json) process.stdout.write(JSON.stringify({ rowsRead: result.rowsRead, imported: result.imported, alreadyPresent: result.alreadyPresent, rejected: result.rejected }) + '\n');
      else process.stdout.write(summary(result));
      if (result.rejected.length > 0) throw rejectedError(result);
    });
}
