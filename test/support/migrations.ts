import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { openPool, type Database } from '../../src/platform/db/database.js';
import { migrationsFolder, runMigrations } from '../../src/platform/db/migrate.js';
import { withDatabase } from './global-setup.js';

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** A copy of the migrations folder holding the migrations up to and including `lastTag` only. */
async function foldersUpTo(lastTag: string): Promise<string> {
  const journal = JSON.parse(await readFile(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as Journal;
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-migrations-'));
  await mkdir(path.join(dir, 'meta'));
  const entries = journal.entries.slice(0, last + 1);
  for (const e of entries) await copyFile(path.join(migrationsFolder, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  await writeFile(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  return dir;
}

/**
 * A fresh database for a migration test, migrated up to `lastTag` (e.g. `0012_jobs_and_outbox`):
 * seed it as the previous version left its data, then `migrateRest()` applies every later
 * migration as an upgrade would. Dropped after the test file.
 */
export async function createDatabaseAt(lastTag: string): Promise<{ database: Database; migrateRest: () => Promise<void> }> {
  const adminUrl = inject('adminUrl');
  const template = inject('templateDatabase');
  const name = `lantoa_t_${template.split('_')[2]}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const database = openPool(withDatabase(adminUrl, name), 5);
  const folder = await foldersUpTo(lastTag);
  try {
    await migrate(database.db, { migrationsFolder: folder });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  afterAll(async () => {
    await database.close();
    const dropper = new pg.Client({ connectionString: adminUrl });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  });
  return { database, migrateRest: () => runMigrations(database.db) };
}
