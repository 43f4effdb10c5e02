import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { identityKeys, maskPhone, normaliseIdNumber, normalisePhone } from './identity.js';
import { attemptToken, participantToken, practiceToken, readAttemptToken, readParticipantToken, readPracticeToken } from './tokens.js';

const key = randomBytes(32);

describe('normalisePhone', () => {
  it('reads +84, 84 and 0 prefixes with spaces, dots and dashes as one number', () => {
    for (const raw of ['0912345678', '+84 912 345 678', '84912345678', '0912.345.678', '0912-345-678', ' +84912345678 ', '(+84) 912 345 678'.replace('(+84)', '+84')]) {
      expect(normalisePhone(raw), raw).toBe('0912345678');
    }
  });

  it('refuses what is not a Vietnamese mobile number', () => {
    for (const raw of ['', '091234567', '09123456789', '0212345678', 'abc', '+1 912 345 678', '1912345678']) {
      expect(normalisePhone(raw), raw).toBeNull();
    }
  });
});

describe('normaliseIdNumber and the keys', () => {
  it('takes 9 or 12 digits only', () => {
    expect(normaliseIdNumber('001 203 004 567')).toBe('001203004567');
    expect(normaliseIdNumber('123456789')).toBe('123456789');
    expect(normaliseIdNumber('1234567890')).toBeNull();
    expect(normaliseIdNumber('00120300456A')).toBeNull();
  });

  it('hashes with a server key: same input same key, another server key another hash, never the clear value', () => {
    const a = identityKeys(key, '0912345678', '001203004567');
    expect(identityKeys(key, '0912345678', '001203004567')).toEqual(a);
    const other = identityKeys(randomBytes(32), '0912345678', '001203004567');
    expect(other.phoneKey).not.toBe(a.phoneKey);
    expect(other.idHash).not.toBe(a.idHash);
    expect(a.phoneKey).not.toContain('912345678');
    expect(a.idHash).not.toBe(a.phoneKey);
    expect(a.idLast4).toBe('4567');
    expect(a.phoneMasked).toBe(maskPhone('0912345678'));
    expect(a.phoneMasked).toBe('0912***678');
  });
});

describe('signed tokens', () => {
  it('round-trip and refuse any change, another key, or another kind', () => {
    const p = participantToken(key, 7, 123);
    expect(readParticipantToken(key, p)).toEqual({ contestId: 7, participantId: 123 });
    expect(readParticipantToken(key, p.replace('.123.', '.124.'))).toBeNull();
    expect(readParticipantToken(randomBytes(32), p)).toBeNull();
    expect(readAttemptToken(key, p)).toBeNull();
    const a = attemptToken(key, 99);
    expect(readAttemptToken(key, a)).toBe(99);
    expect(readAttemptToken(key, a.slice(0, -1))).toBeNull();
    expect(readAttemptToken(key, '99')).toBeNull();
    expect(readParticipantToken(key, a)).toBeNull();
    const q = practiceToken(key, { contestId: 1, seed: 'abcDEF_-12', pool: 'xyz' });
    expect(readPracticeToken(key, q)).toEqual({ contestId: 1, seed: 'abcDEF_-12', pool: 'xyz' });
    expect(q.length).toBeLessThan(80);
    expect(readPracticeToken(key, q + 'x')).toBeNull();
  });

  it('stay refused under another key, as another kind or altered once the real one was read (the cache of verified tokens)', () => {
    const a = attemptToken(key, 4242);
    for (let i = 0; i < 3; i++) expect(readAttemptToken(key, a)).toBe(4242);
    expect(readAttemptToken(randomBytes(32), a)).toBeNull();
    expect(readParticipantToken(key, a)).toBeNull();
    expect(readAttemptToken(key, a.replace('.4242.', '.4243.'))).toBeNull();
    expect(readAttemptToken(key, `${a.slice(0, -2)}${a.endsWith('AA') ? 'BB' : 'AA'}`)).toBeNull();
    expect(readAttemptToken(key, a)).toBe(4242);
  });
});
