import type { Command } from 'commander';
import { withOverrides } from '../../platform/config/config.js';
import { connect } from '../../platform/db/connect.js';
import { runMigrations } from '../../platform/db/migrate.js';
import { purgeExpiredSessions } from '../../platform/auth/sessions.js';
import { buildApp } from '../../server/app.js';
import { createLogger } from '../../platform/log/logger.js';
import { isWorkspaceEmpty, presentDemoAccounts } from '../../modules/org/load-demo.js';
import { loadDemoWorkspace } from '../../server/demo.js';
import { contactKeyProvider } from '../../platform/crypto/index.js';
import { startJobRunner, type JobRunner } from '../../platform/jobs/index.js';
import { backgroundWork } from '../../server/background-work.js';
import { asCliError, CliError, EXIT, info, loadConfig } from '../../platform/cli/runtime.js';
import { parsePort } from '../../platform/cli/options.js';
import { mailSettings, mailStatusLine } from '../../platform/mail/index.js';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('Chạy máy chủ web (mặc định với PostgreSQL nhúng và dữ liệu mẫu) / start the server (embedded PostgreSQL and demo data by default)')
    .option('-p, --port <port>', 'cổng HTTP (mặc định PORT hoặc 3000) / HTTP port (default PORT or 3000)', parsePort)
    .option('-H, --host <host>', 'địa chỉ lắng nghe (mặc định HOST hoặc 127.0.0.1) / address to listen on (default HOST or 127.0.0.1)')
    .option('--no-demo', 'không nạp dữ liệu mẫu khi cơ sở dữ liệu còn trống / do not load the demo into an empty database')
    .action(async (options: { port?: number; host?: string; demo: boolean }) => {
      const config = withOverrides(loadConfig(), { port: options.port, host: options.host });
      const logger = createLogger(config.logLevel);
      const connection = await connect(config, { log: info, shareRunning: false, poolSize: 20 }).catch((e) => {
        throw asCliError(e);
      });
      let app: Awaited<ReturnType<typeof buildApp>> | null = null;
      let runner: JobRunner | null = null;
      let stopping = false;
      const shutdown = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        info(`\nĐang dừng Lan Tỏa (${signal})… / shutting down`);
        // The job runner first (it waits for the job in progress), then HTTP, then the database.
        await runner?.stop().catch(() => undefined);
        await app?.close().catch(() => undefined);
        await connection.close().catch(() => undefined);
        info('Đã dừng. / stopped.');
        process.exit(0);
      };
      process.on('SIGINT', () => void shutdown('SIGINT'));
      process.on('SIGTERM', () => void shutdown('SIGTERM'));
      try {
        await runMigrations(connection.db);
        if (options.demo && (await isWorkspaceEmpty(connection.db))) {
          info('Cơ sở dữ liệu trống: nạp dữ liệu mẫu… / loading the demo workspace');
          await loadDemoWorkspace(connection.db, { contactKey: contactKeyProvider(config) });
        }
        await purgeExpiredSessions(connection.db);
        app = await buildApp({ db: connection.db, config, logger });
        await app.listen({ port: config.port, host: config.host });
        // Scheduled jobs (figure folding, contact erasure, session purge) and event handlers, shared
        // with any other app server on the same database (README, "Background jobs").
        runner = await startJobRunner(connection.db, {
          ...backgroundWork(config),
          onError: (error, job) => logger.error({ err: error, job: job?.name, attempt: job?.attempt }, job ? 'background job failed' : 'job runner failed'),
        });
        // Said once at start: whether notifications also go out by e-mail.
        info(mailStatusLine(mailSettings()));
      } catch (error) {
        await app?.close().catch(() => undefined);
        await connection.close().catch(() => undefined);
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new CliError(
            `Cổng ${config.port} đang được chương trình khác dùng. Chạy với --port hoặc PORT khác.\n` +
              `Port ${config.port} on ${config.host} is already in use; choose another with --port or PORT.`,
            EXIT.failure,
          );
        }
        throw asCliError(error);
      }
      const address = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
      const where = connection.mode === 'external' ? 'PostgreSQL ngoài (DATABASE_URL)' : `PostgreSQL nhúng, dữ liệu tại ${config.dataDir}`;
      const lines = [``, `Lan Tỏa đang chạy tại ${address}  (${where})`, `Tài liệu API: ${address}/api/docs`];
      const demo = await presentDemoAccounts(connection.db);
      if (demo.length > 0) {
        lines.push('Tài khoản mẫu / demo accounts (tên đăng nhập / mật khẩu):');
        for (const a of demo) lines.push(`  ${a.username.padEnd(18)} / ${a.password}   ${a.fullName}`);
      }
      lines.push('Nhấn Ctrl-C để dừng.', '');
      info(lines.join('\n'));
    });
}
