import net from 'node:net';

/** Fastify's `trustProxy`: off, every hop, the nearest N hops, or these addresses / CIDR ranges. */
export type TrustProxy = boolean | number | string[];

const PROBLEM =
  'phải là false, true, số proxy (ví dụ 1) hoặc danh sách địa chỉ/CIDR cách nhau bởi dấu phẩy (ví dụ 127.0.0.1,10.0.0.0/8) / ' +
  'must be false, true, a hop count (e.g. 1) or a comma list of addresses/CIDRs (e.g. 127.0.0.1,10.0.0.0/8)';

function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Parses LANTOA_TRUST_PROXY. `false` (default): X-Forwarded-* headers are ignored, the client is the
 * TCP peer. `true`: believe every hop (only when nothing but the proxy can reach the app). A number:
 * believe that many proxies in front. Addresses/CIDRs: believe only proxies at those addresses.
 */
export function parseTrustProxy(raw: string): { value: TrustProxy } | { problem: string } {
  const value = raw.trim().toLowerCase();
  if (value === 'false' || value === '0') return { value: false };
  if (value === 'true') return { value: true };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= 100 ? { value: hops } : { problem: PROBLEM };
  }
  const entries = value.split(',').map((e) => e.trim());
  if (entries.some((e) => e === '' || !isAddressOrCidr(e))) return { problem: PROBLEM };
  return { value: entries };
}

/** The value for Fastify's `trustProxy` option (its types take a hop count only as a function). */
export function fastifyTrustProxy(value: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address: string, hop: number) => hop < value : value;
}
