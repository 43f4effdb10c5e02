import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { openPool, type Database } from '../../src/platform/db/database.js';

function databaseUrl(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh database for this test file, cloned from the migrated template, dropped after the file.
 * Call at the top level of a test file (it registers its own afterAll).
 */
export async function createTestDatabase(): Promise<Database> {
  const adminUrl = inject('adminUrl');
  const template = inject('templateDatabase');
  const name = `lantoa_t_${template.split('_')[2]}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const database = openPool(databaseUrl(adminUrl, name), 5);
  afterAll(async () => {
    await database.close();
    const dropper = new pg.Client({ connectionString: adminUrl });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  });
  return database;
}
