import { createHmac, hkdfSync } from 'node:crypto';

/**
 * A participant's identity keys (pure). One person = one normalised Vietnamese mobile number or one
 * ID number: both are stored only as keyed hashes (HMAC-SHA-256) under keys derived (HKDF) from the
 * server's contact key, one per purpose — never the raw contact key — so a leaked table cannot be
 * reversed by hashing every phone number without the server's secret.
 */

type Purpose = 'contests.phone' | 'contests.id-number' | 'contests.tokens';

/** Derived keys per contact key buffer (the server's provider hands out one buffer): every token check needs one. */
const derived = new WeakMap<Buffer, Map<Purpose, Buffer>>();

/** A key for one purpose, derived from the server's contact key (HKDF-SHA-256, info = purpose); derived once per key. */
export function deriveKey(contactKey: Buffer, purpose: Purpose): Buffer {
  let keys = derived.get(contactKey);
  if (!keys) derived.set(contactKey, (keys = new Map()));
  let key = keys.get(purpose);
  if (!key) keys.set(purpose, (key = Buffer.from(hkdfSync('sha256', contactKey, Buffer.alloc(0), purpose, 32))));
  return key;
}

/**
 * A Vietnamese mobile number in its national form `0xxxxxxxxx` (10 digits), from what people type:
 * `+84 912 345 678`, `84912345678`, `0912.345.678`, `0912-345-678`; null when it is not one.
 */
export function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s.\-()]/g, '');
  let national: string;
  if (/^\+84\d+$/.test(compact)) national = '0' + compact.slice(3);
  else if (/^84\d{9}$/.test(compact)) national = '0' + compact.slice(2);
  else if (/^0\d+$/.test(compact)) national = compact;
  else if (/^[35789]\d{8}$/.test(compact)) national = '0' + compact;
  else return null;
  return /^0[35789]\d{8}$/.test(national) ? national : null;
}

/** An ID number (CMND 9 digits or CCCD 12 digits) without spaces; null otherwise. */
export function normaliseIdNumber(raw: string): string | null {
  const compact = raw.replace(/[\s.-]/g, '');
  return /^(\d{9}|\d{12})$/.test(compact) ? compact : null;
}

/** What published results show of a phone: 0912***678. */
export function maskPhone(national: string): string {
  return `${national.slice(0, 4)}***${national.slice(-3)}`;
}

const keyed = (key: Buffer, value: string) => createHmac('sha256', key).update(value, 'utf8').digest('base64url');

export interface IdentityKeys {
  phoneKey: string;
  phoneMasked: string;
  idHash: string | null;
  idLast4: string | null;
}

/** The stored keys of a normalised phone and ID number. */
export function identityKeys(contactKey: Buffer, phone: string, idNumber: string | null): IdentityKeys {
  return {
    phoneKey: keyed(deriveKey(contactKey, 'contests.phone'), phone),
    phoneMasked: maskPhone(phone),
    idHash: idNumber === null ? null : keyed(deriveKey(contactKey, 'contests.id-number'), idNumber),
    idLast4: idNumber === null ? null : idNumber.slice(-4),
  };
}
