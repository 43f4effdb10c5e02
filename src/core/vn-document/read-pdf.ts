/**
 * The text of a PDF directive: the text layer of each page (unpdf, in a parse worker with limits),
 * and for the pages without one — a scan — the text read by OCR (platform/files/ocr.ts, child
 * processes), repaired (ocr-repair.ts) before the parser sees it. A mixed PDF keeps its text pages
 * as they are and reads only the others.
 */
import { AppError, fail } from '../../platform/errors.js';
import { uploadLimits } from '../../platform/files/limits.js';
import { ocrToolsFromEnv, readScannedPages, type OcrTools, type ScanProgress } from '../../platform/files/ocr.js';
import { parseInWorker } from '../../platform/files/parse-in-worker.js';
import { repairOcrText } from './ocr-repair.js';

/** A page with fewer visible characters than this in its text layer is read as a scan. */
const MIN_PAGE_CHARS = 20;
export const PAGE_BREAK = '\n\f\n';

export interface PdfReadOptions {
  /** Progress of the OCR of scanned pages (not called for a PDF with a text layer on every page). */
  onProgress?: ((progress: ScanProgress) => void) | undefined;
  /** Keep a small JPEG of each scanned page (the first pages) for the review form. */
  pageImages?: boolean | undefined;
  /** The OCR tools; by default as LANTOA_TESSERACT / LANTOA_PDFTOPPM or the PATH say. */
  ocrTools?: OcrTools | undefined;
}

export interface ScanInfo {
  /** The 1-based pages read by OCR. */
  pages: number[];
  /** Page images (JPEG) of the scanned pages, when asked for. */
  images: { page: number; jpeg: Buffer }[];
  /** Vietnamese notes for the reviewer (pages read by OCR, pages that could not be read). */
  warnings: string[];
}

export interface PdfText {
  text: string;
  scan: ScanInfo | null;
}

/** The text layer of each page of a PDF. Runs inside a parse worker: call readPdfText instead. */
export async function extractPdfPages(data: Buffer): Promise<string[]> {
  // pdf.js prints its warnings with console.log ("Please use the `legacy` build …" when it loads):
  // in this worker they go to stderr, so that stdout (the CLI's JSON) stays clean.
  console.log = console.warn;
  const { extractText, getDocumentProxy } = await import('unpdf');
  try {
    const pdf = await getDocumentProxy(new Uint8Array(data), { verbosity: 0 });
    if (pdf.numPages > uploadLimits.pdfPages) fail('TOO_MANY_PAGES', { reason: 'TOO_MANY_PAGES', pages: pdf.numPages, maxPages: uploadLimits.pdfPages });
    const result = await extractText(pdf, { mergePages: false });
    return result.text as string[];
  } catch (err) {
    if (err instanceof AppError) throw err;
    return fail('PDF_UNREADABLE');
  }
}

const visibleChars = (s: string) => s.replace(/\s+/g, '').length;

function pageList(pages: readonly number[]): string {
  return pages.length === 1 ? `trang ${pages[0]}` : `các trang ${pages.join(', ')}`;
}

function scanWarnings(scanned: { page: number; problem: string | null }[]): string[] {
  const warnings = [`Văn bản được đọc từ bản scan bằng nhận dạng chữ (OCR) ở ${pageList(scanned.map((p) => p.page))}: hãy đối chiếu các trường với ảnh trang.`];
  const slow = scanned.filter((p) => p.problem === 'timeout').map((p) => p.page);
  const failed = scanned.filter((p) => p.problem === 'failed').map((p) => p.page);
  if (slow.length > 0) warnings.push(`Không nhận dạng kịp ${pageList(slow)} (quá thời gian cho phép): nội dung các trang này chưa có.`);
  if (failed.length > 0) warnings.push(`Không nhận dạng được ${pageList(failed)}: nội dung các trang này chưa có.`);
  return warnings;
}

/** The text of a PDF, its scanned pages read by OCR. */
export async function readPdfText(data: Buffer, options: PdfReadOptions = {}): Promise<PdfText> {
  const layers = await parseInWorker<string[]>({ module: new URL('./read-pdf.js', import.meta.url), exportName: 'extractPdfPages', args: [data] });
  const toScan = layers.flatMap((text, i) => (visibleChars(text) < MIN_PAGE_CHARS ? [i + 1] : []));
  if (toScan.length === 0) return { text: layers.join(PAGE_BREAK), scan: null };
  const scanned = await readScannedPages(data, toScan, { tools: options.ocrTools ?? ocrToolsFromEnv(), onProgress: options.onProgress, images: options.pageImages === true });
  const pages = [...layers];
  for (const p of scanned) pages[p.page - 1] = repairOcrText(p.text);
  const text = pages.join(PAGE_BREAK);
  if (visibleChars(text) < MIN_PAGE_CHARS) return fail('PDF_WITHOUT_TEXT');
  const images = scanned.flatMap((p) => (p.image ? [{ page: p.page, jpeg: p.image }] : []));
  return { text, scan: { pages: toScan, images, warnings: scanWarnings(scanned) } };
}
