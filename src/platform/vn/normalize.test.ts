import { describe, it, expect } from 'vitest';
import { isVietnameseLetter, normalizeVi, toneKey } from './index.js';

const nfd = (s: string): string => s.normalize('NFD');

describe('normalizeVi', () => {
  it('composes NFD input to NFC', () => {
    const input = nfd('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(input).not.toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(normalizeVi(input)).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
  });

  it('maps the eth look-alikes to Đ/đ', () => {
    expect(normalizeVi('\u00D0ẢNG \u00F0ảng')).toBe('ĐẢNG đảng');
  });

  it('turns NBSP, figure space and narrow NBSP into spaces but trims nothing', () => {
    expect(normalizeVi('\u00A0Lai\u2007Châu\u202F')).toBe(' Lai Châu ');
  });

  it('keeps the tone placement of display text', () => {
    expect(normalizeVi('Tỉnh uỷ')).toBe('Tỉnh uỷ');
    expect(normalizeVi('Văn hoá')).toBe('Văn hoá');
  });
});

describe('toneKey', () => {
  it.each([
    ['hoà', 'hòa'],
    ['Tỉnh uỷ Lai Châu', 'Tỉnh ủy Lai Châu'],
    ['Sở Văn hoá, Thể thao và Du lịch', 'Sở Văn hóa, Thể thao và Du lịch'],
    ['khoẻ', 'khỏe'],
    ['thuỷ lợi', 'thủy lợi'],
    ['Uỷ ban nhân dân', 'Ủy ban nhân dân'],
    ['HOÀ', 'HÒA'],
    ['UỶ', 'ỦY'],
    ['Đảng uỷ', 'Đảng ủy'],
    ['CỘNG HOÀ XÃ HỘI', 'CỘNG HÒA XÃ HỘI'],
    ['hoạ sĩ', 'họa sĩ'],
    ['toà án', 'tòa án'],
    ['xoè', 'xòe'],
    ['huỵch', 'huỵch'],
  ])('%s → %s', (input, expected) => {
    expect(toneKey(input)).toBe(expected);
  });

  it('makes both tone styles equal', () => {
    expect(toneKey('hoà')).toBe(toneKey('hòa'));
    expect(toneKey('Tỉnh uỷ')).toBe(toneKey('Tỉnh ủy'));
    expect(toneKey('Văn hoá')).toBe(toneKey('Văn hóa'));
    expect(toneKey('HOÀ')).toBe(toneKey('HÒA'));
  });

  it.each(['quý', 'quả', 'già', 'quỳ', 'hoàn', 'toàn', 'thuyền', 'huyện', 'hoạch', 'khuỷu', 'hoài', 'khoáng', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Hội Văn học - Nghệ thuật'])(
    'leaves %s untouched',
    (input) => {
      expect(toneKey(input)).toBe(input);
    },
  );

  it('normalises NFD input first', () => {
    expect(toneKey(nfd('Tỉnh uỷ'))).toBe('Tỉnh ủy');
  });

  it('preserves mixed case', () => {
    expect(toneKey('Hoà Bình')).toBe('Hòa Bình');
    expect(toneKey('hOà')).toBe('hÒa');
  });
});

describe('isVietnameseLetter', () => {
  it('accepts Vietnamese letters in any normal form', () => {
    for (const ch of ['a', 'Z', 'Đ', 'đ', 'ệ', nfd('ệ'), 'Ử', 'ỹ']) expect(isVietnameseLetter(ch)).toBe(true);
  });
  it('rejects other characters', () => {
    for (const ch of ['1', '-', ' ', '', 'ß', 'ñ', 'ü', 'ö', 'Ж', '中', 'ĩ\u0301']) expect(isVietnameseLetter(ch)).toBe(false);
  });
});
