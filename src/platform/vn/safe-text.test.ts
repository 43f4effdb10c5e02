import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnsafeText, hasUnsafeText, safeString, toSafeJson, toSafeText, toWellFormed } from './index.js';

describe('text PostgreSQL can store', () => {
  it('finds NULs and lone surrogates, not surrogate pairs', () => {
    expect(hasUnsafeText('Tán thành 👍')).toBe(false);
    expect(hasUnsafeText('a\u0000b')).toBe(true);
    expect(hasUnsafeText('a\uD83D')).toBe(true);
    expect(hasUnsafeText('\uDC4Da')).toBe(true);
    expect(hasUnsafeText('\uDC4D\uD83D')).toBe(true);
  });

  it('repairs: NUL removed, lone surrogate → U+FFFD, pairs kept; toWellFormed keeps NULs', () => {
    expect(toSafeText('a\u0000b\uD83D c 👍')).toBe('ab\uFFFD c 👍');
    expect(toWellFormed('a\u0000\uDC00')).toBe('a\u0000\uFFFD');
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => !hasUnsafeText(toSafeText(s)) && (hasUnsafeText(s) || toSafeText(s) === s)));
  });

  it('finds the path of a bad string in JSON (keys too) and repairs a copy', () => {
    const value = { a: [1, { b: 'ok', c: 'x\u0000' }] };
    expect(findUnsafeText(value)).toEqual(['a', 1, 'c']);
    expect(findUnsafeText({ ['k\uD800']: 1 })).toEqual(['k\uD800']);
    expect(toSafeJson(value)).toEqual({ a: [1, { b: 'ok', c: 'x' }] });
    const clean = { a: 'ok' };
    expect(toSafeJson(clean)).toBe(clean);
  });

  it('safeString refuses a NUL, repairs a lone surrogate and chains like z.string()', () => {
    const field = safeString().trim().min(1).max(5);
    expect(field.safeParse(' a\uD800 ')).toEqual({ success: true, data: 'a\uFFFD' });
    expect(field.safeParse('a\u0000').success).toBe(false);
    expect(field.safeParse('abcdef').success).toBe(false);
  });
});
