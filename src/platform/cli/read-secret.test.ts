import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { promptHidden, readAdminPassword, type SecretInput } from './read-secret.js';
import { CliError } from './runtime.js';

/** A terminal stand-in: keystrokes in, everything the program writes out, raw mode recorded. */
function terminal() {
  const input = new PassThrough() as PassThrough & SecretInput;
  const modes: boolean[] = [];
  input.isTTY = true;
  input.setRawMode = (mode: boolean) => modes.push(mode);
  const output = new PassThrough();
  let written = '';
  output.on('data', (d) => (written += String(d)));
  return { input, output, modes, written: () => written };
}

describe('promptHidden', () => {
  it('reads a line in raw mode without echoing it, honouring Backspace', async () => {
    const t = terminal();
    const answer = promptHidden('Mật khẩu: ', t.input, t.output);
    t.input.write('Mat-khau-X');
    t.input.write('\u007f');
    t.input.write('-bi-mat-1\r');
    expect(await answer).toBe('Mat-khau--bi-mat-1');
    expect(t.written()).toBe('Mật khẩu: \n');
    expect(t.modes).toEqual([true, false]);
  });

  it('Ctrl-C cancels and gives the terminal back', async () => {
    const t = terminal();
    const answer = promptHidden('Mật khẩu: ', t.input, t.output);
    t.input.write('abc\u0003');
    await expect(answer).rejects.toBeInstanceOf(CliError);
    expect(t.modes).toEqual([true, false]);
  });
});

describe('readAdminPassword', () => {
  const quiet = () => {
    const stderr = new PassThrough();
    let text = '';
    stderr.on('data', (d) => (text += String(d)));
    return { stderr, text: () => text };
  };
  const pipe = (content: string) => {
    const stdin = new PassThrough();
    stdin.end(content);
    return stdin;
  };

  it('takes standard input with --password-stdin, without the final line break', async () => {
    const err = quiet();
    expect(await readAdminPassword({ passwordStdin: true }, { stdin: pipe('Mat-khau-tu-stdin-1\n'), stderr: err.stderr, env: {} })).toBe('Mat-khau-tu-stdin-1');
  });

  it('takes LANTOA_ADMIN_PASSWORD', async () => {
    const err = quiet();
    expect(await readAdminPassword({}, { stdin: pipe(''), stderr: err.stderr, env: { LANTOA_ADMIN_PASSWORD: 'Mat-khau-moi-truong-1' } })).toBe('Mat-khau-moi-truong-1');
  });

  it('asks twice on a terminal and refuses two different answers', async () => {
    const t = terminal();
    const answer = readAdminPassword({}, { stdin: t.input, stderr: t.output, env: {} });
    t.input.write('Mot-mat-khau-1\r');
    await new Promise((r) => setImmediate(r));
    t.input.write('Mat-khau-khac-2\r');
    await expect(answer).rejects.toThrow(/không khớp/);
    expect(t.written()).not.toContain('Mot-mat-khau-1');
  });

  it('still takes --password, warning on standard error', async () => {
    const err = quiet();
    expect(await readAdminPassword({ password: 'Mat-khau-lo-1' }, { stdin: pipe(''), stderr: err.stderr, env: {} })).toBe('Mat-khau-lo-1');
    expect(err.text()).toContain('Cảnh báo');
  });

  it('without any source and no terminal, says how to give one', async () => {
    const err = quiet();
    await expect(readAdminPassword({}, { stdin: pipe(''), stderr: err.stderr, env: {} })).rejects.toThrow(/--password-stdin/);
  });
});
