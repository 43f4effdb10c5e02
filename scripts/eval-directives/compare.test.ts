/** The comparison rules of the corpus README, one by one, each with a case that must stay wrong. */
import { describe, expect, it } from 'vitest';
import { expandAbbreviations, isPlaceTail, sameDate, sameExact, sameIssuer, sameLoose, sameSubject, sameSymbol } from './compare.js';

describe('issuer comparison', () => {
  it('ignores case, spaces and tone-mark placement', () => {
    expect(sameIssuer('Ban Tuyên giáo Tỉnh ủy', 'BAN TUYÊN GIÁO TỈNH UỶ')).toBe(true);
    expect(sameIssuer('Sở Văn hóa,  Thể thao và Du lịch', 'Sở Văn hoá, Thể thao và Du lịch')).toBe(true);
    expect(sameIssuer('Ban Tuyên giáo Tỉnh ủy', 'Ban Tuyên giáo Tỉnh ủy'.normalize('NFD'))).toBe(true);
  });

  it('expands the usual abbreviations on both sides', () => {
    expect(sameIssuer('UBND tỉnh Lai Châu', 'Ủy ban nhân dân tỉnh Lai Châu')).toBe(true);
    expect(sameIssuer('Ủy ban nhân dân tỉnh', 'UBND tỉnh')).toBe(true);
    expect(sameIssuer('HĐND tỉnh', 'Hội đồng nhân dân tỉnh')).toBe(true);
    expect(sameIssuer('Ban Thường vụ Tỉnh ủy', 'BTV Tỉnh ủy')).toBe(true);
    expect(sameIssuer('BCH Trung ương', 'Ban Chấp hành TW')).toBe(true);
    expect(sameIssuer('Ủy ban MTTQ Việt Nam tỉnh', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh')).toBe(true);
    expect(sameIssuer('Sở VHTTDL', 'Sở Văn hóa, Thể thao và Du lịch')).toBe(true);
    expect(sameIssuer('Sở VH,TT&DL', 'Sở Văn hoá, Thể thao và Du lịch')).toBe(true);
    expect(sameIssuer('Văn phòng Đảng ủy Viện Kiến trúc', 'VPĐU Viện Kiến trúc')).toBe(true);
    // "TƯ" of the Ministry of Justice in capitals is a word, not Trung ương.
    expect(sameIssuer('Bộ Tư pháp', 'BỘ TƯ PHÁP')).toBe(true);
    expect(sameIssuer('Ban Tổ chức Trung ương', 'BAN TỔ CHỨC TƯ')).toBe(true);
    expect(expandAbbreviations('UBND TP. Hà Nội')).toBe('Ủy ban nhân dân Thành phố Hà Nội');
  });

  it('drops a trailing place name one side lacks', () => {
    expect(sameIssuer('UBND tỉnh Lai Châu', 'Ủy ban nhân dân tỉnh')).toBe(true);
    expect(sameIssuer('Tỉnh ủy', 'Tỉnh ủy Hậu Giang')).toBe(true);
    expect(sameIssuer('Sở Văn hóa, Thể thao và Du lịch', 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lào Cai')).toBe(true);
    expect(sameIssuer('UBND TP Hồ Chí Minh', 'Ủy ban nhân dân')).toBe(true);
    expect(isPlaceTail(['Hậu', 'Giang'])).toBe(true);
    expect(isPlaceTail(['tỉnh', 'Lai', 'Châu'])).toBe(true);
  });

  it('drops a trailing term of office, not the words before it', () => {
    expect(sameIssuer('Ban Chấp hành Đảng bộ tỉnh', 'Ban Chấp hành Đảng bộ tỉnh khóa XIII')).toBe(true);
    expect(sameIssuer('BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHOÁ XVI)', 'Ban Chấp hành Đảng bộ tỉnh')).toBe(true);
    expect(sameIssuer('Hội đồng nhân dân tỉnh', 'Hội đồng nhân dân tỉnh nhiệm kỳ 2021 - 2026')).toBe(true);
    expect(sameIssuer('Ban Chấp hành Đảng bộ tỉnh', 'Ban Thường vụ Đảng bộ tỉnh khóa XIII')).toBe(false);
  });

  it('a different body, or a tail that is not a place, stays wrong', () => {
    expect(sameIssuer('Ban Tuyên giáo Tỉnh ủy', 'Ban Dân vận Tỉnh ủy')).toBe(false);
    expect(sameIssuer('Ban Tuyên giáo', 'Ban Tuyên giáo Tỉnh ủy')).toBe(false);
    expect(sameIssuer('Ban Thường vụ', 'Ban Thường vụ Đảng ủy')).toBe(false);
    expect(sameIssuer('UBND tỉnh', 'UBND')).toBe(false);
    expect(sameIssuer('Tỉnh ủy Hậu Giang', 'Tỉnh ủy Lai Châu')).toBe(false);
    expect(isPlaceTail(['tỉnh'])).toBe(false);
    expect(isPlaceTail(['Tỉnh', 'ủy'])).toBe(false);
    expect(sameIssuer('Ban Dân vận', 'BAN DÂN VẬN TỈNH ỦY')).toBe(false);
  });

  it('null expected against a value is wrong, null against null right', () => {
    expect(sameIssuer(null, 'Sở Văn hóa, Thể thao và Du lịch')).toBe(false);
    expect(sameIssuer('Sở Văn hóa, Thể thao và Du lịch', null)).toBe(false);
    expect(sameIssuer(null, null)).toBe(true);
  });
});

describe('subject comparison', () => {
  it('ignores case, spaces, end punctuation and tone-mark placement', () => {
    expect(sameSubject('tuyên truyền Quy hoạch tỉnh', 'Tuyên truyền  quy hoạch\ntỉnh.')).toBe(true);
    expect(sameSubject('thời kỳ 2021 - 2030', 'thời kỳ 2021-2030;')).toBe(true);
    expect(sameSubject('hòa giải ở cơ sở', 'hoà giải ở cơ sở')).toBe(true);
  });

  it('ignores a leading "V/v", "Về việc" or "về"', () => {
    expect(sameSubject('triển khai Kế hoạch', 'V/v triển khai Kế hoạch')).toBe(true);
    expect(sameSubject('triển khai Kế hoạch', 'v/v: triển khai Kế hoạch')).toBe(true);
    expect(sameSubject('Về việc triển khai Kế hoạch', 'triển khai Kế hoạch')).toBe(true);
    expect(sameSubject('triển khai Kế hoạch', 'về triển khai Kế hoạch')).toBe(true);
  });

  it('other words stay significant', () => {
    expect(sameSubject('triển khai Kế hoạch', 'HƯỚNG DẪN triển khai Kế hoạch')).toBe(false);
    expect(sameSubject('triển khai Kế hoạch', 'triển khai Kế hoạch số 5')).toBe(false);
    expect(sameSubject(null, 'triển khai')).toBe(false);
  });
});

describe('signer, number/symbol, type and date comparisons', () => {
  it('signer parts: case and spaces only', () => {
    expect(sameLoose('PHÓ TRƯỞNG BAN', 'Phó  trưởng ban')).toBe(true);
    expect(sameLoose('Nguyễn Văn An', 'NGUYỄN VĂN AN')).toBe(true);
    expect(sameLoose('T/M', 'TM.')).toBe(false);
    expect(sameLoose('Nguyễn Văn An', 'Nguyễn Văn Anh')).toBe(false);
    expect(sameLoose(null, 'K/T')).toBe(false);
  });

  it('numbers/symbols compare without regard to case and spaces, nothing else', () => {
    expect(sameSymbol('101/QĐ-TTg', '101/QĐ-TTG')).toBe(true);
    expect(sameSymbol('52-KH/TU', '52 -KH/TU')).toBe(true);
    expect(sameSymbol('52-KH/TU', '52-KH/TW')).toBe(false);
    expect(sameSymbol('52-KH/TU', '53-KH/TU')).toBe(false);
  });

  it('numbers/symbols and types compare exactly (after NFC and Ð → Đ)', () => {
    expect(sameExact('30/2020/NĐ-CP', '30/2020/NÐ-CP')).toBe(true);
    expect(sameExact('30/2020/NĐ-CP', '30/2020/NĐ-CP'.normalize('NFD'))).toBe(true);
    expect(sameExact('52-KH/TU', '52-KH/TƯ')).toBe(false);
    expect(sameExact('Thông tư', 'Thông tư liên tịch')).toBe(false);
    expect(sameExact(null, '52-KH/TU')).toBe(false);
    expect(sameExact(null, null)).toBe(true);
  });

  it('dates compare part by part', () => {
    expect(sameDate({ year: 2025, month: 3, day: 4 }, { year: 2025, month: 3, day: 4 })).toBe(true);
    expect(sameDate({ year: 2025, month: 3, day: null }, { year: 2025, month: 3, day: 4 })).toBe(false);
    expect(sameDate(null, { year: 2025, month: 3, day: 4 })).toBe(false);
    expect(sameDate(null, null)).toBe(true);
  });
});
