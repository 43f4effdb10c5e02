import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey } from './identity.js';

/**
 * Signed tokens of the public contest pages (stateless, HMAC-SHA-256 under a key derived from the
 * server's contact key): `p.<contestId>.<participantId>.<sig>` names a participant of a contest,
 * `a.<attemptId>.<sig>` an attempt, `q.<contestId>.<seed>.<pool>.<sig>` a practice sheet (short: a path parameter). No expiry: a participant
 * token is good for the contest's life; an attempt's own deadline bounds what it can do. The kind
 * letter is signed too, so one kind never passes for another.
 */

const sign = (key: Buffer, body: string) => createHmac('sha256', deriveKey(key, 'contests.tokens')).update(body).digest('base64url');

function signed(key: Buffer, body: string): string {
  return `${body}.${sign(key, body)}`;
}

/**
 * Tokens already verified under a key, with their parts: an attempt's token comes back with each of
 * its saves (a dozen a minute per person at a deadline), and its HMAC was a measurable share of a
 * save's CPU. Only tokens whose signature checked are kept (a forged token costs the HMAC every
 * time and takes no room), at most VERIFIED_MAX per key, the oldest dropped first.
 */
const VERIFIED_MAX = 50_000;
const verifiedByKey = new WeakMap<Buffer, Map<string, string[]>>();

function verified(key: Buffer, token: string, kind: string): string[] | null {
  let cache = verifiedByKey.get(key);
  if (!cache) verifiedByKey.set(key, (cache = new Map()));
  let parts = cache.get(token);
  if (parts === undefined) {
    const checked = checkSignature(key, token);
    if (checked === null) return null;
    parts = checked;
    if (cache.size >= VERIFIED_MAX) cache.delete(cache.keys().next().value as string);
    cache.set(token, parts);
  }
  return parts[0] === kind ? parts.slice(1) : null;
}

/** The token's signed parts (kind first), or null when its signature is not ours. */
function checkSignature(key: Buffer, token: string): string[] | null {
  const cut = token.lastIndexOf('.');
  if (cut < 0) return null;
  const body = token.slice(0, cut);
  const given = Buffer.from(token.slice(cut + 1));
  const expected = Buffer.from(sign(key, body));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return body.split('.');
}

const positiveInt = (text: string | undefined): number | null => (text !== undefined && /^[1-9]\d{0,15}$/.test(text) ? Number(text) : null);

export function participantToken(key: Buffer, contestId: number, participantId: number): string {
  return signed(key, `p.${contestId}.${participantId}`);
}

export function readParticipantToken(key: Buffer, token: string): { contestId: number; participantId: number } | null {
  const parts = verified(key, token, 'p');
  const contestId = positiveInt(parts?.[0]);
  const participantId = positiveInt(parts?.[1]);
  return parts?.length === 2 && contestId !== null && participantId !== null ? { contestId, participantId } : null;
}

export function attemptToken(key: Buffer, attemptId: number): string {
  return signed(key, `a.${attemptId}`);
}

export function readAttemptToken(key: Buffer, token: string): number | null {
  const parts = verified(key, token, 'a');
  return parts?.length === 1 ? positiveInt(parts[0]) : null;
}

/** A practice sheet: the contest, the seed its questions and option orders are drawn from, and the pool's fingerprint. */
export function practiceToken(key: Buffer, sheet: { contestId: number; seed: string; pool: string }): string {
  return signed(key, `q.${sheet.contestId}.${sheet.seed}.${sheet.pool}`);
}

export function readPracticeToken(key: Buffer, token: string): { contestId: number; seed: string; pool: string } | null {
  const parts = verified(key, token, 'q');
  const contestId = positiveInt(parts?.[0]);
  return parts?.length === 3 && contestId !== null ? { contestId, seed: parts[1] as string, pool: parts[2] as string } : null;
}
