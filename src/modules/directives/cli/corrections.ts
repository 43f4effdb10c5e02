import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { cliActor } from '../../../platform/access/roles.js';
import { asCliError, CliError, EXIT, loadConfig, withDatabase } from '../../../platform/cli/runtime.js';
import { listCorrections, type CorrectionCase } from '../corrections.js';

/**
 * `lantoa directives corrections [--unit CODE] [--since YYYY-MM-DD] [--json] [--out DIR]`: the
 * registrations whose fields a reviewer corrected, as new cases of the parser's corpus (operator
 * command, system-wide; the texts leave the units' registers and are meant for the developers' corpus).
 */

/** Midnight of a Vietnam calendar day; null when `s` is not a real YYYY-MM-DD date. */
export function vietnamDayStart(s: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const d = new Date(`${s}T00:00:00+07:00`);
  return Number.isNaN(d.getTime()) || new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10) !== s ? null : d;
}

/** Writes `<id>.txt` (the text) and `<id>.json` (the rest) for each case; returns the files written. */
export async function writeCases(dir: string, cases: CorrectionCase[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const { text, ...rest } of cases) {
    const base = path.join(dir, rest.id);
    await writeFile(`${base}.txt`, text.endsWith('\n') ? text : `${text}\n`);
    await writeFile(`${base}.json`, `${JSON.stringify(rest, null, 2)}\n`);
    written.push(`${base}.txt`, `${base}.json`);
  }
  return written;
}

function printSummary(cases: CorrectionCase[]): void {
  const lines = cases.length === 0 ? ['Không có văn bản nào được sửa so với kết quả đọc tự động.'] : cases.map((c) => `${c.id.padEnd(10)} ${c.corrected.join(', ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function addCorrectionsCommand(directives: Command): void {
  directives
    .command('corrections')
    .description(
      'Các văn bản đã đăng ký mà người duyệt sửa kết quả đọc tự động, dưới dạng trường hợp kiểm thử bộ đọc / corrected registrations as parser corpus cases',
    )
    .option('--unit <code>', 'chỉ sổ của đơn vị này và các đơn vị trực thuộc / only the registers of this unit and its subtree')
    .option('--since <date>', 'chỉ văn bản ghi từ ngày này (YYYY-MM-DD, giờ Việt Nam) / written on or after this day')
    .option('--json', 'in một mảng JSON / print one JSON array')
    .option('--out <dir>', 'ghi từng cặp <id>.txt + <id>.json vào thư mục / write <id>.txt + <id>.json pairs to a folder')
    .action(async (options: { unit?: string; since?: string; json?: boolean; out?: string }) => {
      const since = options.since === undefined ? undefined : vietnamDayStart(options.since);
      if (since === null) throw new CliError(`Ngày không hợp lệ: ${options.since} (cần YYYY-MM-DD). / invalid date (expected YYYY-MM-DD).`, EXIT.usage);
      const config = loadConfig();
      const cases = await withDatabase(config, async (c) => {
        try {
          return await listCorrections(c.db, { actor: cliActor(), unitCode: options.unit, since });
        } catch (e) {
          throw asCliError(e);
        }
      });
      if (options.out !== undefined) {
        const written = await writeCases(options.out, cases);
        process.stderr.write(`Đã ghi ${cases.length} trường hợp (${written.length} tệp) vào ${options.out}.\n`);
      }
      if (options.json) process.stdout.write(`${JSON.stringify(cases)}\n`);
      else if (options.out === undefined) printSummary(cases);
    });
}
