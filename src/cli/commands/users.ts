import type { Command } from 'commander';
import { cliActor } from '../../platform/access/roles.js';
import { createAdmin } from '../../modules/org/create-admin.js';
import { asCliError, info, loadConfig, withDatabase } from '../runtime.js';

export function registerUsers(program: Command): void {
  const users = program.command('users').description('Tài khoản người dùng / user accounts');
  users
    .command('create-admin')
    .description('Tạo tài khoản quản trị hệ thống (nếu đã có: đặt lại mật khẩu và cấp quyền quản trị)')
    .requiredOption('-u, --username <username>', 'tên đăng nhập')
    .requiredOption('-p, --password <password>', 'mật khẩu (ít nhất 10 ký tự)')
    .option('--full-name <name>', 'họ và tên', 'Quản trị hệ thống')
    .action(async (options: { username: string; password: string; fullName: string }) => {
      const config = loadConfig();
      const result = await withDatabase(config, (c) =>
        createAdmin(c.db, { actor: cliActor(), ...options }).catch((e) => {
          throw asCliError(e);
        }),
      );
      info(
        result.created
          ? `Đã tạo tài khoản quản trị hệ thống "${options.username}".`
          : `Tài khoản "${options.username}" đã có: đã đặt lại mật khẩu và bảo đảm quyền quản trị hệ thống.`,
      );
    });
}
