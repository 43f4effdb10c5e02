import { describe, expect, it } from 'vitest';
import { symbolKey } from './symbol-key.js';

describe('symbolKey', () => {
  it('folds spacing, dashes and Đ; a blank number has no key', () => {
    expect(symbolKey('816-CV/ĐU')).toBe(symbolKey('816 – CV/DU'));
    expect(symbolKey('167-CV/BTGDVTU')).toBe('167-CV/BTGDVTU');
    expect(symbolKey('-CV/ĐU')).toBeNull();
    expect(symbolKey('/VHTTDL-TTBCXB')).toBeNull();
    expect(symbolKey(null)).toBeNull();
  });
});
