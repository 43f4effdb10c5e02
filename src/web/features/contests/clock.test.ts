import { describe, expect, it } from 'vitest';
import { clockOffset, formatCountdown, remainingMs } from './clock.js';

describe('the attempt clock', () => {
  it('counts down on the server clock, whatever the device clock says', () => {
    // The device is 5 minutes behind the server.
    const device = Date.parse('2026-12-06T09:55:00Z');
    const offset = clockOffset('2026-12-06T10:00:00Z', device);
    expect(offset).toBe(5 * 60_000);
    expect(remainingMs('2026-12-06T10:10:00Z', offset, device)).toBe(10 * 60_000);
    expect(remainingMs('2026-12-06T10:10:00Z', offset, device + 9 * 60_000 + 59_500)).toBe(500);
    expect(remainingMs('2026-12-06T10:10:00Z', offset, device + 11 * 60_000)).toBe(0);
  });

  it('treats an unreadable server time as no offset', () => {
    expect(clockOffset('', 1000)).toBe(0);
  });

  it('shows minutes and seconds, rounded up', () => {
    expect(formatCountdown(600_000)).toBe('10:00');
    expect(formatCountdown(65_001)).toBe('01:06');
    expect(formatCountdown(200)).toBe('00:01');
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(3_661_000)).toBe('1:01:01');
  });
});
