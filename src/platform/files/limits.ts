/**
 * Limits on uploaded files, in one place (README "Giới hạn tệp tải lên / Upload limits" lists them).
 * A file over a limit is refused with a Vietnamese VALIDATION_FAILED message before or while it is
 * read; the server itself keeps serving.
 */

const MB = 1024 * 1024;

/** ZIP containers (DOCX, XLSX): checked from the central directory before any entry is inflated. */
export const zipLimits = {
  /** Entries in the archive; a real document has tens, a picture-heavy one hundreds. */
  maxEntries: 5_000,
  /** Sum of the declared uncompressed sizes of all entries. */
  maxTotalUncompressedBytes: 100 * MB,
  /** An entry larger than `ratioCheckFromBytes` may be at most this many times its compressed size. */
  maxCompressionRatio: 500,
  ratioCheckFromBytes: 1 * MB,
} as const;

/** A parse in a worker thread (platform/files/parse-in-worker.ts). */
export interface WorkerLimits {
  /** V8 old-generation heap of the worker (strings, objects). */
  heapMb: number;
  /**
   * Growth of the whole process's resident memory while the parse runs; catches memory outside the
   * V8 heap (typed arrays of an inflated stream), which the heap limit does not bound.
   */
  memoryGrowthMb: number;
  /** Wall-clock time from starting the worker to its answer. */
  timeoutMs: number;
}

export const defaultWorkerLimits: WorkerLimits = { heapMb: 256, memoryGrowthMb: 512, timeoutMs: 30_000 };

/** Parses run one at a time; this many more may wait their turn, further requests are refused. */
export const workerQueue = { running: 1, waiting: 16 } as const;

/** Upload sizes by use (the request itself is capped at the largest by @fastify/multipart). */
export const uploadLimits = {
  /** Directive files (DOCX, PDF, text) to parse or to keep with a registered directive. */
  directiveFileBytes: 30 * MB,
  /** Unit lists (CSV, XLSX). */
  unitFileBytes: 20 * MB,
  /** Rows of a unit list: twice the national tree (100,000 units). */
  unitFileRows: 200_000,
  /** Pages of a PDF read for its text. */
  pdfPages: 1_000,
  /** Characters of text read from a directive file (as for pasted text). */
  directiveTextChars: 2_000_000,
  /**
   * Bytes of one text field of a multipart form: the JSON of a directive with its longest text
   * (2,000,000 characters of Vietnamese take up to 6 MB in UTF-8, more once escaped in JSON).
   */
  formFieldBytes: 16 * MB,
  /** One evidence file of a campaign activity (photo, PDF, DOCX). */
  campaignActivityFileBytes: 20 * MB,
} as const;

/**
 * Reading scanned PDF pages (pages without a text layer) with Tesseract (platform/files/ocr.ts).
 * Each page is rendered and read by child processes killed at the time limit; pages run in
 * parallel up to the number of cores, across all requests together.
 */
export const scanLimits = {
  /** Pages of one PDF read by OCR; a longer scan is refused (its text pages are not limited here). */
  maxPages: 100,
  /** Resolution a scanned page is rendered at for OCR (a finer scan at its own, up to `maxRenderDpi`). */
  renderDpi: 300,
  maxRenderDpi: 400,
  /** A rendered page is cropped to this many pixels a side (an A4 page at 400 dpi is 3,307 × 4,677). */
  renderMaxSidePx: 5000,
  /** Rendering one page (pdftoppm). */
  renderTimeoutMs: 30_000,
  /** Reading one rendered page (tesseract). */
  ocrTimeoutMs: 60_000,
  /** Long side of the page image shown beside the review form (JPEG). */
  previewLongSidePx: 1200,
  /** Page images kept with one parse result (the first pages). */
  previewPages: 20,
} as const;

export const maxUploadBytes = Math.max(uploadLimits.directiveFileBytes, uploadLimits.unitFileBytes, uploadLimits.campaignActivityFileBytes);

/** "2.000.000": a count as Vietnamese readers write it (dot between thousands). */
export function formatCount(n: number): string {
  return n.toLocaleString('vi-VN');
}

/** "30 MB", "5.120 MB". */
export function formatMb(bytes: number): string {
  return `${formatCount(Math.round(bytes / MB))} MB`;
}
