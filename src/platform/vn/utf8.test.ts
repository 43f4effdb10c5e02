import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, incompleteTail, lineOfOffset } from './utf8.js';

describe('firstInvalidUtf8', () => {
  it('accepts every well-formed string, as TextDecoder does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(firstInvalidUtf8(Buffer.from(text, 'utf8'))).toBe(-1);
      }),
    );
  });

  it('agrees with a fatal TextDecoder on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(bytes) === -1).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a lone surrogate written as bytes (CESU-8) and Windows-1258 text on their line', () => {
    const cesu = Buffer.concat([Buffer.from('a,b\nc,d\ne,'), Buffer.from([0xed, 0xa0, 0xbd]), Buffer.from('\n')]);
    const at = firstInvalidUtf8(cesu);
    expect(at).toBe(10);
    expect(lineOfOffset(cesu, at)).toBe(3);
    const cp1258 = Buffer.from([0x78, 0xe3, 0x0a]); // "xã" in Windows-1258
    expect(firstInvalidUtf8(cp1258)).toBe(1);
  });

  it('leaves a sequence cut at the end of a chunk for the next one', () => {
    const bytes = Buffer.from('Việt', 'utf8');
    expect(firstInvalidUtf8(bytes.subarray(0, 3), false)).toBe(-1);
    expect(firstInvalidUtf8(bytes.subarray(0, 3), true)).toBe(2);
  });
});

describe('incompleteTail', () => {
  it('is the start of a sequence cut at the end, and nothing for a complete end', () => {
    const bytes = Buffer.from('Việt', 'utf8'); // V i E1 BB 87 t
    expect([...incompleteTail(bytes.subarray(0, 3))]).toEqual([0xe1]);
    expect([...incompleteTail(bytes.subarray(0, 4))]).toEqual([0xe1, 0xbb]);
    expect([...incompleteTail(bytes.subarray(0, 5))]).toEqual([]);
    expect([...incompleteTail(bytes)]).toEqual([]);
  });
});
