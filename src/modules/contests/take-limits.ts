import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fail } from '../../platform/errors.js';
import { normalisePhone } from './participants/identity.js';

/**
 * Rate limits of the participant pages, per minute and per process, each checked by client address
 * AND by person (the participant token on starts, the attempt token on saves, the phone on
 * registration), scaled from LANTOA_PUBLIC_RATE_LIMIT (default 30; 0 = off). A refusal is 429
 * CONTEST_RATE_LIMITED with a Vietnamese message and the seconds to wait. Addresses get generous
 * limits (a school or an office shares one); persons tight ones.
 */

type Limiter = (request: FastifyRequest) => Promise<void>;
type KeyOf = (request: FastifyRequest) => string;

export interface TakeLimits {
  read: Limiter[];
  register: Limiter[];
  start: Limiter[];
  save: Limiter[];
}

const byAddress: KeyOf = (request) => request.ip;
const header = (name: string): KeyOf => (request) => String(request.headers[name] ?? request.ip);
const byAttemptToken: KeyOf = (request) => String((request.params as { token?: string }).token ?? request.ip);
const byPhone: KeyOf = (request) => {
  const phone = String((request.body as { phone?: unknown } | undefined)?.phone ?? '');
  return normalisePhone(phone) ?? phone;
};

function limiter(app: FastifyInstance, name: string, max: number, keyOf: KeyOf): Limiter {
  // `cache` (the LRU size of this limiter's store; the default 5,000 keys is below 20,000 attempts in progress) is read by the store at run time but missing from the option type.
  const options = { max, timeWindow: 60_000, keyGenerator: (request: FastifyRequest) => `${name}:${keyOf(request)}`, cache: 50_000 };
  const check = app.createRateLimit(options as Parameters<FastifyInstance['createRateLimit']>[0]);
  return async (request) => {
    const outcome = await check(request);
    if (!outcome.isAllowed && outcome.isExceeded) fail('CONTEST_RATE_LIMITED', { max, retryAfterSeconds: Math.max(1, outcome.ttlInSeconds) });
  };
}

export function takeLimits(app: FastifyInstance): TakeLimits {
  const base = app.config.publicRateLimit;
  if (base <= 0) return { read: [], register: [], start: [], save: [] };
  return {
    read: [limiter(app, 'read', base * 10, byAddress)],
    register: [limiter(app, 'register-address', base, byAddress), limiter(app, 'register-phone', Math.max(2, Math.ceil(base / 6)), byPhone)],
    start: [limiter(app, 'start-address', base * 10, byAddress), limiter(app, 'start-person', Math.max(1, Math.ceil(base / 3)), header('x-participant-token'))],
    save: [limiter(app, 'save-address', base * 100, byAddress), limiter(app, 'save-attempt', base * 4, byAttemptToken)],
  };
}

/** A preHandler running the limiters in order (the first refusal wins). */
export function limitedBy(limiters: Limiter[]) {
  return limiters.length === 0
    ? {}
    : {
        preHandler: async (request: FastifyRequest) => {
          for (const check of limiters) await check(request);
        },
      };
}
