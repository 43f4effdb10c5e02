import { describe, it, expect } from 'vitest';
import { isoDateOf, parseViDate } from './index.js';

describe('parseViDate', () => {
  it.each([
    ['2025-12-26', '2025-12-26'],
    ['26/12/2025', '2025-12-26'],
    ['09/7/2025', '2025-07-09'],
    ['3/2/1930', '1930-02-03'],
    [' 29/02/2024 ', '2024-02-29'],
    ['29.02.2024', '2024-02-29'],
  ])('%j → %s', (input, expected) => {
    expect(parseViDate(input)).toBe(expected);
  });

  it.each(['2025-02-30', '29/02/2025', '2025-13-01', '32/01/2025', '2025/12/26', '12-26', '', 'ngày 26/12/2025', '2025-1-5'])(
    'rejects %j',
    (input) => {
      expect(parseViDate(input)).toBeNull();
    },
  );
});

describe('isoDateOf', () => {
  it('uses the UTC calendar date', () => {
    expect(isoDateOf(new Date(Date.UTC(2026, 1, 3)))).toBe('2026-02-03');
    expect(isoDateOf(new Date(NaN))).toBeNull();
  });
});
