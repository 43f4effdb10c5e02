import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { fastifyTrustProxy, parseTrustProxy, type TrustProxy } from './trust-proxy.js';

async function clientAddress(setting: string, forwardedFor: string): Promise<string> {
  const parsed = parseTrustProxy(setting);
  if (!('value' in parsed)) throw new Error(parsed.problem);
  const app = Fastify({ trustProxy: fastifyTrustProxy(parsed.value as TrustProxy) });
  app.get('/', async (request) => ({ ip: request.ip }));
  const res = await app.inject({ url: '/', headers: { 'x-forwarded-for': forwardedFor } });
  await app.close();
  return (res.json() as { ip: string }).ip;
}

describe('Fastify client address under each LANTOA_TRUST_PROXY form', () => {
  // app.inject's peer is 127.0.0.1; the header lists client, then each proxy that forwarded it.
  const chain = '198.51.100.1, 203.0.113.9';
  it('false: the TCP peer, whatever the header says', async () => {
    expect(await clientAddress('false', chain)).toBe('127.0.0.1');
  });
  it('a hop count: the address that many proxies back', async () => {
    expect(await clientAddress('1', chain)).toBe('203.0.113.9');
    expect(await clientAddress('2', chain)).toBe('198.51.100.1');
  });
  it('addresses: only the listed proxies are believed', async () => {
    expect(await clientAddress('127.0.0.1', chain)).toBe('203.0.113.9');
    expect(await clientAddress('127.0.0.1,203.0.113.0/24', chain)).toBe('198.51.100.1');
    expect(await clientAddress('10.0.0.0/8', chain)).toBe('127.0.0.1');
  });
});
