import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { appError } from '../../errors.js';

/**
 * The backup file: gzip of the magic line, then frames (4-byte big-endian length, payload).
 *   frame 1            the header (JSON, BackupHeader)
 *   per table          its rows in COPY text format, in frames of any size, then one empty frame
 *   last frame         the trailer (JSON, BackupTrailer): a file cut short has none and is refused
 * Tables come parents first (foreign keys); the schema itself is not in the file: it is the one
 * the migrations listed in the header make.
 */
export const BACKUP_MAGIC = 'LANTOA-BACKUP 1\n';

export interface BackupTable {
  schema: string;
  name: string;
  columns: string[];
}

export interface BackupHeader {
  format: 'lantoa-backup';
  version: 1;
  createdAt: string;
  /** PostgreSQL that made it (server_version). */
  server: string;
  /** The migrations applied to the backed-up database (drizzle journal order). */
  migrations: { createdAt: number; hash: string }[];
  tables: BackupTable[];
  sequences: { schema: string; name: string; lastValue: string; isCalled: boolean }[];
  /** First 16 hex digits of SHA-256 of the contact key in use when the backup was made, if any. */
  contactKeyFingerprint: string | null;
  /** The contact key itself (base64), only with `lantoa backup --include-contact-key`. */
  contactKey: string | null;
}

export interface BackupTrailer {
  end: true;
  rows: Record<string, number>;
}

export const tableId = (t: { schema: string; name: string }) => `"${t.schema}"."${t.name}"`;

export class FrameWriter {
  constructor(private readonly out: Writable) {}

  async frame(payload: Buffer | string): Promise<void> {
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const ok = this.out.write(body.length > 0 ? Buffer.concat([length, body]) : length);
    if (!ok) await once(this.out, 'drain');
  }

  json(value: unknown): Promise<void> {
    return this.frame(JSON.stringify(value));
  }
}

const badFile = (why: string) => appError('BACKUP_INVALID', undefined, { params: { why } });

/** Reads frames back; `next()` gives the next payload, or null at the end of the input. */
export class FrameReader {
  private buffered: Buffer = Buffer.alloc(0);
  private readonly chunks: AsyncIterator<Buffer>;
  private done = false;

  constructor(input: Readable) {
    this.chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  }

  private async fill(bytes: number): Promise<boolean> {
    if (this.buffered.length >= bytes) return true;
    const parts = [this.buffered];
    let total = this.buffered.length;
    while (total < bytes && !this.done) {
      const { value, done } = await this.chunks.next();
      if (done) this.done = true;
      else {
        parts.push(value);
        total += value.length;
      }
    }
    this.buffered = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, total);
    return total >= bytes;
  }

  async magic(): Promise<void> {
    const size = Buffer.byteLength(BACKUP_MAGIC);
    if (!(await this.fill(size)) || this.buffered.subarray(0, size).toString() !== BACKUP_MAGIC) throw badFile('thiếu dòng nhận diện');
    this.buffered = this.buffered.subarray(size);
  }

  async next(): Promise<Buffer | null> {
    if (!(await this.fill(4))) {
      if (this.buffered.length === 0) return null;
      throw badFile('khung dữ liệu bị cắt');
    }
    const length = this.buffered.readUInt32BE(0);
    if (!(await this.fill(4 + length))) throw badFile('khung dữ liệu bị cắt');
    const payload = this.buffered.subarray(4, 4 + length);
    this.buffered = this.buffered.subarray(4 + length);
    return payload;
  }

  async json<T>(what: string): Promise<T> {
    const payload = await this.next();
    if (payload === null) throw badFile(`thiếu ${what}`);
    try {
      return JSON.parse(payload.toString('utf8')) as T;
    } catch {
      throw badFile(`${what} hỏng`);
    }
  }
}

export { badFile };
