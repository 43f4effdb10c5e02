import { constants } from 'node:fs';
import { access, open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors.js';
import { asCliError, CliError, EXIT } from './runtime.js';

/**
 * Files named on the command line, checked before a command starts or connects to a database:
 * a file to read that is missing or unreadable, or an output file whose folder does not exist,
 * is a usage error (exit 2), like a malformed option.
 */
function reasonOf(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'tệp không tồn tại / no such file';
    case 'EISDIR':
      return 'đây là thư mục, không phải tệp / it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'không có quyền đọc / permission denied';
    default:
      return error.message;
  }
}

function unreadable(file: string, error: NodeJS.ErrnoException): CliError {
  return new CliError(`Không đọc được tệp ${file}: ${reasonOf(error)}.`, EXIT.usage);
}

/** Reads a whole input file; missing or unreadable → usage error. */
export async function readInputFile(file: string): Promise<Buffer> {
  return readFile(file).catch((e: NodeJS.ErrnoException) => {
    throw unreadable(file, e);
  });
}

/** Checks that an input file exists, is a file and can be opened for reading; returns its absolute path. */
export async function checkInputFile(file: string): Promise<string> {
  const absolute = path.resolve(file);
  let isFile: boolean;
  try {
    const handle = await open(absolute, 'r');
    isFile = (await handle.stat()).isFile();
    await handle.close();
  } catch (error) {
    throw unreadable(file, error as NodeJS.ErrnoException);
  }
  if (!isFile) throw unreadable(file, { code: 'EISDIR' } as NodeJS.ErrnoException);
  return absolute;
}

/** Checks that an output file can be written: its folder exists and is writable, and it is not a folder. */
export async function checkOutputFile(file: string): Promise<string> {
  const absolute = path.resolve(file);
  const folder = path.dirname(absolute);
  const folderStat = await stat(folder).catch(() => null);
  if (!folderStat?.isDirectory()) {
    throw new CliError(`Không ghi được tệp ${file}: thư mục ${folder} không tồn tại. / cannot write ${file}: no folder ${folder}.`, EXIT.usage);
  }
  if ((await stat(absolute).catch(() => null))?.isDirectory()) {
    throw new CliError(`Không ghi được tệp ${file}: đây là thư mục. / cannot write ${file}: it is a folder.`, EXIT.usage);
  }
  await access(folder, constants.W_OK).catch(() => {
    throw new CliError(`Không ghi được tệp ${file}: không có quyền ghi vào ${folder}. / cannot write ${file}: permission denied.`, EXIT.usage);
  });
  return absolute;
}

/** A JSON input file (a definition `lantoa … define` reads): UTF-8 with or without BOM; not JSON exits 2. */
export async function readJsonFile(file: string): Promise<unknown> {
  const text = (await readInputFile(file)).toString('utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`Tệp ${file} không phải JSON hợp lệ: ${(error as Error).message}`, EXIT.usage);
  }
}

/** A refused definition as the terminal shows it: bad input (VALIDATION_FAILED) exits 2 with each problem on its line; any other refusal keeps its exit code. */
export function definitionProblemsError(file: string, error: unknown): CliError {
  if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') return asCliError(error);
  const lines = [`Tệp ${file} chưa hợp lệ: ${error.message}`];
  const details = error.details as { problems?: { path: string; message: string }[] } | undefined;
  for (const p of details?.problems ?? []) lines.push(`  ${p.path || '(gốc)'}: ${p.message}`);
  return new CliError(lines.join('\n'), EXIT.usage);
}
