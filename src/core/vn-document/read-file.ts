/**
 * Reads the text of a directive file: .txt/.md (UTF-8, UTF-16 with BOM, TCVN3 detected later by the
 * parser), .docx (mammoth raw text) and .pdf (its text layer; scanned pages read by OCR, see
 * read-pdf.ts). Anything else, or a file that cannot be read, is a VALIDATION_FAILED AppError with a
 * Vietnamese message.
 *
 * DOCX and PDF are untrusted containers: they are read in a worker thread with memory and time
 * limits (platform/files/parse-in-worker.ts), a DOCX only after its ZIP directory passed the limits.
 */
import path from 'node:path';
import iconv from 'iconv-lite';
import { fail } from '../../platform/errors.js';
import { toSafeText } from '../../platform/vn/index.js';
import { uploadLimits } from '../../platform/files/limits.js';
import { parseInWorker } from '../../platform/files/parse-in-worker.js';
import { assertZipWithinLimits } from '../../platform/files/zip-limits.js';
import { readPdfText, type PdfReadOptions, type ScanInfo } from './read-pdf.js';

function decodeText(data: Buffer): string {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return iconv.decode(data.subarray(2), 'utf16le');
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return iconv.decode(data.subarray(2), 'utf16be');
  const start = data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  const body = data.subarray(start);
  const utf8 = body.toString('utf8');
  // Not UTF-8 (e.g. a legacy 8-bit file): read the bytes as Windows-1252, which keeps TCVN3 decodable.
  if (utf8.includes('\uFFFD')) return iconv.decode(body, 'windows-1252');
  return utf8;
}

/** Refuses text longer than pasted text may be, so that a file cannot carry more. */
function withinTextLimit(text: string): string {
  if (text.length > uploadLimits.directiveTextChars) {
    fail('TEXT_TOO_LONG', { reason: 'TEXT_TOO_LONG', chars: text.length, maxChars: uploadLimits.directiveTextChars });
  }
  return text;
}

async function readDocx(data: Buffer): Promise<string> {
  assertZipWithinLimits(data, 'Word (.docx)');
  const mammoth = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({ buffer: data });
    return result.value;
  } catch {
    return fail('DOCX_UNREADABLE');
  }
}

/** The text of a DOCX file, read in the calling thread. Runs inside a parse worker: call readDirectiveText instead. */
export async function extractDocumentText(data: Buffer): Promise<string> {
  return withinTextLimit(await readDocx(data));
}

const readDocxInWorker = (data: Buffer): Promise<string> =>
  parseInWorker<string>({ module: new URL('./read-file.js', import.meta.url), exportName: 'extractDocumentText', args: [data] });

export type { PdfReadOptions as ReadFileOptions, ScanInfo } from './read-pdf.js';

export interface DirectiveFileText {
  text: string;
  /** How a scanned PDF was read (pages, page images, notes); null for every other file. */
  scan: ScanInfo | null;
}

/**
 * The text of a directive file and, for a scanned PDF, how it was read. NULs are dropped and lone
 * surrogates become U+FFFD (a PDF's text layer often holds NULs): the text is stored, and shown for
 * review, as read.
 */
export async function readDirectiveFile(data: Buffer, fileName: string, options: PdfReadOptions = {}): Promise<DirectiveFileText> {
  const ext = path.extname(fileName).toLowerCase();
  if (data.length > 0 && ext === '.pdf') {
    const { text, scan } = await readPdfText(data, options);
    return { text: toSafeText(withinTextLimit(text)), scan };
  }
  return { text: toSafeText(await readByExtension(data, fileName)), scan: null };
}

/**
 * The text of a directive file, chosen by its extension. NULs are dropped and lone surrogates become
 * U+FFFD (a PDF's text layer often holds NULs): the text is stored, and shown for review, as read.
 */
export async function readDirectiveText(data: Buffer, fileName: string, options: PdfReadOptions = {}): Promise<string> {
  return (await readDirectiveFile(data, fileName, options)).text;
}

async function readByExtension(data: Buffer, fileName: string): Promise<string> {
  const ext = path.extname(fileName).toLowerCase();
  if (data.length === 0) return fail('FILE_EMPTY', { fileName });
  switch (ext) {
    case '.txt':
    case '.md':
    case '.markdown':
    case '':
      return withinTextLimit(decodeText(data));
    case '.docx':
      return readDocxInWorker(data);
    case '.doc':
      return fail('DOC_UNSUPPORTED');
    default:
      return fail('FILE_TYPE_UNSUPPORTED', { ext });
  }
}
