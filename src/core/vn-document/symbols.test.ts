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

describe('references: each document once, never the document itself', () => {
  it('counts a number once whatever its case, keeping the mixed case, and never the document\'s own number repeated in an appendix', () => {
    const text =
      'ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC\nSố: 12/2021/QĐ-UBND\nĐồng Xoài, ngày 05 tháng 3 năm 2021\nQUYẾT ĐỊNH\nTRIỂN KHAI QUYẾT ĐỊNH SỐ 888/QĐ-TTG CỦA THỦ TƯỚNG CHÍNH PHỦ\nCăn cứ Quyết định số 888/QĐ-TTg ngày 10/6/2020 của Thủ tướng Chính phủ;\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\nQUY CHẾ\n(Ban hành kèm theo Quyết định số 12/2021/QĐ-UBND ngày 05/3/2021 của Ủy ban nhân dân tỉnh)';
    expect(refs(text)).toEqual(['888/QĐ-TTg']);
  });

  it('reads symbols printed with a slash after the type and a code split at its end', () => {
    expect(refs('Căn cứ Nghị quyết liên tịch số 05/2015/NQLT/CP-UBTWMTTQVN ngày 12/3/2015 của Chính phủ;')).toEqual(['05/2015/NQLT/CP-UBTWMTTQVN']);
    expect(refs('Thực hiện Thông tư số 58/2011/TT-BGD ĐT ngày 12/12/2011 của Bộ Giáo dục và Đào tạo.')).toEqual(['58/2011/TT-BGDĐT']);
    expect(parse('ỦY BAN NHÂN DÂN TỈNH\nSố: 03/QCPH/UBND-LĐLĐ\nBình Phước, ngày 02 tháng 4 năm 2019\nQUY CHẾ\nPHỐI HỢP CÔNG TÁC').numberSymbol).toBe('03/QCPH/UBND-LĐLĐ');
  });

  it('reads bases whose "Căn cứ" was cut off between the header and the body, and a "Xem toàn bộ" note naming the document', () => {
    const cut = parse('ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH\nSố: 22/2020/QĐ-UBND\nĐồng Hới, ngày 05 tháng 8 năm 2020\nQUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ PHỐI HỢP\nỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH\nứ Nghị định số 34/2016/NĐ-CP ngày 14 tháng 5 năm 2016 của Chính phủ;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Quy chế.');
    expect(cut.references.map((r) => r.numberSymbol)).toEqual(['34/2016/NĐ-CP']);
    const note = parse('Quy định về chế độ sinh hoạt chi bộ\nCăn cứ Điều lệ Đảng, Ban Thường vụ Tỉnh ủy quy định như sau:\nXem toàn bộ Quy định số 15-QĐ/TU, ngày 02/8/2022 của Ban Thường vụ Tỉnh ủy tại đây.');
    expect(note).toMatchObject({ docType: 'Quy định', numberSymbol: '15-QĐ/TU', date: { year: 2022, month: 8, day: 2 }, references: [] });
  });
});
