import { describe, expect, it } from 'vitest';
import { fold, foldIncludes, splitMatch } from './fold.js';

describe('fold', () => {
  it('strips Vietnamese marks and đ, keeping one character per character', () => {
    expect(fold('Lai Châu')).toBe('lai chau');
    expect(fold('Đảng ủy')).toBe('dang uy');
    expect(fold('Thủy').length).toBe('Thủy'.length);
  });

  it('ignores tone-mark placement style (hòa / hoà) and decomposed input', () => {
    expect(foldIncludes('Khánh Hòa', 'hoa')).toBe(true);
    expect(foldIncludes('Khánh Hoà', 'HÒA')).toBe(true);
    expect(foldIncludes('Khánh Hòa'.normalize('NFD'), 'khanh hoa')).toBe(true);
  });
});

describe('splitMatch', () => {
  it('marks the matching part of the original text', () => {
    expect(splitMatch('Ủy ban nhân dân tỉnh Lai Châu', 'lai chau')).toEqual([
      { text: 'Ủy ban nhân dân tỉnh ', match: false },
      { text: 'Lai Châu', match: true },
    ]);
  });

  it('returns null when the query is not in the text', () => {
    expect(splitMatch('Báo Lai Châu', 'son la')).toBeNull();
    expect(splitMatch('Báo Lai Châu', '  ')).toBeNull();
  });
});
