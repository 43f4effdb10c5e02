import { describe, expect, it } from 'vitest';
import { vietnamToday } from './vietnam.js';

describe('vietnamToday', () => {
  it('is the date in Vietnam, not the server’s: 17:00 UTC is already the next day in Hà Nội', () => {
    expect(vietnamToday(new Date('2025-12-31T17:00:00Z'))).toEqual({ year: 2026, month: 1, day: 1 });
    expect(vietnamToday(new Date('2025-12-31T16:59:59Z'))).toEqual({ year: 2025, month: 12, day: 31 });
  });
});
