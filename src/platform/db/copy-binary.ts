/**
 * Rows in PostgreSQL's binary COPY format (`COPY … FROM STDIN (FORMAT binary)`), encoded straight
 * into a growing buffer. The server takes binary rows with less work than text lines (no parsing of
 * numbers and timestamps, no escapes), which matters when a bulk writer sends millions of them.
 *
 * A stream is COPY_BINARY_HEADER, the rows, then COPY_BINARY_TRAILER. Each row starts with
 * `row(fields)` followed by exactly that many values, in the column order of the COPY statement.
 */

/** Signature, flags (no OIDs) and header extension length (none). */
export const COPY_BINARY_HEADER = Buffer.from([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]);
/** A field count of -1 ends the stream. */
export const COPY_BINARY_TRAILER = Buffer.from([0xff, 0xff]);

/** 2000-01-01T00:00:00Z, PostgreSQL's epoch for timestamps, in Unix milliseconds. */
const PG_EPOCH_MS = 946_684_800_000;
/** Type OID of int4 (array elements). */
const INT4_OID = 23;
const TWO_32 = 2 ** 32;

export class BinaryRows {
  private buffer: Buffer;
  private size = 0;

  constructor(initialBytes = 1 << 16) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
  }

  /** Bytes encoded so far. */
  get length(): number {
    return this.size;
  }

  /** The rows encoded so far (a view; valid until the next write). */
  view(): Buffer {
    return this.buffer.subarray(0, this.size);
  }

  private room(bytes: number): void {
    if (this.size + bytes <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.size + bytes));
    this.buffer.copy(larger, 0, 0, this.size);
    this.buffer = larger;
  }

  /** Starts a row of `fields` values. */
  row(fields: number): this {
    this.room(2);
    this.size = this.buffer.writeInt16BE(fields, this.size);
    return this;
  }

  null(): this {
    this.room(4);
    this.size = this.buffer.writeInt32BE(-1, this.size);
    return this;
  }

  int4(value: number): this {
    this.room(8);
    this.size = this.buffer.writeInt32BE(4, this.size);
    this.size = this.buffer.writeInt32BE(value, this.size);
    return this;
  }

  /** An int4 or NULL. */
  int4OrNull(value: number | null): this {
    return value === null ? this.null() : this.int4(value);
  }

  /** A bigint given as a safe integer. */
  int8(value: number): this {
    this.room(12);
    this.size = this.buffer.writeInt32BE(8, this.size);
    return this.rawInt8(value);
  }

  private rawInt8(value: number): this {
    const high = Math.floor(value / TWO_32);
    this.size = this.buffer.writeInt32BE(high, this.size);
    this.size = this.buffer.writeUInt32BE(value - high * TWO_32, this.size);
    return this;
  }

  bool(value: boolean): this {
    this.room(5);
    this.size = this.buffer.writeInt32BE(1, this.size);
    this.buffer[this.size++] = value ? 1 : 0;
    return this;
  }

  /** A text value (UTF-8; a lone surrogate becomes U+FFFD), or NULL. */
  text(value: string | null): this {
    if (value === null) return this.null();
    this.room(4 + value.length * 3);
    const start = this.size + 4;
    const bytes = this.buffer.write(value, start, 'utf8');
    this.buffer.writeInt32BE(bytes, this.size);
    this.size = start + bytes;
    return this;
  }

  /** A timestamptz given as Unix milliseconds. */
  timestamptz(unixMs: number): this {
    this.room(12);
    this.size = this.buffer.writeInt32BE(8, this.size);
    return this.rawInt8((unixMs - PG_EPOCH_MS) * 1000);
  }

  /** A one-dimensional int4[] without NULL elements (`{}` when empty). */
  int4Array(values: readonly number[]): this {
    if (values.length === 0) {
      this.room(16);
      let at = this.buffer.writeInt32BE(12, this.size);
      at = this.buffer.writeInt32BE(0, at); // no dimension
      at = this.buffer.writeInt32BE(0, at);
      this.size = this.buffer.writeInt32BE(INT4_OID, at);
      return this;
    }
    const bytes = 20 + values.length * 8;
    this.room(4 + bytes);
    const b = this.buffer;
    let at = b.writeInt32BE(bytes, this.size);
    at = b.writeInt32BE(1, at); // dimensions
    at = b.writeInt32BE(0, at); // no NULL element
    at = b.writeInt32BE(INT4_OID, at);
    at = b.writeInt32BE(values.length, at);
    at = b.writeInt32BE(1, at); // lower bound
    for (const v of values) {
      at = b.writeInt32BE(4, at);
      at = b.writeInt32BE(v, at);
    }
    this.size = at;
    return this;
  }
}
