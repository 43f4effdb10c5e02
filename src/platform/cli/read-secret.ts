import { CliError, EXIT } from './runtime.js';

/** The terminal side of a hidden prompt: a TTY that can be put in raw mode. */
export interface SecretInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

/**
 * Asks for a secret on a terminal without echoing it: the terminal goes to raw mode, nothing typed
 * is written back; Enter ends, Backspace deletes, Ctrl-C / Ctrl-D on an empty line cancel.
 */
export function promptHidden(question: string, input: SecretInput, output: NodeJS.WritableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    output.write(question);
    input.setRawMode?.(true);
    input.setEncoding('utf8');
    input.resume();
    let value = '';
    const finish = (error?: CliError) => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string | Buffer) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || (ch === '\u0004' && value === '')) return finish(new CliError('Đã hủy. / cancelled.', EXIT.usage));
        if (ch === '\u007f' || ch === '\b') value = Array.from(value).slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    input.on('data', onData);
  });
}

/** All of standard input, without the final line break (`echo "$PW" | lantoa … --password-stdin`). */
export async function readAllInput(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export const ADMIN_PASSWORD_ENV = 'LANTOA_ADMIN_PASSWORD';

/**
 * The password for `users create-admin`, from the safest source given: standard input
 * (--password-stdin), the LANTOA_ADMIN_PASSWORD environment variable, a hidden prompt on a terminal,
 * or — with a warning, since it shows in the process list and the shell history — --password.
 */
export async function readAdminPassword(
  options: { password?: string | undefined; passwordStdin?: boolean | undefined },
  io: { stdin: SecretInput; stderr: NodeJS.WritableStream; env: NodeJS.ProcessEnv } = { stdin: process.stdin, stderr: process.stderr, env: process.env },
): Promise<string> {
  if (options.password !== undefined && options.passwordStdin) {
    throw new CliError('Chỉ dùng một trong --password và --password-stdin. / use either --password or --password-stdin.', EXIT.usage);
  }
  if (options.passwordStdin) return readAllInput(io.stdin);
  if (options.password !== undefined) {
    io.stderr.write(
      'Cảnh báo: mật khẩu ghi trên dòng lệnh hiện trong danh sách tiến trình (ps) và lịch sử shell. ' +
        `Hãy dùng --password-stdin, biến môi trường ${ADMIN_PASSWORD_ENV} hoặc bỏ --password để nhập ẩn.\n` +
        `Warning: a password on the command line shows in the process list and the shell history; use --password-stdin, ${ADMIN_PASSWORD_ENV} or the prompt.\n`,
    );
    return options.password;
  }
  const fromEnv = io.env[ADMIN_PASSWORD_ENV];
  if (fromEnv) return fromEnv;
  if (io.stdin.isTTY) {
    const first = await promptHidden('Mật khẩu / password: ', io.stdin, io.stderr);
    const second = await promptHidden('Nhập lại mật khẩu / repeat: ', io.stdin, io.stderr);
    if (first !== second) throw new CliError('Hai lần nhập mật khẩu không khớp. / the passwords differ.', EXIT.usage);
    return first;
  }
  throw new CliError(
    `Cần mật khẩu: chạy trong terminal để nhập ẩn, hoặc dùng --password-stdin (đọc từ đầu vào chuẩn), hoặc đặt ${ADMIN_PASSWORD_ENV}.\n` +
      `A password is needed: run in a terminal to be asked, or use --password-stdin, or set ${ADMIN_PASSWORD_ENV}.`,
    EXIT.usage,
  );
}
