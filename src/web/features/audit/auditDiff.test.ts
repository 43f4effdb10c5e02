import { describe, expect, it } from 'vitest';
import { diffRows, formatScalar } from './auditDiff.js';

describe('audit diff', () => {
  it('lists every key of before and after, marking changes', () => {
    expect(diffRows({ name: 'A', kind: 'other' }, { name: 'B', kind: 'other', abbreviation: 'X' })).toEqual([
      { key: 'name', before: 'A', after: 'B', changed: true },
      { key: 'kind', before: 'other', after: 'other', changed: false },
      { key: 'abbreviation', before: undefined, after: 'X', changed: true },
    ]);
  });

  it('handles a creation (no before) and scalar snapshots', () => {
    expect(diffRows(null, { role: 'editor' })).toEqual([{ key: 'role', before: undefined, after: 'editor', changed: true }]);
    expect(diffRows(null, null)).toEqual([]);
    expect(diffRows(1, 2)).toEqual([{ key: '', before: 1, after: 2, changed: true }]);
  });

  it('renders values in Vietnamese', () => {
    expect(formatScalar('kind', 'commune')).toBe('Xã, phường');
    expect(formatScalar('role', 'viewer')).toBe('Người xem');
    expect(formatScalar('isActive', false)).toBe('Không');
    expect(formatScalar('activeTo', '2025-06-30')).toBe('30/06/2025');
    expect(formatScalar('lockedUntil', '2026-11-22T16:05:00Z')).toBe('22/11/2026 23:05');
    expect(formatScalar('x', null)).toBe('—');
    expect(formatScalar('x', { a: 1 })).toBeNull();
  });
});
