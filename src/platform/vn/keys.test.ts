import { describe, it, expect } from 'vitest';
import { compareVi, dedupKey, matchesSearch, searchKey } from './index.js';

const nfd = (s: string): string => s.normalize('NFD');

describe('searchKey', () => {
  it.each([
    ['Lai Châu', 'lai chau'],
    ['Lào Cai', 'lao cai'],
    ['Sơn La', 'son la'],
    ['  Ban Tuyên giáo và Dân vận Tỉnh ủy ', 'ban tuyen giao va dan van tinh uy'],
    ['Tỉnh uỷ', 'tinh uy'],
    ['ĐẢNG CỘNG SẢN VIỆT NAM', 'dang cong san viet nam'],
    ['Hội Văn học - Nghệ thuật', 'hoi van hoc nghe thuat'],
    ['Sở VHTTDL; UBND các xã, phường.', 'so vhttdl ubnd cac xa phuong'],
    ['167-CV/BTGDVTU', '167 cv btgdvtu'],
    ['\u00D0ảng\u00A0ủy', 'dang uy'],
    ['Tr\u00ADường', 'truong'],
    ['lý / lí', 'ly li'],
  ])('%j → %j', (input, expected) => {
    expect(searchKey(input)).toBe(expected);
  });

  it('is the same on NFD input', () => {
    for (const s of ['Lai Châu', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Ban Tuyên giáo và Dân vận Tỉnh ủy', 'Văn hoá']) {
      expect(nfd(s)).not.toBe(s.normalize('NFC'));
      expect(searchKey(nfd(s))).toBe(searchKey(s));
    }
  });
});

describe('matchesSearch', () => {
  const key = searchKey('Báo và Phát thanh, Truyền hình Lai Châu');

  it('finds with or without diacritics and in any case', () => {
    for (const q of ['lai chau', 'Lai Chau', 'LAI CHÂU', nfd('Lai Châu'), 'truyền hình', 'chau lai', 'phat']) {
      expect(matchesSearch(key, q)).toBe(true);
    }
  });

  it('finds either tone style', () => {
    expect(matchesSearch(searchKey('Sở Văn hóa'), 'hoà')).toBe(true);
    expect(matchesSearch(searchKey('Tỉnh uỷ'), 'tỉnh ủy')).toBe(true);
  });

  it('requires every token', () => {
    expect(matchesSearch(key, 'lai cai')).toBe(false);
    expect(matchesSearch(key, 'son la')).toBe(false);
  });

  it('matches everything with an empty query', () => {
    expect(matchesSearch(key, '  ')).toBe(true);
  });
});

describe('dedupKey', () => {
  it('merges tone styles, case, spacing and punctuation', () => {
    expect(dedupKey('Tỉnh uỷ  Lai Châu')).toBe(dedupKey('TỈNH ỦY LAI CHÂU'));
    expect(dedupKey('Tỉnh uỷ Lai Châu')).toBe('tỉnh ủy lai châu');
    expect(dedupKey('Hội Văn học - Nghệ thuật')).toBe(dedupKey('Hội Văn học, Nghệ thuật.'));
    expect(dedupKey('Sở Văn hoá')).toBe(dedupKey(nfd('Sở Văn hóa')));
  });

  it('keeps diacritics', () => {
    expect(dedupKey('Đảng')).not.toBe(dedupKey('dàng'));
    expect(dedupKey('bộ')).not.toBe(dedupKey('bỏ'));
    expect(dedupKey('Lai Châu')).not.toBe(dedupKey('Lai Chau'));
  });
});

describe('compareVi', () => {
  it('sorts in Vietnamese alphabetical order', () => {
    const names = ['Đồng Nai', 'Sơn La', 'Lào Cai', 'Dak Lak', 'Lai Châu', 'An Giang', 'Ăn', 'Ân'];
    expect([...names].sort(compareVi)).toEqual(['An Giang', 'Ăn', 'Ân', 'Dak Lak', 'Đồng Nai', 'Lai Châu', 'Lào Cai', 'Sơn La']);
  });
});
