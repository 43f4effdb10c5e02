import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPool } from '../../src/platform/db/database.js';
import { startEmbeddedServer, type EmbeddedServer } from '../../src/platform/db/embedded.js';
import { runMigrations } from '../../src/platform/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A connection URL to the server's maintenance database (CREATE DATABASE rights). */
    adminUrl: string;
    /** The migrated template database each test file clones. */
    templateDatabase: string;
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * One PostgreSQL for the whole run: the server at DATABASE_URL when set (e.g. Debian's, in CI),
 * otherwise an embedded server in a temporary directory. Migrations run once, into a template
 * database that every test file clones (`CREATE DATABASE … TEMPLATE …`).
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedServer | null = null;
  let dataDir: string | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-test-'));
    embedded = await startEmbeddedServer({ dataDir, port: 0, log: () => undefined });
    adminUrl = embedded.url;
  }
  const templateDatabase = `lantoa_template_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${templateDatabase}`);
  const template = openPool(withDatabase(adminUrl, templateDatabase), 2);
  await runMigrations(template.db);
  await template.close();
  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    const leftovers = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname = $1 or datname like $2`,
      [templateDatabase, `lantoa_t_${process.pid}_%`],
    );
    for (const row of leftovers.rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
    await admin.end();
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
