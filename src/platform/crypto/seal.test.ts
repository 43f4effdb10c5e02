import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sealContact, unsealContact } from './contact.js';
import { seal, SealError, unseal } from './seal.js';

const key = randomBytes(32);

describe('seal / unseal (AES-256-GCM)', () => {
  it('round-trips any text, including Vietnamese and empty strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(unseal(seal(text, key), key)).toBe(text);
      }),
    );
    expect(unseal(seal('Nguyễn Thị Hồng — 0912 345 678', key), key)).toBe('Nguyễn Thị Hồng — 0912 345 678');
  });

  it('writes the versioned format v1:<iv>:<tag>:<ciphertext> with a fresh IV each time', () => {
    const a = seal('0912345678', key);
    const b = seal('0912345678', key);
    expect(a).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('0912345678');
  });

  it('detects tampering with any part', () => {
    const sealed = seal('Nguyễn Văn An, 0912345678', key);
    const [v, iv, tag, data] = sealed.split(':') as [string, string, string, string];
    const flip = (part: string) => {
      const bytes = Buffer.from(part, 'base64url');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString('base64url');
    };
    for (const altered of [
      [v, flip(iv), tag, data],
      [v, iv, flip(tag), data],
      [v, iv, tag, flip(data)],
      [v, iv, tag, data.slice(0, -2)],
      ['v2', iv, tag, data],
    ]) {
      expect(() => unseal(altered.join(':'), key)).toThrow(SealError);
    }
    expect(() => unseal('0912345678', key)).toThrow(SealError);
    expect(() => unseal('v1:***:***:***', key)).toThrow(SealError);
  });

  it('refuses a wrong key and keys of the wrong length', () => {
    const sealed = seal('bí mật', key);
    expect(() => unseal(sealed, randomBytes(32))).toThrow(SealError);
    expect(() => seal('x', randomBytes(16))).toThrow(SealError);
    expect(() => unseal(sealed, randomBytes(31))).toThrow(SealError);
  });

  it('seals contact details as one object', () => {
    const contact = { name: 'Trần Thị Bình', phone: '0987654321', idNumber: null };
    const sealed = sealContact(contact, key);
    expect(sealed).not.toContain('0987654321');
    expect(unsealContact(sealed, key)).toEqual(contact);
  });
});
