/**
 * Where a byte sequence stops being UTF-8: the offset of the first byte that does not start or
 * continue a valid sequence (overlong forms, surrogates encoded as bytes — ED A0..BF — and code
 * points past U+10FFFF count as invalid), or -1 when all of `bytes` is valid. A sequence cut off at
 * the very end counts as valid when `final` is false (the next chunk may complete it).
 */
export function firstInvalidUtf8(bytes: Uint8Array, final = true): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f; // no UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return final ? i : -1;
      const c = bytes[i + k] as number;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** The bytes at the end of `bytes` that begin a UTF-8 sequence it does not complete (at most 3). */
export function incompleteTail(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back] as number;
    if (b < 0x80) return bytes.subarray(bytes.length);
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return length > back ? bytes.subarray(bytes.length - back) : bytes.subarray(bytes.length);
    }
  }
  return bytes.subarray(bytes.length);
}

/** The 1-based line (counting LF) holding the byte at `offset`, given the lines before `bytes`. */
export function lineOfOffset(bytes: Uint8Array, offset: number, linesBefore = 0): number {
  let line = linesBefore + 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

export function countLines(bytes: Uint8Array): number {
  let lines = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) lines++;
  return lines;
}

/** The Vietnamese message for a CSV that is not UTF-8, naming the first line where it is not. */
export function notUtf8Message(line: number): string {
  return `Tệp CSV không ở mã UTF-8: dòng ${line} có byte không hợp lệ (ví dụ ký tự bị cắt đôi hoặc mã Windows-1258/TCVN3). Hãy lưu lại tệp với định dạng "CSV UTF-8".`;
}
