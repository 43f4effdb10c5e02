import { describe, expect, it } from 'vitest';
import { bestMatch, type MatchCandidate } from './bestMatch.js';

// Tree order, parents first — as the picker lists them.
const units: MatchCandidate[] = [
  { id: 1, code: 'LCU-TU', name: 'Tỉnh ủy Lai Châu', abbreviation: 'TU' },
  { id: 2, code: 'LCU-H-TAMDUONG', name: 'Huyện ủy Tam Đường' },
  { id: 3, code: 'LCU-X-TAMDUONG', name: 'Xã Tam Đường' },
  { id: 4, code: 'LCU-X-BINHLU', name: 'Xã Bình Lư' },
  { id: 5, code: 'LCU-SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', abbreviation: 'SVHTTDL' },
  { id: 6, code: 'LCU-X-OLD', name: 'Xã Bình Lư cũ', disabled: true },
];

describe('bestMatch (Enter in a unit picker)', () => {
  it('takes the unit whose name matches what was typed, not the parent listed above it', () => {
    expect(bestMatch(units, 'xa tam duong')).toBe(3);
    expect(bestMatch(units, 'Bình Lư')).toBe(4);
    expect(bestMatch(units, 'binh lu')).toBe(4);
  });

  it('prefers a whole name, code or abbreviation, then a name that starts with it, then the closest', () => {
    expect(bestMatch(units, 'svhttdl')).toBe(5);
    expect(bestMatch(units, 'lcu-tu')).toBe(1);
    expect(bestMatch(units, 'tam duong')).toBe(3); // both contain it as words: the shorter (closer) name
    expect(bestMatch(units, 'huyen')).toBe(2);
  });

  it('skips units that may not be chosen, and answers null for nothing typed or nothing found', () => {
    expect(bestMatch(units, 'binh lu cu')).toBeNull();
    expect(bestMatch(units, '  ')).toBeNull();
    expect(bestMatch(units, 'ha noi')).toBeNull();
  });
});
