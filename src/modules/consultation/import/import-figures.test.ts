import { describe, expect, it } from 'vitest';
import { weekStartMs } from './import-figures.js';

const vn = (local: string) => Date.parse(`${local}+07:00`);
const WEDNESDAY_16 = { weekday: 3, time: '16:00' };

describe('weekStartMs', () => {
  it('starts a week at the cut-off instant, which belongs to the new week', () => {
    expect(weekStartMs(vn('2025-11-05T16:00:00'), WEDNESDAY_16)).toBe(vn('2025-11-05T16:00:00'));
    expect(weekStartMs(vn('2025-11-05T15:59:59.999'), WEDNESDAY_16)).toBe(vn('2025-10-29T16:00:00'));
    expect(weekStartMs(vn('2025-11-12T15:00:00'), WEDNESDAY_16)).toBe(vn('2025-11-05T16:00:00'));
  });

  it('follows other cut-offs (Monday 08:30)', () => {
    expect(weekStartMs(vn('2025-11-05T12:00:00'), { weekday: 1, time: '08:30' })).toBe(vn('2025-11-03T08:30:00'));
    expect(weekStartMs(vn('2025-11-03T08:29:00'), { weekday: 1, time: '08:30' })).toBe(vn('2025-10-27T08:30:00'));
  });
});
