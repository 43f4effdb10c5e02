import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey } from './identity.js';

/**
 * Signed tokens of the public contest pages (stateless, HMAC-SHA-256 under a key derived from the
 * server's contact key): `p.<contestId>.<participantId>.<sig>` names a participant of a contest,
 * `a.<attemptId>.<sig>` an attempt, `q.<payload>.<sig>` a practice sheet. No expiry: a participant
 * token is good for the contest's life; an attempt's own deadline bounds what it can do. The kind
 * letter is signed too, so one kind never passes for another.
 */

const sign = (key: Buffer, body: string) => createHmac('sha256', deriveKey(key, 'contests.tokens')).update(body).digest('base64url');

function signed(key: Buffer, body: string): string {
  return `${body}.${sign(key, body)}`;
}

function verified(key: Buffer, token: string, kind: string): string[] | null {
  const cut = token.lastIndexOf('.');
  if (cut < 0) return null;
  const body = token.slice(0, cut);
  const given = Buffer.from(token.slice(cut + 1));
  const expected = Buffer.from(sign(key, body));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const parts = body.split('.');
  return parts[0] === kind ? parts.slice(1) : null;
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

export function practiceToken(key: Buffer, payload: unknown): string {
  return signed(key, `q.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`);
}

export function readPracticeToken(key: Buffer, token: string): unknown {
  const parts = verified(key, token, 'q');
  if (parts?.length !== 1) return null;
  try {
    return JSON.parse(Buffer.from(parts[0] as string, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}
