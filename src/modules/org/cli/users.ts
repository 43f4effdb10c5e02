import type { Command } from 'commander';
import { cliActor } from '../../../platform/access/roles.js';
import { createAdmin } from '../create-admin.js';
import { ADMIN_PASSWORD_ENV, readAdminPassword } from '../../../platform/cli/read-secret.js';
import { MIN_PASSWORD_LENGTH } from '../../../platform/auth/passwords.js';
import { asCliError, CliError, EXIT, info, loadConfig, withDatabase } from '../../../platform/cli/runtime.js';

export function registerUsers(program: Command): void {
  const users = program.command('users').description('Tài khoản người dùng / user accounts');
  users
    .command('create-admin')
    .description('Tạo tài khoản quản trị hệ thống (nếu đã có: đặt lại mật khẩu và cấp quyền quản trị) / create a system administrator (or reset an existing one\'s password)')
    .requiredOption('-u, --username <username>', 'tên đăng nhập / username')
    .option('--password-stdin', `đọc mật khẩu (ít nhất ${MIN_PASSWORD_LENGTH} ký tự) từ đầu vào chuẩn / read the password (at least ${MIN_PASSWORD_LENGTH} characters) from standard input`)
    .option('-p, --password <password>', 'KHÔNG NÊN: mật khẩu lộ trong danh sách tiến trình và lịch sử shell / DISCOURAGED: shows in the process list and shell history')
    .option('--full-name <name>', 'họ và tên (mặc định "Quản trị hệ thống") / full name (default "Quản trị hệ thống")')
    .addHelpText(
      'after',
      `\nMật khẩu lấy theo thứ tự: --password-stdin, biến môi trường ${ADMIN_PASSWORD_ENV}, nhập ẩn trong terminal.\n` +
        `The password comes from --password-stdin, else ${ADMIN_PASSWORD_ENV}, else a hidden prompt in a terminal.\n` +
        `Ví dụ / example: printf '%s\\n' "$MAT_KHAU" | lantoa users create-admin -u quantri --password-stdin`,
    )
    .action(async (options: { username: string; password?: string; passwordStdin?: boolean; fullName?: string }) => {
      const config = loadConfig();
      const password = await readAdminPassword(options);
      if (password.length < MIN_PASSWORD_LENGTH) {
        throw new CliError(`Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự. / the password needs at least ${MIN_PASSWORD_LENGTH} characters.`, EXIT.usage);
      }
      const input = { username: options.username, password, fullName: options.fullName };
      const result = await withDatabase(config, (c) =>
        createAdmin(c.db, { actor: cliActor(), ...input }).catch((e) => {
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
