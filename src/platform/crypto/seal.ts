import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption of small secrets (contributors' contact details) with AES-256-GCM.
 * Format, all parts base64url: `v1:<iv 12 bytes>:<tag 16 bytes>:<ciphertext>`. The version prefix
 * lets a later format (or key rotation) be recognised without guessing.
 */

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new SealError(`the key must be ${KEY_BYTES} bytes, got ${key.length}`);
}

/** Encrypts `plaintext` (UTF-8) with a fresh random IV. */
export function seal(plaintext: string, key: Buffer): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join(':');
}

/** Decrypts a value made by `seal`; throws SealError when it was altered, is malformed or the key is wrong. */
export function unseal(sealed: string, key: Buffer): string {
  checkKey(key);
  const parts = sealed.split(':');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new SealError('not a sealed value (expected v1:<iv>:<tag>:<ciphertext>)');
  const [, ivText = '', tagText = '', dataText = ''] = parts;
  const base64url = /^[A-Za-z0-9_-]*$/;
  if (![ivText, tagText, dataText].every((p) => base64url.test(p))) throw new SealError('malformed sealed value');
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SealError('malformed sealed value');
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(Buffer.from(dataText, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SealError('the sealed value was altered or the key is wrong');
  }
}
