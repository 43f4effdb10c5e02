/**
 * Makes the scanned seeds (test/fixtures/directives/scanned/*.pdf): each of the four seed texts is
 * set as a Word page (Times New Roman 13 pt, A4, the official margins; bold and italic kept), turned
 * into a PDF by LibreOffice, rasterised at 200 dpi in gray, turned by 0.5–1.5° with mild noise, and
 * wrapped as an image-only PDF (no text layer). Seeded: the same files come out each run.
 *
 *   tsx bench/scan-fixtures.ts            (needs soffice and pdftoppm)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { addNoise, imagePdf, readPgm, rotate, seededRandom, type GrayImage } from './scan-image.js';

const ROOT = path.resolve(import.meta.dirname, '..');
export const SEED_DIR = path.join(ROOT, 'test/fixtures/directives');
export const SCAN_DIR = path.join(SEED_DIR, 'scanned');
export const SEEDS = ['001_b52a71c16220c3a6', '002_79b257661b1d036b', '003_eaac9b6472a047a3', '004_a0fd7ee58ac0dcea'] as const;
export const SCAN_DPI = 200;
/** JPEG quality of the scans (libjpeg's scale): a plain office scanner's. */
export const SCAN_QUALITY = 50;

/** A markdown-ish seed line as runs: **bold**, *italic*, \* a star. */
function runsOf(line: string): TextRun[] {
  const text = line.replace(/\\\*/g, '\uE000').replace(/\s+$/u, '');
  const runs: TextRun[] = [];
  for (const part of text.split(/(\*\*[^*]+\*\*|\*[^*]+\*)/u)) {
    if (!part) continue;
    const bold = part.startsWith('**');
    const italics = !bold && part.startsWith('*') && part.length > 1;
    const body = (bold ? part.slice(2, -2) : italics ? part.slice(1, -1) : part).replace(/\*\*/g, '').replace(/\uE000/g, '*');
    runs.push(new TextRun({ text: body, bold, italics, font: 'Times New Roman', size: 26 }));
  }
  return runs;
}

export function seedDocx(text: string): Promise<Buffer> {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const headerEnd = lines.findIndex((l) => /Kính gửi|^\s*\*?\*?Thực hiện|^\s*I\.|^\s*KẾ HOẠCH/u.test(l));
  const children = lines.map(
    (line, i) =>
      new Paragraph({
        children: runsOf(line),
        alignment: i < Math.max(headerEnd, 0) ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
        spacing: { after: 80 },
        indent: i >= Math.max(headerEnd, 0) ? { firstLine: 567 } : undefined,
      }),
  );
  const mm = (v: number) => Math.round((v * 1440) / 25.4);
  const doc = new Document({
    sections: [{ properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } } }, children }],
  });
  return Packer.toBuffer(doc);
}

/** The pages of a PDF rendered at `dpi` in gray. */
export function rasterise(pdf: string, dpi: number, dir: string): GrayImage[] {
  const root = path.join(dir, 'page');
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', pdf, root]);
  return readdirSync(dir)
    .filter((f) => f.startsWith('page') && f.endsWith('.pgm'))
    .sort()
    .map((f) => readPgm(readFileSync(path.join(dir, f))));
}

/** Skew (0.5–1.5°, either way) and noise for one page. */
export function scanned(page: GrayImage, random: () => number): GrayImage {
  const degrees = (0.5 + random()) * (random() < 0.5 ? -1 : 1);
  return addNoise(rotate(page, degrees), random, { shade: 4, grain: 10, specksPerMillion: 150 });
}

export async function makeScan(seed: string, random: () => number): Promise<{ pages: GrayImage[]; pdf: Buffer }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lantoa-scan-'));
  try {
    writeFileSync(path.join(dir, `${seed}.docx`), await seedDocx(readFileSync(path.join(SEED_DIR, `${seed}.txt`), 'utf8')));
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, `${seed}.docx`)], { stdio: 'ignore', timeout: 120_000 });
    const pages = rasterise(path.join(dir, `${seed}.pdf`), SCAN_DPI, dir).map((p) => scanned(p, random));
    return { pages, pdf: imagePdf(pages, SCAN_DPI, 'jpeg', SCAN_QUALITY) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  mkdirSync(SCAN_DIR, { recursive: true });
  const random = seededRandom(15);
  for (const seed of SEEDS) {
    const { pages, pdf } = await makeScan(seed, random);
    writeFileSync(path.join(SCAN_DIR, `${seed}.pdf`), pdf);
    process.stdout.write(`${seed}.pdf: ${pages.length} pages, ${Math.round(pdf.length / 1024)} KB\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
