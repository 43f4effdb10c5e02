import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../../platform/config/config.js';
import { writeBackup } from '../../platform/db/backup/backup.js';
import { readBackupHeader, restoreBackup } from '../../platform/db/backup/restore.js';
import { connect, type Connection } from '../../platform/db/connect.js';
import { checkInputFile, checkOutputFile } from '../../platform/cli/files.js';
import { asCliError, CliError, EXIT, info, loadConfig } from '../../platform/cli/runtime.js';
import { afterBackup, afterRestore, readContactKey } from './backup-contact-key.js';

async function open(config: Config, shareRunning: boolean): Promise<Connection> {
  return connect(config, { log: info, shareRunning, poolSize: 3 }).catch((e: unknown) => {
    throw asCliError(e);
  });
}

async function clusterHolds(dataDir: string): Promise<boolean> {
  if (existsSync(path.join(dataDir, 'pg.initialised'))) return true;
  return (await readdir(path.join(dataDir, 'pg')).catch(() => [])).length > 0;
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .argument('<file>', 'tệp sao lưu sẽ tạo (chưa có) / the backup file to create (must not exist)')
    .description('Sao lưu nhất quán cơ sở dữ liệu (kể cả khi Lan Tỏa đang chạy) / consistent backup of the database, also while running')
    .option('--include-contact-key', 'đưa cả khóa liên hệ (contact.key) vào tệp sao lưu / include the contact key in the backup')
    .action(async (file: string, options: { includeContactKey?: boolean }) => {
      const target = path.resolve(file);
      if (existsSync(target)) throw new CliError(`Tệp ${target} đã có; hãy chọn tên khác. / ${target} exists already.`, EXIT.usage);
      await checkOutputFile(target);
      const config = loadConfig();
      if (!config.databaseUrl && !(await clusterHolds(config.dataDir))) {
        throw new CliError(`Chưa có cơ sở dữ liệu nào trong ${config.dataDir} để sao lưu. / no database in ${config.dataDir} to back up.`, EXIT.database);
      }
      const key = readContactKey(config);
      const connection = await open(config, true);
      try {
        const summary = await writeBackup(connection.pool, target, {
          contactKey: key ? { fingerprint: key.fingerprint, key: options.includeContactKey ? key.key : null } : null,
        });
        info(`Đã sao lưu ${summary.rows} dòng của ${summary.tables} bảng vào ${summary.file}. / backed up ${summary.rows} rows.`);
        for (const line of afterBackup(key, Boolean(options.includeContactKey))) info(line);
      } catch (error) {
        throw asCliError(error);
      } finally {
        await connection.close();
      }
    });

  program
    .command('restore')
    .argument('<file>', 'tệp do "lantoa backup" tạo / a file made by "lantoa backup"')
    .description('Khôi phục bản sao lưu vào thư mục dữ liệu hoặc cơ sở dữ liệu trống / restore a backup into an empty data directory or database')
    .action(async (file: string) => {
      const source = await checkInputFile(file);
      const config = loadConfig();
      const header = await readBackupHeader(source).catch((e: unknown) => {
        throw asCliError(e);
      });
      if (!config.databaseUrl && (await clusterHolds(config.dataDir))) {
        throw new CliError(
          `Thư mục dữ liệu ${config.dataDir} đã có cơ sở dữ liệu; chỉ khôi phục vào thư mục trống (đặt LANTOA_DATA_DIR tới một thư mục mới). ` +
            `/ ${config.dataDir} already holds a database; restore into an empty LANTOA_DATA_DIR.`,
          EXIT.failure,
        );
      }
      const connection = await open(config, false);
      try {
        const summary = await restoreBackup(connection, source);
        info(
          `Đã khôi phục ${summary.rows} dòng (sao lưu lúc ${header.createdAt}) vào ${connection.mode === 'external' ? 'DATABASE_URL' : config.dataDir}. ` +
            `/ restored ${summary.rows} rows.`,
        );
        for (const line of afterRestore(config, header)) info(line);
      } catch (error) {
        throw asCliError(error);
      } finally {
        await connection.close();
      }
    });
}
