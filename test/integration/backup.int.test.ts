import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPool, type Database } from '../../src/platform/db/database.js';
import { writeBackup } from '../../src/platform/db/backup/backup.js';
import { restoreBackup } from '../../src/platform/db/backup/restore.js';
import { AppError } from '../../src/platform/errors.js';
import { buildUnit, buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';

/**
 * `lantoa backup` under write load and `lantoa restore` into a fresh database: every write
 * acknowledged before the backup started is in the restored copy, the copy is one snapshot, and the
 * restored database keeps working (identity columns continue after the restored ids).
 */
const source = await createTestDatabase();
const adminUrl = inject('adminUrl');
const made: string[] = [];
let workDir: string;
let rootUnitId: number;

async function emptyDatabase(): Promise<Database> {
  // Named like the per-file databases, so the global teardown drops it even if this file fails.
  const name = `lantoa_t_${inject('templateDatabase').split('_')[2]}_r${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template template0`);
  await admin.end();
  made.push(name);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return openPool(u.toString(), 3);
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-backup-'));
  rootUnitId = (await buildUnit(source.db, { code: 'SL-ROOT', name: 'Tỉnh ủy Sao Lưu', kind: 'party_committee' })).id;
  await buildUser(source.db, { username: 'qt.saoluu', role: 'unit_admin', unitId: rootUnitId });
  // Enough rows that the backup takes a while, so the writers below really run during it.
  await source.pool.query(
    `insert into units (code, name, kind, parent_id, search_key)
     select 'SL-' || g, 'Xã số ' || g, 'commune', $1, 'xa so ' || g from generate_series(1, 60000) g`,
    [rootUnitId],
  );
});

afterAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of made) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
  await rm(workDir, { recursive: true, force: true });
});

describe('backup under write load, restore into a fresh database', () => {
  let file: string;
  const acknowledged: string[] = [];
  let acknowledgedBeforeStart: string[] = [];
  let duringBackup = 0;

  it('backs up while writers keep inserting', async () => {
    file = path.join(workDir, 'lantoa.backup');
    let writing = true;
    // Each writer commits a unit, then (a second transaction) an account whose home is that unit,
    // and counts the pair as acknowledged once both committed.
    const writer = async (w: number) => {
      for (let n = 0; writing; n++) {
        const unit = await buildUnit(source.db, { code: `W-${w}-${n}`, name: `Ghi trong lúc sao lưu ${w}-${n}`, kind: 'commune', parentId: rootUnitId });
        await buildUser(source.db, { username: `w.${w}.${n}`, homeUnitId: unit.id });
        acknowledged.push(`W-${w}-${n}`);
      }
    };
    const writers = [writer(0), writer(1), writer(2)];
    while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 10));

    acknowledgedBeforeStart = [...acknowledged];
    const summary = await writeBackup(source.pool, file, { contactKey: null });
    duringBackup = acknowledged.length - acknowledgedBeforeStart.length;
    await new Promise((r) => setTimeout(r, 100));
    writing = false;
    await Promise.all(writers);

    expect(duringBackup).toBeGreaterThan(0);
    expect(summary.rows).toBeGreaterThan(60000);
  }, 120_000);

  it('restores every write acknowledged before the backup started, as one snapshot', async () => {
    const target = await emptyDatabase();
    await restoreBackup(target, file);
    const restored = (await target.pool.query<{ code: string }>(`select code from units where code like 'W-%'`)).rows.map((r) => r.code);
    const restoredSet = new Set(restored);
    expect(acknowledgedBeforeStart.filter((code) => !restoredSet.has(code))).toEqual([]);
    // One snapshot: each writer's units are a prefix of what it wrote (no later write without the
    // earlier ones), and every restored account's home unit is there (the foreign keys held on restore).
    for (const w of [0, 1, 2]) {
      const ns = restored.filter((c) => c.startsWith(`W-${w}-`)).map((c) => Number(c.split('-')[2]));
      expect(ns.sort((a, b) => a - b)).toEqual(ns.map((_, i) => i));
    }
    const accounts = await target.pool.query<{ n: number }>(`select count(*)::int as n from users where username like 'w.%'`);
    expect(Math.abs((accounts.rows[0]?.n ?? 0) - restored.length)).toBeLessThanOrEqual(3);
    expect(restored.length).toBeLessThan(acknowledged.length + 3);

    // The restored database keeps working: new rows get ids after the restored ones.
    const added = await buildUnit(target.db, { code: 'SAU-KHOI-PHUC', parentId: rootUnitId });
    const maxId = (await target.pool.query<{ m: number }>(`select max(id)::int as m from units where code <> 'SAU-KHOI-PHUC'`)).rows[0]?.m ?? 0;
    expect(added.id).toBeGreaterThan(maxId);
    const migrations = await target.pool.query('select 1 from drizzle.__drizzle_migrations');
    const sourceMigrations = await source.pool.query('select 1 from drizzle.__drizzle_migrations');
    expect(migrations.rowCount).toBe(sourceMigrations.rowCount);
    await target.close();
  }, 120_000);

  it('refuses a database that is not empty, changing nothing', async () => {
    const before = (await source.pool.query<{ n: number }>('select count(*)::int as n from units')).rows[0]?.n;
    const error = await restoreBackup(source, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain('không trống');
    expect((await source.pool.query<{ n: number }>('select count(*)::int as n from units')).rows[0]?.n).toBe(before);
  });

  it('refuses a file cut short, restoring nothing', async () => {
    const whole = gunzipSync(await readFile(file));
    const cut = path.join(workDir, 'cut.backup');
    await writeFile(cut, gzipSync(whole.subarray(0, Math.floor(whole.length * 0.7))));
    const target = await emptyDatabase();
    const error = await restoreBackup(target, cut).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((await target.pool.query(`select 1 from units`)).rowCount).toBe(0);
    await target.close();
  });
});
