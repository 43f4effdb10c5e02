/**
 * Reading scanned PDF pages: each page is rendered by poppler's `pdftoppm` (gray, 300 dpi, or the
 * scan's own finer resolution as `pdfimages -list` tells it, up to 400)
 * and read by `tesseract -l vie`, both child processes with time limits (killed at the limit) and
 * `OMP_THREAD_LIMIT=1`, so that the request loop only waits. Pages run in parallel up to the
 * number of cores, counted across every scan being read in this process (two uploads share the
 * cores instead of doubling the load). A small JPEG of each page is rendered for the review form.
 *
 * The tools are found on the PATH, or where `LANTOA_TESSERACT` and `LANTOA_PDFTOPPM` say (README
 * "Đọc bản scan"); without them (or without Tesseract's Vietnamese data) the caller gets
 * OCR_UNAVAILABLE naming what is missing.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { appError } from '../errors.js';
import { scanLimits } from './limits.js';

export interface OcrTools {
  /** The tesseract executable (a name on the PATH or a path). */
  tesseract: string;
  /** poppler's pdftoppm executable. */
  pdftoppm: string;
  /** Tesseract language(s). */
  language: string;
}

/** The tools as the environment names them (read when a scan is read, so a test may point elsewhere). */
export function ocrToolsFromEnv(env: NodeJS.ProcessEnv = process.env): OcrTools {
  return { tesseract: env.LANTOA_TESSERACT || 'tesseract', pdftoppm: env.LANTOA_PDFTOPPM || 'pdftoppm', language: 'vie' };
}

export interface ScanProgress {
  /** Pages whose reading has started (the page being read is `started` of `total`). */
  started: number;
  /** Pages read. */
  done: number;
  total: number;
}

export interface ScannedPage {
  /** 1-based page number in the PDF. */
  page: number;
  /** Tesseract's text, as read ('' when the page could not be read in time). */
  text: string;
  /** The page as a small JPEG, for the first `scanLimits.previewPages` pages when asked for. */
  image: Buffer | null;
  /** Why the page has no text: 'timeout' or 'failed'. */
  problem: 'timeout' | 'failed' | null;
}

interface RunResult {
  stdout: string;
  timedOut: boolean;
  failed: boolean;
  missing: boolean;
}

const CHILD_ENV = { ...process.env, OMP_THREAD_LIMIT: '1' };

function run(file: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024, env: CHILD_ENV, encoding: 'utf8' }, (error, stdout) => {
      if (!error) return resolve({ stdout, timedOut: false, failed: false, missing: false });
      const err = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null };
      resolve({ stdout: String(stdout ?? ''), timedOut: err.killed === true || err.signal === 'SIGKILL', failed: true, missing: err.code === 'ENOENT' || err.code === 'EACCES' });
    });
  });
}

// ------------------------------------------------------------------ availability

const available = new Map<string, true>();

/** Throws OCR_UNAVAILABLE unless tesseract (with Vietnamese data) and pdftoppm answer. Cached once they do. */
export async function assertOcrAvailable(tools: OcrTools): Promise<void> {
  const key = `${tools.tesseract}\n${tools.pdftoppm}\n${tools.language}`;
  if (available.has(key)) return;
  const missing: string[] = [];
  const langs = await run(tools.tesseract, ['--list-langs'], 10_000);
  if (langs.missing || (langs.failed && !langs.stdout)) missing.push('tesseract-ocr', 'tesseract-ocr-vie');
  else if (!langs.stdout.split(/\s+/).includes(tools.language)) missing.push('tesseract-ocr-vie');
  const poppler = await run(tools.pdftoppm, ['-v'], 10_000);
  if (poppler.missing) missing.push('poppler-utils');
  if (missing.length > 0) throw appError('OCR_UNAVAILABLE', { reason: 'OCR_UNAVAILABLE', missing: missing.join(', ') });
  available.set(key, true);
}

// ------------------------------------------------------------------ the cores, shared by every scan

const slots = { free: Math.max(1, availableParallelism()), waiting: [] as (() => void)[] };

async function withCore<T>(work: () => Promise<T>): Promise<T> {
  if (slots.free > 0) slots.free--;
  else await new Promise<void>((resolve) => slots.waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free++;
  }
}

// ------------------------------------------------------------------ one page

/**
 * The resolution of each page's largest image (`pdfimages -list`), so that a scan finer than 300 dpi
 * is not rendered coarser than it was scanned.
 */
async function scanResolutions(pdf: string, tools: OcrTools): Promise<Map<number, number>> {
  const pdfimages = path.join(path.dirname(tools.pdftoppm), 'pdfimages');
  const list = await run(path.isAbsolute(tools.pdftoppm) ? pdfimages : 'pdfimages', ['-list', pdf], scanLimits.renderTimeoutMs);
  const ppi = new Map<number, number>();
  for (const line of list.stdout.split('\n')) {
    const cells = line.trim().split(/\s+/);
    const page = Number(cells[0]);
    const x = Number(cells[12]);
    if (cells[2] === 'image' && Number.isInteger(page) && Number.isFinite(x) && x > (ppi.get(page) ?? 0)) ppi.set(page, x);
  }
  return ppi;
}

/**
 * pdftoppm's -r for a page: 300 dpi, or the scan's own resolution up to 400 dpi. A coarser scan is
 * still rendered at 300: read back at its native 200 dpi, the seed scans lost 2 fields of 32 (a dot
 * below, "bạn" for "ban"; "Tống" for "Tổng") that they kept at 300 (BENCHMARKS.md).
 */
export function renderDpi(scanPpi: number | undefined): number {
  return Math.min(scanLimits.maxRenderDpi, Math.max(scanLimits.renderDpi, Math.round(scanPpi ?? 0)));
}

async function readPage(dir: string, pdf: string, page: number, tools: OcrTools, options: { dpi: number; image: boolean }): Promise<ScannedPage> {
  const root = path.join(dir, `p${page}`);
  const n = String(page);
  const wantImage = options.image;
  // -r at the scan's resolution; -scale-to only bounds an absurdly large page (it wins over -r when given).
  const size = ['-r', String(options.dpi), '-x', '0', '-y', '0', '-W', String(scanLimits.renderMaxSidePx), '-H', String(scanLimits.renderMaxSidePx)];
  const render = await run(tools.pdftoppm, ['-f', n, '-l', n, ...size, '-gray', '-singlefile', pdf, root], scanLimits.renderTimeoutMs);
  if (render.failed) return { page, text: '', image: null, problem: render.timedOut ? 'timeout' : 'failed' };
  // Official documents are dark on light: skipping Tesseract's check for inverted text saves ~5 %.
  const ocr = await run(tools.tesseract, [`${root}.pgm`, 'stdout', '-l', tools.language, '-c', 'tessedit_do_invert=0'], scanLimits.ocrTimeoutMs);
  await rm(`${root}.pgm`, { force: true });
  const image = wantImage ? await renderImage(dir, pdf, page, tools) : null;
  if (ocr.failed) return { page, text: '', image, problem: ocr.timedOut ? 'timeout' : 'failed' };
  return { page, text: ocr.stdout, image, problem: null };
}

async function renderImage(dir: string, pdf: string, page: number, tools: OcrTools): Promise<Buffer | null> {
  const root = path.join(dir, `v${page}`);
  const n = String(page);
  const args = ['-f', n, '-l', n, '-scale-to', String(scanLimits.previewLongSidePx), '-gray', '-jpeg', '-jpegopt', 'quality=60', '-singlefile', pdf, root];
  const result = await run(tools.pdftoppm, args, scanLimits.renderTimeoutMs);
  if (result.failed) return null;
  const image = await readFile(`${root}.jpg`).catch(() => null);
  await rm(`${root}.jpg`, { force: true });
  return image;
}

// ------------------------------------------------------------------ a scan

export interface ReadScanOptions {
  tools: OcrTools;
  /** Called when a page starts and when it is done. */
  onProgress?: ((progress: ScanProgress) => void) | undefined;
  /** Render a small JPEG of each of the first pages as well. */
  images?: boolean;
}

/**
 * Reads `pages` (1-based) of `pdf` by OCR, in page order in the answer. Refuses more than
 * `scanLimits.maxPages` pages; a page that fails or overruns its time limit comes back without
 * text and with its `problem`.
 */
export async function readScannedPages(pdf: Buffer, pages: readonly number[], options: ReadScanOptions): Promise<ScannedPage[]> {
  if (pages.length > scanLimits.maxPages) throw appError('SCAN_TOO_MANY_PAGES', { reason: 'SCAN_TOO_MANY_PAGES', pages: pages.length, maxPages: scanLimits.maxPages });
  await assertOcrAvailable(options.tools);
  const dir = await mkdtemp(path.join(tmpdir(), 'lantoa-ocr-'));
  try {
    const file = path.join(dir, 'scan.pdf');
    await writeFile(file, pdf);
    const resolutions = await scanResolutions(file, options.tools);
    const progress: ScanProgress = { started: 0, done: 0, total: pages.length };
    options.onProgress?.({ ...progress });
    return await Promise.all(
      pages.map((page, i) =>
        withCore(async () => {
          progress.started++;
          options.onProgress?.({ ...progress });
          const result = await readPage(dir, file, page, options.tools, { dpi: renderDpi(resolutions.get(page)), image: options.images === true && i < scanLimits.previewPages });
          progress.done++;
          options.onProgress?.({ ...progress });
          return result;
        }),
      ),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
