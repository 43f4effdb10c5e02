/** Numbers and symbols as real text prints them (issue 15): OCR and typists' damage, odd spaces and dashes, unusual forms. */
import { describe, expect, it } from 'vitest';
import { parseDirective, toParseJson } from './index.js';

const parse = (s: string) => toParseJson(parseDirective(s));
const refs = (s: string) => parse(s).references.map((r) => r.numberSymbol);

describe('symbols with damage', () => {
  it('reads Ư for U ("KL/TƯ"), and TƯ of a central body as TW', () => {
    expect(parse('TỈNH ỦY QUẢNG TRỊ\n*\nSố 212-NQ/TƯ\nQuảng Trị, ngày 05 tháng 01 năm 2023\nNGHỊ QUYẾT\nvề phát triển du lịch').numberSymbol).toBe('212-NQ/TU');
    expect(refs('Tiếp tục thực hiện Chỉ thị số 05-CT/TƯ ngày 15/5/2016 của Bộ Chính trị về học tập và làm theo tư tưởng Hồ Chí Minh.')).toEqual(['05-CT/TW']);
    expect(refs('Thực hiện Kết luận số 48-KL/TƯ ngày 12/3/2024 của Ban Thường vụ Tỉnh ủy.')).toEqual(['48-KL/TU']);
  });

  it('reads a fraction slash, spaces around a State hyphen, a space inside a body code and a lost Party hyphen in the header', () => {
    expect(refs('Căn cứ Công điện số 2065⁄CĐ-TTg ngày 20/9/2017 của Thủ tướng Chính phủ;')).toEqual(['2065/CĐ-TTg']);
    expect(parse('BỘ TÀI CHÍNH\nSố: 152 / TTr - BTC\nHà Nội, ngày 12 tháng 3 năm 2014\nTỜ TRÌNH\nVề việc ban hành Nghị định').numberSymbol).toBe('152/TTr-BTC');
    expect(refs('Căn cứ Thông tư liên tịch số 07/2016/TTLT-BNN PTNT-BNV ngày 02/4/2016 của Bộ Nông nghiệp và Phát triển nông thôn - Bộ Nội vụ;')).toEqual(['07/2016/TTLT-BNNPTNT-BNV']);
    expect(parse('ĐẢNG ỦY XÃ TÂN LẬP\n*\nSố 15 KH/ĐU\nTân Lập, ngày 02 tháng 3 năm 2021\nKẾ HOẠCH\ntổ chức đại hội chi bộ').numberSymbol).toBe('15-KH/ĐU');
  });

  it('reads a Party number written with two slashes, and keeps a central steering committee\'s công điện in State form', () => {
    expect(refs('Thực hiện Quy định số 1052/QĐ/QUTW ngày 08/10/2021 của Thường vụ Quân ủy Trung ương.')).toEqual(['1052-QĐ/QUTW']);
    expect(refs('Thực hiện Công điện số 05/CĐ-TW ngày 10/10/2020 của Ban Chỉ đạo Trung ương về phòng, chống thiên tai.')).toEqual(['05/CĐ-TW']);
  });
});
