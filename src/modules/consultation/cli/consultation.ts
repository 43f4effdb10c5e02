import { InvalidArgumentError, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { cliActor } from '../../../platform/access/roles.js';
import { contactKeyProvider } from '../../../platform/crypto/index.js';
import { AppError, fail } from '../../../platform/errors.js';
import { unitIdByCode } from '../repository.js';
import { checkConsultationInput, createConsultation } from '../create-consultation.js';
import { importOpinions, type ImportOpinionsResult, type ImportProgress } from '../import/import-opinions.js';
import { checkInputFile } from '../../../platform/cli/files.js';
import { asCliError, asUsageError, CliError, EXIT, info, loadConfig, withDatabase } from '../../../platform/cli/runtime.js';

function parseDocument(value: string, previous: { code: string; title: string }[] = []) {
  const at = value.indexOf('=');
  if (at <= 0 || at === value.length - 1) throw new InvalidArgumentError('dạng đúng / expected: --document MÃ=Tên dự thảo');
  return [...previous, { code: value.slice(0, at).trim(), title: value.slice(at + 1).trim() }];
}

function parseInstant(value: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new InvalidArgumentError('cần thời điểm ISO 8601 có múi giờ, ví dụ / an ISO 8601 instant with its offset, e.g. 2025-10-15T08:00:00+07:00');
  }
  return new Date(value);
}

export function registerConsultation(program: Command): void {
  const consultation = program.command('consultation').description('Lấy ý kiến góp ý vào dự thảo / consultations on draft documents');
  consultation
    .command('create')
    .description('Tạo đợt lấy ý kiến với một hoặc nhiều dự thảo (mọi đơn vị tham gia, hoặc đơn vị --unit và các đơn vị trực thuộc; chốt số liệu 16:00 thứ Tư) / open a consultation on one or more drafts (every unit takes part, or the --unit and its subtree; weekly cut-off Wednesday 16:00)')
    .requiredOption('--code <code>', 'mã đợt lấy ý kiến / consultation code')
    .requiredOption('--title <title>', 'tên đợt lấy ý kiến / consultation title')
    .requiredOption('--document <CODE=TITLE>', 'một dự thảo (lặp lại cho nhiều dự thảo) / one draft (repeat for several)', parseDocument)
    .option('--opens <iso>', 'thời điểm bắt đầu (mặc định: bây giờ) / opening instant (default: now)', parseInstant)
    .option('--closes <iso>', 'thời điểm kết thúc (mặc định: không hạn) / closing instant (default: open-ended)', parseInstant)
    .option('--unit <code>', 'mã đơn vị mở đợt: biên tập viên của đơn vị quản lý đợt trên trang web, đơn vị và các đơn vị trực thuộc tham gia (mặc định: đợt toàn hệ thống) / code of the owner unit: its editors manage the consultation in the web app, it and its subtree take part (default: system-wide)')
    .action(async (options: { code: string; title: string; document: { code: string; title: string }[]; opens?: Date; closes?: Date; unit?: string }) => {
      const input = { code: options.code, title: options.title, documents: options.document, opensAt: options.opens, closesAt: options.closes };
      try {
        checkConsultationInput(input);
      } catch (error) {
        throw asUsageError(error);
      }
      const config = loadConfig();
      const created = await withDatabase(config, async (c) => {
        try {
          const ownerUnitId = options.unit === undefined ? null : await unitIdByCode(c.db, options.unit.trim());
          if (options.unit !== undefined && ownerUnitId === null) fail('UNIT_NOT_FOUND', { code: options.unit });
          return await createConsultation(c.db, { actor: cliActor(), input: { ...input, ownerUnitId } });
        } catch (e) {
          throw asCliError(e);
        }
      });
      info(`Đã tạo đợt lấy ý kiến "${created.code}" với ${created.documents.length} dự thảo: ${created.documents.map((d) => d.code).join(', ')}.`);
    });
  registerImport(consultation);
}

const n = (x: number) => x.toLocaleString('vi-VN');

/** A progress bar on stderr when it is a terminal (bytes of the file, with the rows read). */
function progressBar(): { update: (p: ImportProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'Đang nhập {bar} {percentage}% | {rows} dòng | {phase}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (p) => {
      const payload = { rows: n(p.rowsRead), phase: p.phase === 'reading' ? 'đọc và kiểm tra tệp' : 'ghi vào cơ sở dữ liệu' };
      if (!started) bar.start(p.totalBytes || 1, p.bytesRead, payload);
      else bar.update(p.bytesRead, payload);
      started = true;
    },
    stop: () => started && bar.stop(),
  };
}

function jsonOf(r: Pick<ImportOpinionsResult, 'rowsRead' | 'submissions' | 'opinions' | 'alreadyPresent' | 'rejected'>): string {
  return JSON.stringify({ rowsRead: r.rowsRead, submissions: r.submissions, opinions: r.opinions, alreadyPresent: r.alreadyPresent, rejected: r.rejected.map((x) => ({ line: x.line, reason: x.reason })) });
}

function registerImport(consultation: Command): void {
  consultation
    .command('import')
    .description('Nhập ý kiến góp ý từ tệp CSV/XLSX theo định dạng trao đổi / import opinions in the interchange format (submission_id,submitted_at,unit_code,channel,contributor_group,document_code,section_ref,stance,opinion_text)')
    .requiredOption('--consultation <code>', 'mã đợt lấy ý kiến / consultation code')
    .argument('<file>', 'tệp .csv (UTF-8) hoặc .xlsx / a .csv (UTF-8) or .xlsx file')
    .option('--skip-invalid', 'nhập các dòng hợp lệ, ghi các dòng bị loại ra tệp <tên>.rejected.csv bên cạnh tệp nhập / import the valid rows, write the rejected ones to <file>.rejected.csv')
    .option('--json', 'in một đối tượng JSON ra stdout / print one JSON object {"rowsRead","submissions","opinions","alreadyPresent","rejected"}')
    .action(async (file: string, options: { consultation: string; skipInvalid?: boolean; json?: boolean }) => {
      const filePath = await checkInputFile(file);
      const config = loadConfig();
      const bar = progressBar();
      let result: ImportOpinionsResult;
      try {
        result = await withDatabase(config, (c) =>
          importOpinions(c.db, {
            actor: cliActor(),
            consultationCode: options.consultation,
            filePath,
            skipInvalid: options.skipInvalid === true,
            onProgress: bar.update,
            contactKey: contactKeyProvider(config),
          }),
        );
      } catch (error) {
        bar.stop();
        // Rejected as a whole: with --json the object still goes to stdout (nothing imported), exit 1.
        if (options.json && error instanceof AppError && error.code === 'IMPORT_REJECTED') {
          const details = error.details as { errors: { line: number; message: string }[]; rowsRead?: number };
          process.stdout.write(jsonOf({ rowsRead: details.rowsRead ?? 0, submissions: 0, opinions: 0, alreadyPresent: 0, rejected: details.errors.map((e) => ({ line: e.line, reason: e.message })) }) + '\n');
          throw new CliError(`Lỗi (${error.code}): ${error.message}`, EXIT.failure);
        }
        throw asCliError(error);
      }
      bar.stop();
      if (options.json) {
        process.stdout.write(jsonOf(result) + '\n');
        return;
      }
      info(
        `Đã đọc ${n(result.rowsRead)} dòng: thêm ${n(result.submissions)} lượt góp ý với ${n(result.opinions)} ý kiến; ` +
          `${n(result.alreadyPresent)} lượt đã có từ trước nên bỏ qua; ${n(result.rejected.length)} dòng bị loại.`,
      );
      for (const r of result.rejected.slice(0, 50)) info(`  dòng ${r.line}: ${r.reason}`);
      if (result.rejected.length > 50) info(`  … và ${n(result.rejected.length - 50)} dòng khác.`);
      if (result.rejectedFile) info(`Các dòng bị loại đã được ghi vào ${result.rejectedFile}.`);
    });
}
