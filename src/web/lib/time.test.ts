import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, vnDayEndIso, vnDayStartIso } from './time.js';

describe('Vietnam time', () => {
  it('shows instants in Asia/Ho_Chi_Minh whatever the process zone', () => {
    expect(formatDateTime('2026-11-22T16:05:00Z')).toBe('22/11/2026 23:05');
    expect(formatDateTime('2026-11-22T17:00:00Z')).toBe('23/11/2026 00:00');
    expect(formatDateTime(null)).toBe('—');
  });

  it('formats calendar dates without any zone shift', () => {
    expect(formatDate('2026-01-19')).toBe('19/01/2026');
  });

  it('turns a Vietnam calendar day into instant bounds', () => {
    expect(vnDayStartIso('2026-11-22')).toBe('2026-11-21T17:00:00.000Z');
    expect(vnDayEndIso('2026-11-22')).toBe('2026-11-22T16:59:59.999Z');
  });
});
