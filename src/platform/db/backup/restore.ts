import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../database.js';
import { runMigrations } from '../migrate.js';
import { AppError, fail } from '../../errors.js';
import { isDatabaseEmpty } from './catalog.js';
import { badFile, FrameReader, tableId, type BackupHeader, type BackupTrailer } from './format.js';
import { migrateTo, migrationsOfBackup } from './migrate-to.js';

export interface RestoreSummary {
  header: BackupHeader;
  rows: number;
}

/** Reads only the header of a backup (what it holds, which contact key sealed it). */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const input = createReadStream(file).pipe(createGunzip());
  try {
    const reader = new FrameReader(input);
    await reader.magic();
    return await reader.json<BackupHeader>('phần đầu');
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw badFile((error as Error).message);
  } finally {
    input.destroy();
  }
}

/**
 * Restores a backup into an empty database: migrates as far as the backup's database was, empties
 * what the migrations seeded and copies every table in (one transaction), sets the sequences (identity columns continue after the
 * restored ids), then applies any newer migrations. Refuses a database that holds anything.
 */
export async function restoreBackup(database: Database, file: string): Promise<RestoreSummary> {
  const check = await database.pool.connect();
  try {
    if (!(await isDatabaseEmpty(check))) {
      fail('RESTORE_TARGET_NOT_EMPTY');
    }
  } finally {
    check.release();
  }
  const header = await readBackupHeader(file);
  await migrateTo(database.db, migrationsOfBackup(header));

  const input = createReadStream(file).pipe(createGunzip({ chunkSize: 256 * 1024 }));
  const reader = new FrameReader(input);
  const client = await database.pool.connect();
  let rows = 0;
  try {
    await reader.magic();
    await reader.json<BackupHeader>('phần đầu');
    await client.query('begin');
    // Migrations may seed rows (default lists such as the campaigns' quantity kinds); the backup
    // holds what the instance had, defaults included, so its rows replace them.
    if (header.tables.length > 0) await client.query(`truncate ${header.tables.map(tableId).join(', ')}`);
    for (const table of header.tables) {
      const columns = table.columns.map((c) => `"${c}"`).join(', ');
      rows += await copyTableIn(client.query(copyFrom(`copy ${tableId(table)} (${columns}) from stdin`)), reader);
    }
    const trailer = await reader.json<BackupTrailer>('phần cuối');
    if (trailer.end !== true) throw badFile('thiếu phần cuối');
    for (const s of header.sequences) {
      await client.query(`select setval('"${s.schema}"."${s.name}"', $1::bigint, $2)`, [s.lastValue, s.isCalled]);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
    input.destroy();
  }
  await runMigrations(database.db);
  return { header, rows };
}

async function copyTableIn(stream: Writable & { rowCount?: number }, reader: FrameReader): Promise<number> {
  const done = finished(stream);
  done.catch(() => undefined);
  try {
    for (;;) {
      const frame = await reader.next();
      if (frame === null) throw badFile('thiếu dữ liệu của bảng');
      if (frame.length === 0) break;
      if (!stream.write(frame)) await Promise.race([once(stream, 'drain'), done]);
    }
  } catch (error) {
    // Abandons the COPY (the server fails it), so the connection can roll back.
    stream.destroy(error as Error);
    await done.catch(() => undefined);
    throw error;
  }
  stream.end();
  await done;
  return stream.rowCount ?? 0;
}
