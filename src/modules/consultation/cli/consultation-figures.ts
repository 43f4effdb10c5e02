import type { Command } from 'commander';
import { cliActor } from '../../../platform/access/roles.js';
import { foldFigures, queueLength, rebuildFigures } from '../figures/fold-figures.js';
import { asCliError, CliError, EXIT, info, loadConfig, withDatabase } from '../../../platform/cli/runtime.js';

/**
 * `lantoa consultation figures [--consultation CODE --rebuild]`: folds the submissions still queued
 * into the weekly figures (what `lantoa start` does every two seconds), or recomputes a
 * consultation's figures after units were moved in the tree.
 */
export function registerConsultationFigures(program: Command): void {
  const consultation = program.commands.find((c) => c.name() === 'consultation');
  if (!consultation) return;
  consultation
    .command('figures')
    .description('Cập nhật số liệu tổng hợp tuần từ các lượt góp ý mới (hoặc tính lại toàn bộ một đợt với --rebuild) / fold new submissions into the weekly figures (or recompute a whole consultation with --rebuild)')
    .option('--consultation <code>', 'mã đợt lấy ý kiến (cần với --rebuild) / consultation code (needed with --rebuild)')
    .option('--rebuild', 'xóa và tính lại số liệu tổng hợp của đợt theo cây đơn vị hiện tại / recompute the consultation\'s figures along the current unit tree')
    .action(async (options: { consultation?: string; rebuild?: boolean }) => {
      if (options.rebuild && !options.consultation) throw new CliError('--rebuild cần --consultation <code>. / --rebuild needs --consultation <code>.', EXIT.usage);
      const config = loadConfig();
      try {
        await withDatabase(config, async (c) => {
          if (options.rebuild && options.consultation) {
            const started = Date.now();
            const result = await rebuildFigures(c.db, { actor: cliActor(), consultationCode: options.consultation });
            info(`Đã tính lại số liệu của ${result.submissions.toLocaleString('vi-VN')} lượt góp ý trong ${((Date.now() - started) / 1000).toFixed(1)} giây.`);
            return;
          }
          const waiting = await queueLength(c.db);
          const result = await foldFigures(c.db);
          info(`Đã cập nhật số liệu từ ${result.submissions.toLocaleString('vi-VN')} lượt góp ý mới (hàng đợi có ${waiting.toLocaleString('vi-VN')} lượt).`);
        });
      } catch (error) {
        throw asCliError(error);
      }
    });
}
