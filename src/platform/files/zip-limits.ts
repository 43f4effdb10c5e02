/**
 * Checks a ZIP container (DOCX, XLSX) against zipLimits from its central directory alone, before
 * any entry is inflated: entry count, total uncompressed size and compression ratio. A central
 * directory can lie about sizes; the worker's memory and time limits are the backstop for that.
 */
import { fail, type ErrorReason } from '../errors.js';
import { formatMb, zipLimits } from './limits.js';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const MAX_COMMENT = 0xffff;

function findEndOfCentralDirectory(data: Buffer): number {
  const last = data.length - 22;
  for (let i = last; i >= 0 && i >= last - MAX_COMMENT; i--) {
    if (data.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

interface Directory {
  entries: number;
  offset: number;
}

function readDirectory(data: Buffer, eocd: number): Directory | null {
  let entries = data.readUInt16LE(eocd + 10);
  let offset = data.readUInt32LE(eocd + 16);
  if (entries === 0xffff || offset === 0xffffffff) {
    // ZIP64: the locator just before the end record points at the ZIP64 end record.
    const locator = eocd - 20;
    if (locator < 0 || data.readUInt32LE(locator) !== ZIP64_LOCATOR) return null;
    const record = Number(data.readBigUInt64LE(locator + 8));
    if (record < 0 || record + 56 > data.length || data.readUInt32LE(record) !== ZIP64_EOCD) return null;
    entries = Number(data.readBigUInt64LE(record + 32));
    offset = Number(data.readBigUInt64LE(record + 48));
  }
  return { entries, offset };
}

/** Sizes from a ZIP64 extra field (id 1), in the order of the fields that are saturated. */
function zip64Sizes(extra: Buffer, uncompressed: number, compressed: number): [number, number] {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const size = extra.readUInt16LE(p + 2);
    if (id === 1) {
      let q = p + 4;
      const next = (): number => {
        if (q + 8 > p + 4 + size || q + 8 > extra.length) return Number.MAX_SAFE_INTEGER;
        const v = Number(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      const u = uncompressed === 0xffffffff ? next() : uncompressed;
      const c = compressed === 0xffffffff ? next() : compressed;
      return [u, c];
    }
    p += 4 + size;
  }
  return [uncompressed, compressed];
}

/**
 * The entries listed in the central directory, or null when the data is not a readable ZIP.
 * Stops (returning what it read, plus one) once more than `maxEntries` are listed.
 */
export function listZipEntries(data: Buffer, maxEntries = zipLimits.maxEntries): { declared: number; entries: ZipEntryInfo[] } | null {
  if (data.length < 22) return null;
  const eocd = findEndOfCentralDirectory(data);
  if (eocd < 0) return null;
  const directory = readDirectory(data, eocd);
  if (!directory) return null;
  const entries: ZipEntryInfo[] = [];
  let p = directory.offset;
  const count = Math.min(directory.entries, maxEntries + 1);
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== CENTRAL) return null;
    const compressed = data.readUInt32LE(p + 20);
    const uncompressed = data.readUInt32LE(p + 24);
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const commentLength = data.readUInt16LE(p + 32);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > data.length) return null;
    const name = data.toString('utf8', p + 46, p + 46 + nameLength);
    const [uncompressedSize, compressedSize] = zip64Sizes(data.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), uncompressed, compressed);
    entries.push({ name, compressedSize, uncompressedSize });
    p = end;
  }
  return { declared: directory.entries, entries };
}

/**
 * Throws VALIDATION_FAILED unless `data` is a ZIP within zipLimits. `label` names the format for
 * the messages, e.g. "Word (.docx)".
 */
export function assertZipWithinLimits(data: Buffer, label: string): ZipEntryInfo[] {
  const listed = listZipEntries(data);
  if (!listed) fail('ZIP_UNREADABLE', undefined, { params: { label } });
  const refuse = (reason: ErrorReason, params: Record<string, string | number>): never => fail(reason, { reason: 'FILE_TOO_COMPLEX' }, { params: { label, ...params } });
  if (listed.declared > zipLimits.maxEntries) refuse('ZIP_TOO_MANY_PARTS', { parts: listed.declared, maxParts: zipLimits.maxEntries });
  const total = listed.entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > zipLimits.maxTotalUncompressedBytes) {
    refuse('ZIP_TOO_LARGE_UNPACKED', { size: formatMb(total), maxSize: formatMb(zipLimits.maxTotalUncompressedBytes) });
  }
  for (const entry of listed.entries) {
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > zipLimits.ratioCheckFromBytes && ratio > zipLimits.maxCompressionRatio) {
      refuse('ZIP_SUSPICIOUS_RATIO', { part: entry.name, ratio: Math.round(ratio) });
    }
  }
  return listed.entries;
}
