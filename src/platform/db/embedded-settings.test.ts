import { describe, expect, it } from 'vitest';
import { embeddedServerFlags, sharedBuffersMb } from './embedded-settings.js';

const GB = 1024 ** 3;

describe('the embedded PostgreSQL’s buffer cache', () => {
  it('is an eighth of the RAM, at least 128 MB and at most 2 GB', () => {
    expect(sharedBuffersMb(0.5 * GB)).toBe(128);
    expect(sharedBuffersMb(2 * GB)).toBe(256);
    expect(sharedBuffersMb(8 * GB)).toBe(1024);
    expect(sharedBuffersMb(24 * GB)).toBe(2048);
    expect(sharedBuffersMb(256 * GB)).toBe(2048);
  });

  it('is passed to the server with the loopback-only listener', () => {
    expect(embeddedServerFlags(8 * GB)).toEqual(['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', '-c', 'shared_buffers=1024MB']);
  });
});
