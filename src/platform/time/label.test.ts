import { describe, expect, it } from 'vitest';
import { periodLabel, periodRangeLabel } from './label.js';
import { periodAt, periodClosingOn } from './schedule.js';
import { parseInstant } from './vietnam.js';

describe('periodLabel', () => {
  it('names a week by its days and its cut-off', () => {
    const p = periodClosingOn({ kind: 'weekly', weekday: 3, time: '16:00' }, '2025-11-05');
    expect(periodLabel(p)).toBe('Tuần 30/10/2025 – 05/11/2025 (chốt 16:00 thứ Tư 05/11/2025)');
    expect(periodLabel(periodClosingOn({ kind: 'weekly', weekday: 7, time: '24:00' }, '2026-01-04'))).toBe(
      'Tuần 29/12/2025 – 04/01/2026 (chốt 24:00 Chủ nhật 04/01/2026)',
    );
    expect(periodLabel(periodClosingOn({ kind: 'weekly', weekday: 1, time: '00:00' }, '2025-11-03'))).toBe(
      'Tuần 27/10/2025 – 02/11/2025 (chốt 00:00 thứ Hai 03/11/2025)',
    );
  });

  it('names Decree 09 periods', () => {
    expect(periodLabel(periodClosingOn({ kind: 'monthly' }, '2026-01-14'))).toBe('Tháng 01/2026 (15/12/2025 – 14/01/2026)');
    expect(periodLabel(periodClosingOn({ kind: 'quarterly' }, '2026-03-14'))).toBe('Quý I/2026');
    expect(periodLabel(periodClosingOn({ kind: 'quarterly' }, '2026-12-14'))).toBe('Quý IV/2026');
    expect(periodLabel(periodClosingOn({ kind: 'half_year' }, '2026-06-14'))).toBe('6 tháng đầu năm 2026');
    expect(periodLabel(periodClosingOn({ kind: 'half_year' }, '2026-12-14'))).toBe('6 tháng cuối năm 2026');
    expect(periodLabel(periodClosingOn({ kind: 'yearly' }, '2026-12-14'))).toBe('Năm 2026');
    expect(periodRangeLabel(periodClosingOn({ kind: 'quarterly' }, '2026-03-14'))).toBe('15/12/2025 – 14/03/2026');
    expect(periodRangeLabel(periodClosingOn({ kind: 'yearly' }, '2026-12-14'))).toBe('15/12/2025 – 14/12/2026');
  });

  it('names a one-off window by its days', () => {
    const p = periodAt({ kind: 'one_off', start: '2025-11-01T08:00', end: '2025-11-06T00:00' }, parseInstant('2025-11-02'));
    expect(p && periodLabel(p)).toBe('Đợt 01/11/2025 – 05/11/2025');
  });
});
