import type { Command } from 'commander';
import { runJobNow, selectJobRuns, selectSchedules, type JobRunRow } from '../../platform/jobs/index.js';
import { formatVietnamInstant } from '../../platform/time/index.js';
import { backgroundWork } from '../../server/background-work.js';
import { asCliError, CliError, EXIT, info, loadConfig, withDatabase } from '../../platform/cli/runtime.js';
import { parsePositiveInt } from '../../platform/cli/options.js';

const OUTCOMES: Record<string, string> = { succeeded: 'thành công', failed: 'lỗi', abandoned: 'bị bỏ dở' };

function presentRun(run: JobRunRow): string {
  const outcome = run.outcome === null ? 'đang chạy' : (OUTCOMES[run.outcome] ?? run.outcome);
  const took = run.finishedAt ? `${((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000).toFixed(1)} s` : '';
  const line = `${formatVietnamInstant(run.startedAt).slice(0, 19).replace('T', ' ')}  ${run.name.padEnd(34)} lần ${run.attempt}  ${outcome.padEnd(10)} ${took.padStart(8)}`;
  return run.error ? `${line}\n    ${run.error}` : line;
}

/** `lantoa jobs list` (schedules and the latest runs) and `lantoa jobs run NAME` (one run now, logged). */
export function registerJobs(program: Command): void {
  const jobs = program.command('jobs').description('Công việc chạy nền: lịch, nhật ký chạy, chạy ngay / background jobs: schedules, runs, run now');
  jobs
    .command('list')
    .description('Lịch chạy và các lần chạy gần nhất (giờ Việt Nam) / schedules and latest runs (Vietnam time)')
    .option('--name <name>', 'chỉ một công việc / only this job')
    .option('--limit <n>', 'số lần chạy hiển thị (mặc định 30) / runs to show (default 30)', parsePositiveInt)
    .action(async (options: { name?: string; limit?: number }) => {
      try {
        await withDatabase(loadConfig(), async (c) => {
          const lines = ['Lịch chạy / schedules:'];
          for (const s of await selectSchedules(c.db)) {
            lines.push(`  ${s.name.padEnd(34)} mỗi ${(s.everyMs / 1000).toLocaleString('vi-VN')} giây, lần tới ${formatVietnamInstant(s.nextRunAt).slice(0, 19).replace('T', ' ')}`);
          }
          lines.push('', 'Các lần chạy gần nhất / latest runs:');
          const runs = await selectJobRuns(c.db, { name: options.name, limit: options.limit ?? 30 });
          lines.push(...(runs.length === 0 ? ['  (chưa có)'] : runs.map((r) => `  ${presentRun(r)}`)));
          process.stdout.write(lines.join('\n') + '\n');
        });
      } catch (error) {
        throw asCliError(error);
      }
    });
  jobs
    .command('run')
    .argument('<name>', 'tên công việc, xem "jobs list" / the job name, see "jobs list"')
    .description('Chạy ngay một công việc (ghi vào nhật ký như mọi lần chạy) / run one job now (logged like every run)')
    .action(async (name: string) => {
      const config = loadConfig();
      const all = backgroundWork(config).jobs;
      const definition = all.find((j) => j.name === name);
      if (!definition) throw new CliError(`Không có công việc "${name}". Các công việc: ${all.map((j) => j.name).join(', ')}`, EXIT.usage);
      let failure: string | null = null;
      try {
        await withDatabase(config, async (c) => {
          const started = Date.now();
          failure = (await runJobNow(c.db, definition)).error;
          if (!failure) info(`Đã chạy ${name} trong ${((Date.now() - started) / 1000).toFixed(1)} giây.`);
        });
      } catch (error) {
        throw asCliError(error);
      }
      if (failure) throw new CliError(`Công việc ${name} gặp lỗi: ${failure}`, EXIT.failure);
    });
}
