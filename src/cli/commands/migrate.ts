import type { Command } from 'commander';
import { info, loadConfig, withDatabase } from '../../platform/cli/runtime.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Áp dụng các migration còn thiếu vào cơ sở dữ liệu / apply pending migrations')
    .action(async () => {
      const config = loadConfig();
      await withDatabase(config, async (connection) => {
        info(`Cơ sở dữ liệu đã cập nhật lược đồ mới nhất (${connection.mode}). / database is up to date.`);
      });
    });
}
