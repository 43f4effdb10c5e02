import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Db } from '../database.js';
import { migrationsFolder } from '../migrate.js';
import { fail } from '../../errors.js';
import type { BackupHeader } from './format.js';

/**
 * How far to migrate before loading a backup: exactly as far as the backed-up database was, so its
 * rows fit the tables; later migrations run after the rows are in. A backup from a newer Lan Tỏa
 * (a migration this one does not have) is refused.
 */
export function migrationsOfBackup(header: BackupHeader, folder = migrationsFolder): number {
  const ours = readMigrationFiles({ migrationsFolder: folder });
  header.migrations.forEach((m, i) => {
    if (ours[i]?.folderMillis !== m.createdAt) {
      fail('BACKUP_FROM_OTHER_VERSION', { migration: i + 1 });
    }
  });
  return header.migrations.length;
}

/** Applies the first `count` migrations (a copy of the folder with a shortened journal). */
export async function migrateTo(db: Db, count: number, folder = migrationsFolder): Promise<void> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'lantoa-migrations-'));
  try {
    await cp(folder, temp, { recursive: true });
    const journalFile = path.join(temp, 'meta', '_journal.json');
    const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: unknown[] };
    journal.entries = journal.entries.slice(0, count);
    await writeFile(journalFile, JSON.stringify(journal));
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(7407001)`);
      await migrate(tx as unknown as Db, { migrationsFolder: temp });
    });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
