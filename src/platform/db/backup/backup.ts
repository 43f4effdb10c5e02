import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { listSequences, listTables } from './catalog.js';
import { BACKUP_MAGIC, FrameWriter, tableId, type BackupHeader, type BackupTrailer } from './format.js';

const FRAME_BYTES = 256 * 1024;

export interface BackupOptions {
  /** Fingerprint (and, if the operator asked for it, the key) of the contact key, for the header. */
  contactKey: { fingerprint: string; key: string | null } | null;
}

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
}

/**
 * Writes a consistent logical backup of the database to `file` while the application keeps
 * running: one REPEATABLE READ READ ONLY transaction (one snapshot: every transaction committed
 * before it started is in, none that commits later is), every table copied out in it, parents
 * first. Written to `file.partial` and renamed at the end, so a finished name is a whole backup.
 */
export async function writeBackup(pool: pg.Pool, file: string, options: BackupOptions): Promise<BackupSummary> {
  const client = await pool.connect();
  const partial = `${file}.partial`;
  const gzip = createGzip({ level: 6 });
  const out = createWriteStream(partial, { mode: 0o600 });
  const written = finished(gzip.pipe(out));
  written.catch(() => undefined);
  let ok = false;
  try {
    await client.query('begin isolation level repeatable read read only');
    // The snapshot is taken by this first statement.
    const header = await readHeader(client, options);
    gzip.write(BACKUP_MAGIC);
    const frames = new FrameWriter(gzip);
    await frames.json(header);
    const rows: Record<string, number> = {};
    for (const table of header.tables) {
      const columns = table.columns.map((c) => `"${c}"`).join(', ');
      rows[tableId(table)] = await copyTable(client, frames, `copy (select ${columns} from ${tableId(table)}) to stdout`);
    }
    await client.query('commit');
    const trailer: BackupTrailer = { end: true, rows };
    await frames.json(trailer);
    gzip.end();
    await written;
    await fs.rename(partial, file);
    ok = true;
    return { file, tables: header.tables.length, rows: Object.values(rows).reduce((a, b) => a + b, 0) };
  } finally {
    if (!ok) {
      await client.query('rollback').catch(() => undefined);
      gzip.destroy();
      await fs.rm(partial, { force: true });
    }
    client.release();
  }
}

async function readHeader(client: pg.ClientBase, options: BackupOptions): Promise<BackupHeader> {
  const server = (await client.query<{ v: string }>('select current_setting(\'server_version\') as v')).rows[0]?.v ?? '';
  const hasJournal = (await client.query<{ ok: boolean }>(`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`)).rows[0]?.ok;
  const journal = hasJournal
    ? (await client.query<{ created_at: string; hash: string }>('select created_at::text, hash from drizzle.__drizzle_migrations order by created_at')).rows
    : [];
  return {
    format: 'lantoa-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    server,
    migrations: journal.map((m) => ({ createdAt: Number(m.created_at), hash: m.hash })),
    tables: await listTables(client),
    sequences: await listSequences(client),
    contactKeyFingerprint: options.contactKey?.fingerprint ?? null,
    contactKey: options.contactKey?.key ?? null,
  };
}

/** Copies one table out as frames of about FRAME_BYTES, then the empty frame; returns its rows. */
async function copyTable(client: pg.ClientBase, frames: FrameWriter, statement: string): Promise<number> {
  const stream = client.query(copyTo(statement));
  let pending: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    pending.push(chunk);
    size += chunk.length;
    if (size >= FRAME_BYTES) {
      await frames.frame(Buffer.concat(pending, size));
      pending = [];
      size = 0;
    }
  }
  if (size > 0) await frames.frame(Buffer.concat(pending, size));
  await frames.frame(Buffer.alloc(0));
  return (stream as unknown as { rowCount: number }).rowCount;
}
