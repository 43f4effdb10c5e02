/**
 * Pixels of a simulated scan, for the scanned-PDF bench (bench/ocr-scans.ts): gray PGM in, a page
 * turned by a small angle with mild noise out, and an image-only PDF wrapping such pages (no text
 * layer: each page is one gray image, JPEG as scanners store it or lossless Flate, at the scan's dpi).
 */
import { deflateSync } from 'node:zlib';
import { encodeGrayJpeg } from './jpeg-gray.js';

export interface GrayImage {
  width: number;
  height: number;
  /** One byte per pixel, rows top to bottom. */
  pixels: Uint8Array;
}

/** Reads a binary PGM (P5, maxval 255), as `pdftoppm -gray` writes it. */
export function readPgm(data: Buffer): GrayImage {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header || header[3] !== '255') throw new TypeError('not an 8-bit binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: new Uint8Array(data.subarray(header[0].length, header[0].length + width * height)) };
}

export { seededRandom } from '../src/platform/random.js';

/** The page turned by `degrees` around its centre (bilinear), the uncovered corners white. */
export function rotate(img: GrayImage, degrees: number): GrayImage {
  const { width, height, pixels } = img;
  const out = new Uint8Array(width * height).fill(255);
  const rad = (degrees * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Where this output pixel comes from in the source.
      const dx = x - cx;
      const dy = y - cy;
      const sx = cos * dx + sin * dy + cx;
      const sy = -sin * dx + cos * dy + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = pixels[i]! * (1 - fx) + pixels[i + 1]! * fx;
      const bottom = pixels[i + width]! * (1 - fx) + pixels[i + width + 1]! * fx;
      out[y * width + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width, height, pixels: out };
}

/**
 * Mild scanner noise: paper a little gray with a slow unevenness (±`shade` levels across the page),
 * ink a little lighter and grainy (±`grain` levels on inked pixels only, so that the paper stays
 * compressible), and a few dark specks (`specksPerMillion` pixels in a million).
 */
export function addNoise(img: GrayImage, random: () => number, options: { shade: number; grain: number; specksPerMillion: number }): GrayImage {
  const { width, height } = img;
  const out = new Uint8Array(img.pixels.length);
  const phase = random() * Math.PI * 2;
  for (let y = 0; y < height; y++) {
    const paper = 243 + Math.round(options.shade * Math.sin(phase + (y / height) * Math.PI));
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const v = img.pixels[i]!;
      const inked = v < 235 ? Math.round((random() * 2 - 1) * options.grain) : 0;
      out[i] = Math.max(0, Math.min(255, Math.round(22 + ((paper - 22) * v) / 255) + inked));
    }
  }
  const specks = Math.round((out.length * options.specksPerMillion) / 1e6);
  for (let s = 0; s < specks; s++) {
    const i = Math.floor(random() * out.length);
    out[i] = 40 + Math.floor(random() * 80);
    if (random() < 0.5 && i + 1 < out.length) out[i + 1] = 90;
  }
  return { width, height, pixels: out };
}

/** PNG-style row filters (PDF /Predictor 15): each row Sub, Up or Paeth, whichever is smallest. */
function predict(img: GrayImage): Buffer {
  const { width, height, pixels } = img;
  const out = Buffer.alloc((width + 1) * height);
  const rows = [new Uint8Array(width), new Uint8Array(width), new Uint8Array(width)];
  for (let y = 0; y < height; y++) {
    let best = 0;
    let bestCost = Infinity;
    for (let f = 0; f < 3; f++) {
      const row = rows[f]!;
      let cost = 0;
      for (let x = 0; x < width; x++) {
        const i = y * width + x;
        const a = x > 0 ? pixels[i - 1]! : 0;
        const b = y > 0 ? pixels[i - width]! : 0;
        const c = x > 0 && y > 0 ? pixels[i - width - 1]! : 0;
        let p = a;
        if (f === 1) p = b;
        if (f === 2) {
          const pa = Math.abs(b - c);
          const pb = Math.abs(a - c);
          const pc = Math.abs(a + b - 2 * c);
          p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
        row[x] = (pixels[i]! - p) & 0xff;
        cost += row[x]! < 128 ? row[x]! : 256 - row[x]!;
      }
      if (cost < bestCost) [best, bestCost] = [f, cost];
    }
    out[y * (width + 1)] = [1, 2, 4][best]!;
    out.set(rows[best]!, y * (width + 1) + 1);
  }
  return out;
}

/** An image-only PDF: one gray image a page, the page as large as the image at `dpi`. */
export function imagePdf(pages: readonly GrayImage[], dpi: number, encoding: 'jpeg' | 'flate' = 'jpeg', quality = 60): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string): number => objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // the page tree, written once the pages are known
  const kids: number[] = [];
  for (const img of pages) {
    const w = (img.width * 72) / dpi;
    const h = (img.height * 72) / dpi;
    const data = encoding === 'jpeg' ? encodeGrayJpeg(img, quality, dpi) : deflateSync(predict(img), { level: 9 });
    const filter = encoding === 'jpeg' ? '/DCTDecode' : `/FlateDecode /DecodeParms << /Predictor 15 /Colors 1 /BitsPerComponent 8 /Columns ${img.width} >>`;
    const image = add(
      Buffer.concat([
        Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter ${filter} /Length ${data.length} >>\nstream\n`, 'latin1'),
        data,
        Buffer.from('\nendstream', 'latin1'),
      ]),
    );
    const draw = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`;
    const content = add(`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}
