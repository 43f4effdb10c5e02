/**
 * A small baseline JPEG encoder for gray images (one component, the standard luminance tables of
 * ITU T.81 Annex K), so that the simulated scans are stored as scanners store them — gray JPEG at
 * 200 dpi — without an image package. Used only by the bench's fixture generator.
 */
import type { GrayImage } from './scan-image.js';

const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30,
  37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];
const LUMA_Q = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35,
  55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const AC_BITS = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d];
// prettier-ignore
const AC_VALS = [
  0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07, 0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08, 0x23, 0x42, 0xb1, 0xc1,
  0x15, 0x52, 0xd1, 0xf0, 0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39,
  0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75,
  0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7,
  0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8,
  0xd9, 0xda, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa,
];

/** Code and length of each symbol of a Huffman table given as (counts per length, symbols). */
function huffman(bits: number[], vals: number[]): Map<number, [code: number, length: number]> {
  const table = new Map<number, [number, number]>();
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    for (let i = 0; i < bits[len - 1]!; i++) table.set(vals[k++]!, [code++, len]);
    code <<= 1;
  }
  return table;
}
const DC = huffman(DC_BITS, DC_VALS);
const AC = huffman(AC_BITS, AC_VALS);

class BitWriter {
  bytes: number[] = [];
  private acc = 0;
  private n = 0;
  write(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((code >> i) & 1);
      if (++this.n === 8) this.flushByte();
    }
  }
  private flushByte(): void {
    this.bytes.push(this.acc);
    if (this.acc === 0xff) this.bytes.push(0); // byte stuffing
    this.acc = 0;
    this.n = 0;
  }
  end(): void {
    while (this.n !== 0) this.write(1, 1);
  }
}

/** Magnitude category and the bits of a coefficient (T.81 F.1.2.1). */
function category(v: number): [size: number, bits: number] {
  const a = Math.abs(v);
  const size = a === 0 ? 0 : Math.floor(Math.log2(a)) + 1;
  return [size, v >= 0 ? v : v + (1 << size) - 1];
}

const COS = Array.from({ length: 64 }, (_, i) => Math.cos(((2 * (i % 8) + 1) * Math.floor(i / 8) * Math.PI) / 16));

/** The 64 quantised coefficients of the block at (bx, by), in zigzag order. */
function block(img: GrayImage, bx: number, by: number, q: number[]): number[] {
  const s = new Float64Array(64);
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      const px = Math.min(img.width - 1, bx + x);
      const py = Math.min(img.height - 1, by + y);
      s[y * 8 + x] = img.pixels[py * img.width + px]! - 128;
    }
  }
  const out = new Array<number>(64);
  for (let v = 0; v < 8; v++) {
    for (let u = 0; u < 8; u++) {
      let sum = 0;
      for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) sum += s[y * 8 + x]! * COS[u * 8 + x]! * COS[v * 8 + y]!;
      const c = (u === 0 ? Math.SQRT1_2 : 1) * (v === 0 ? Math.SQRT1_2 : 1) * sum * 0.25;
      out[v * 8 + u] = Math.round(c / q[v * 8 + u]!);
    }
  }
  return ZIGZAG.map((i) => out[i]!);
}

function segment(marker: number, body: number[]): number[] {
  return [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
}

/** A baseline gray JPEG of `img` at `quality` (1–100, as libjpeg scales the tables) and `dpi`. */
export function encodeGrayJpeg(img: GrayImage, quality: number, dpi: number): Buffer {
  const scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
  const q = LUMA_Q.map((v) => Math.min(255, Math.max(1, Math.floor((v * scale + 50) / 100))));
  const bits = new BitWriter();
  let previousDc = 0;
  for (let by = 0; by < img.height; by += 8) {
    for (let bx = 0; bx < img.width; bx += 8) {
      const coef = block(img, bx, by, q);
      const [dcSize, dcBits] = category(coef[0]! - previousDc);
      previousDc = coef[0]!;
      bits.write(...DC.get(dcSize)!);
      if (dcSize) bits.write(dcBits, dcSize);
      let zeros = 0;
      for (let k = 1; k < 64; k++) {
        if (coef[k] === 0) {
          zeros++;
          continue;
        }
        while (zeros > 15) {
          bits.write(...AC.get(0xf0)!);
          zeros -= 16;
        }
        const [size, value] = category(coef[k]!);
        bits.write(...AC.get((zeros << 4) | size)!);
        bits.write(value, size);
        zeros = 0;
      }
      if (zeros > 0) bits.write(...AC.get(0x00)!);
    }
  }
  bits.end();
  const app0 = [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 1, dpi >> 8, dpi & 0xff, dpi >> 8, dpi & 0xff, 0, 0];
  const dqt = [0, ...ZIGZAG.map((i) => q[i]!)];
  const sof = [8, img.height >> 8, img.height & 0xff, img.width >> 8, img.width & 0xff, 1, 1, 0x11, 0];
  const dht = [0x00, ...DC_BITS, ...DC_VALS, 0x10, ...AC_BITS, ...AC_VALS];
  const sos = [1, 1, 0x00, 0, 63, 0];
  return Buffer.from([0xff, 0xd8, ...segment(0xe0, app0), ...segment(0xdb, dqt), ...segment(0xc0, sof), ...segment(0xc4, dht), ...segment(0xda, sos), ...bits.bytes, 0xff, 0xd9]);
}
