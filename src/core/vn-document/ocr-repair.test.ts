/**
 * The OCR repair step, on damage Tesseract 5.3 (vie) really made reading the scanned seeds
 * (test/fixtures/directives/scanned) and on the classes issue 15 names (Ư for U in symbols, 0/O,
 * l/1, NFD, split diacritics, stamp noise). Each case is a class: the same rule must fix other
 * documents too, and leave sound text alone.
 */
import { describe, expect, it } from 'vitest';
import { joinSubjectLines, repairDates, repairDiacritics, repairLine, repairOcrText, repairSymbols } from './ocr-repair.js';
import { parseDirective } from './parse.js';

describe('repairLine: stray marks at line edges and between words', () => {
  it.each([
    ['__ Sơn La, ngày tháng 01 năm 2026', 'Sơn La, ngày tháng 01 năm 2026'],
    ['_V/v triển khai đợt cao điểm tuyên truyền', 'V/v triển khai đợt cao điểm tuyên truyền'],
    ["'Đảng ủy Văn phòng UBND tỉnh yêu cầu các Cấp ủy, Chi bộ thực hiện: _", 'Đảng ủy Văn phòng UBND tỉnh yêu cầu các Cấp ủy, Chi bộ thực hiện:'],
    ['ngoại về Đại hội đại biểu toàn quốc lần thứ XIV _', 'ngoại về Đại hội đại biểu toàn quốc lần thứ XIV'],
    ['của Đảng |', 'của Đảng'],
    ['và Đại hội đại biểu toàn quốc lần thứ XIV của Đảng _ :', 'và Đại hội đại biểu toàn quốc lần thứ XIV của Đảng'],
    ['biểu toàn quốc lần thứ XIV của Đảng . | :', 'biểu toàn quốc lần thứ XIV của Đảng .'],
    ['đối ngoại về Đại hội đại biểu toàn quốc lần thứ XIV của Đảng như sau: ˆ', 'đối ngoại về Đại hội đại biểu toàn quốc lần thứ XIV của Đảng như sau:'],
    ['- Văn phòng đại diện, phóng \' viên thường trú', '- Văn phòng đại diện, phóng viên thường trú'],
    ['~ LĐVP UBND tỉnh,', '- LĐVP UBND tỉnh,'],
    ['— Lưu: VT, VP, TTBCXB.', '- Lưu: VT, VP, TTBCXB.'],
  ])('%s', (damaged, repaired) => expect(repairLine(damaged)).toBe(repaired));

  it('leaves a document’s own dashes, colons and list marks alone', () => {
    for (const line of ['- Như trên;', 'phát triển kinh tế -', 'Kính gửi:', 'Số: 755/TTCSTTĐN-', '2021 - 2030', '*Kính gửi: Các chi, đảng bộ cơ sở.*']) {
      expect(repairLine(line)).toBe(line);
    }
  });
});

describe('repairDiacritics', () => {
  it('composes NFD leftovers and a tone mark split from its letter', () => {
    expect(repairDiacritics('Đa\u0309ng u\u0309y')).toBe('Đảng ủy');
    expect(repairDiacritics('ho \u0300a bi\u0300nh')).toBe('hòa bình');
    expect(repairDiacritics('Ke\u0302 \u0301 hoạch')).toBe('Kế hoạch');
  });

  it('turns a spacing accent after a vowel into the combining mark', () => {
    expect(repairDiacritics('Quye\u0302\u00B4t định')).toBe('Quyết định');
    expect(repairDiacritics('nhie\u02C6u')).toBe('nhiều'.normalize('NFD').replace('\u0300', '').normalize('NFC'));
    expect(repairDiacritics('hòa`')).toBe('hòa`'); // the syllable has its tone already: kept
  });
});

describe('repairSymbols: numbers and symbols', () => {
  it.each([
    ['Kế hoạch số 52-KH/TƯ ngày 4/3/2025', 'Kế hoạch số 52-KH/TU ngày 4/3/2025'],
    ['Số 52 – KH/TƯ', 'Số 52 – KH/TU'],
    ['Công văn số 1O5-CV/ĐƯVP', 'Công văn số 105-CV/ĐUVP'],
    ['Số l2-QĐ/TU', 'Số 12-QĐ/TU'],
    ['Kế hoạch 8O5/KH-SVHTTDL', 'Kế hoạch 805/KH-SVHTTDL'],
    ['Số: /VHTTDL-TTBCXB', 'Số: /VHTTDL-TTBCXB'],
    ['Nghị định số 30/2O20/NĐ-CP', 'Nghị định số 30/2020/NĐ-CP'],
    ['Hướng dẫn số 21-HD/BTGDVTƯ', 'Hướng dẫn số 21-HD/BTGDVTU'],
    ['Quyết định 15-QĐ/B0C', 'Quyết định 15-QĐ/BOC'],
  ])('%s', (damaged, repaired) => expect(repairSymbols(damaged)).toBe(repaired));

  it('leaves words with slashes and ordinary Vietnamese alone', () => {
    for (const s of ['T/M BAN THƯỜNG VỤ', 'Các đ/c Ủy viên', 'V/v thực hiện', '- Thường trực Tỉnh ủy (b/c),', 'kinh tế - xã hội/ngành', 'Công văn 783-CV/ĐU của Ban']) {
      expect(repairSymbols(s)).toBe(s);
    }
  });
});

describe('repairDates', () => {
  it.each([
    ['Lào Cai, ngày — tháng 8 năm 2025', 'Lào Cai, ngày tháng 8 năm 2025'],
    ['Sơn La, ngày ___ tháng 01 năm 2026', 'Sơn La, ngày tháng 01 năm 2026'],
    ['ngày 22/1O/2025', 'ngày 22/10/2025'],
    ['ngày O7/8/2O25', 'ngày 07/8/2025'],
    ['Lai Châu, ngày l5 tháng 1O năm 2025', 'Lai Châu, ngày 15 tháng 10 năm 2025'],
  ])('%s', (damaged, repaired) => expect(repairDates(damaged)).toBe(repaired));
});

describe('joinSubjectLines', () => {
  it('joins a V/v trích yếu wrapped onto a line that starts with a capital', () => {
    expect(joinSubjectLines(['Số -CV/ĐUVP', 'V/v triển khai đợt cao điểm tuyên truyền', 'Đại hội XIV của Đảng', '', 'Kính gửi: Các Cấp ủy'])).toEqual([
      'Số -CV/ĐUVP',
      'V/v triển khai đợt cao điểm tuyên truyền Đại hội XIV của Đảng',
      '',
      'Kính gửi: Các Cấp ủy',
    ]);
  });

  it('stops at the next part of the header and after three lines', () => {
    expect(joinSubjectLines(['V/v a', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'])).toEqual(['V/v a', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    expect(joinSubjectLines(['V/v a', 'b', 'c', 'd', 'e'])).toEqual(['V/v a b c d', 'e']);
  });
});

describe('repairOcrText', () => {
  it('drops lines of marks only (a stamp or smudge read as text) but keeps the Party star', () => {
    const text = ['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', '| = ~~ ¦ ^', '»', '*', 'Tổng Thanh Hải'].join('\n');
    expect(repairOcrText(text)).toBe(['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', '*', 'Tổng Thanh Hải'].join('\n'));
  });

  it('reads € next to a slash as c ("b/€")', () => {
    expect(repairOcrText('- Thường trực Đảng ủy (b/€),')).toBe('- Thường trực Đảng ủy (b/c),');
  });

  it('makes the header of a damaged scan of seed 001 readable to the parser (as Tesseract read it)', () => {
    const page = ['»', '', 'Số -CV/ĐUVP', '__ Sơn La, ngày tháng 01 năm 2026', '_V/v triển khai đợt cao điểm tuyên truyền', 'Đại hội XIV của Đảng', '', 'Kính gửi: Các Cấp ủy, Chi bộ', '', "'Đảng ủy Văn phòng UBND tỉnh yêu cầu các Cấp ủy, Chi bộ thực hiện: _"].join('\n');
    const before = parseDirective(page);
    const after = parseDirective(repairOcrText(page));
    expect(before.subject?.value ?? null).not.toBe('triển khai đợt cao điểm tuyên truyền Đại hội XIV của Đảng');
    expect(after.subject?.value).toBe('triển khai đợt cao điểm tuyên truyền Đại hội XIV của Đảng');
    expect(after.issuer?.value).toBe('Đảng ủy Văn phòng UBND tỉnh');
    expect(after.numberSymbol?.value).toBe('-CV/ĐUVP');
  });
});
