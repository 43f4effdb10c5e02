import { describe, expect, it } from 'vitest';
import { formatVietnameseDate, implementsClause, implementsSentence } from './index.js';
import { congVanSubject, distributionLines, numberLine, recipientLines, signatureHeadLines, subjectAfterVe } from './text.js';
import { breakBodyName } from './wrap.js';

describe('formatVietnameseDate', () => {
  it('writes place, day, month and year with the official zero padding', () => {
    expect(formatVietnameseDate('Lai Châu', { year: 2025, month: 10, day: 21 })).toBe('Lai Châu, ngày 21 tháng 10 năm 2025');
    expect(formatVietnameseDate('Hà Nội', { year: 2021, month: 1, day: 5 })).toBe('Hà Nội, ngày 05 tháng 01 năm 2021');
    expect(formatVietnameseDate('Lào Cai', { year: 2025, month: 3, day: 19 })).toBe('Lào Cai, ngày 19 tháng 3 năm 2025');
  });

  it('leaves a blank day or month as spaces to be filled in by hand', () => {
    expect(formatVietnameseDate('Lai Châu', { year: 2025, month: 10, day: null })).toBe('Lai Châu, ngày   tháng 10 năm 2025');
    expect(formatVietnameseDate('Sơn La', { year: 2026, month: null, day: null })).toBe('Sơn La, ngày   tháng   năm 2026');
  });

  it('accepts NFD input and an empty place', () => {
    expect(formatVietnameseDate('Lai Châu'.normalize('NFD'), { year: 2025, month: 2, day: 3 })).toBe('Lai Châu, ngày 03 tháng 02 năm 2025');
    expect(formatVietnameseDate('  ', { year: 2025, month: 12, day: 1 })).toBe('ngày 01 tháng 12 năm 2025');
  });
});

describe('implementsSentence', () => {
  it('builds the canonical "Thực hiện …" sentence', () => {
    expect(
      implementsSentence({
        docType: 'Công văn',
        numberSymbol: '167-CV/BTGDVTU',
        date: { year: 2025, month: 12, day: 26 },
        issuer: 'Ban Tuyên giáo và Dân vận Tỉnh ủy',
        subject: 'V/v triển khai đợt cao điểm tuyên truyền Đại hội XIV của Đảng',
      }),
    ).toBe(
      'Thực hiện Công văn số 167-CV/BTGDVTU ngày 26/12/2025 của Ban Tuyên giáo và Dân vận Tỉnh ủy về việc triển khai đợt cao điểm tuyên truyền Đại hội XIV của Đảng.',
    );
  });

  it('writes the type in sentence case and pads day and month like the seeds', () => {
    expect(
      implementsSentence({ docType: 'KẾ HOẠCH', numberSymbol: '381-KH/TU', date: { year: 2025, month: 8, day: 7 }, issuer: 'Tỉnh ủy' }),
    ).toBe('Thực hiện Kế hoạch số 381-KH/TU ngày 07/8/2025 của Tỉnh ủy.');
  });

  it('lower-cases a sentence capital but keeps proper names', () => {
    const base = { docType: 'Công văn', numberSymbol: '134-CV/TU', date: { year: 2025, month: 10, day: 21 }, issuer: 'Ban Thường vụ Tỉnh ủy' };
    expect(implementsSentence({ ...base, subject: 'Đẩy mạnh tuyên truyền; tổ chức tốt đợt cao điểm.' })).toBe(
      'Thực hiện Công văn số 134-CV/TU ngày 21/10/2025 của Ban Thường vụ Tỉnh ủy về đẩy mạnh tuyên truyền; tổ chức tốt đợt cao điểm.',
    );
    expect(subjectAfterVe('Đại hội đại biểu toàn quốc lần thứ XIV của Đảng')).toBe('Đại hội đại biểu toàn quốc lần thứ XIV của Đảng');
    expect(subjectAfterVe('Tuyên truyền đại hội đảng bộ các cấp')).toBe('tuyên truyền đại hội đảng bộ các cấp');
    expect(subjectAfterVe('ASEAN và khu vực')).toBe('ASEAN và khu vực');
  });

  it('omits the parts that are unknown', () => {
    expect(implementsSentence({ docType: 'Hướng dẫn', numberSymbol: null, date: null, issuer: null })).toBe('Thực hiện Hướng dẫn.');
    expect(implementsSentence({ docType: 'Công văn', numberSymbol: '-CV/ĐU', date: null, issuer: 'Đảng ủy Ủy ban nhân dân tỉnh' })).toBe(
      'Thực hiện Công văn (chưa ghi số) của Đảng ủy Ủy ban nhân dân tỉnh.',
    );
    expect(implementsSentence({ docType: 'Chỉ thị', numberSymbol: '45-CT/TW', date: { year: 2025, month: 4, day: null }, issuer: 'Bộ Chính trị' })).toBe(
      'Thực hiện Chỉ thị số 45-CT/TW tháng 4/2025 của Bộ Chính trị.',
    );
    expect(implementsSentence({ docType: 'Chỉ thị', numberSymbol: '45-CT/TW', date: { year: null, month: null, day: null }, issuer: null, subject: '  ' })).toBe(
      'Thực hiện Chỉ thị số 45-CT/TW.',
    );
  });

  it('says a blank number without its stray symbol and ends with one full stop', () => {
    const ref = { docType: 'Công văn', numberSymbol: '-CV/ĐUVP', date: { year: 2026, month: 1, day: null }, issuer: 'Đảng ủy Văn phòng UBND tỉnh.', subject: 'V/v triển khai đợt cao điểm tuyên truyền Đại hội XIV của Đảng.' };
    const sentence = implementsSentence(ref);
    expect(sentence).toBe('Thực hiện Công văn (chưa ghi số) tháng 01/2026 của Đảng ủy Văn phòng UBND tỉnh về việc triển khai đợt cao điểm tuyên truyền Đại hội XIV của Đảng.');
    expect(sentence).not.toMatch(/-CV\/|\.\.|\.,/u);
    expect(implementsClause(ref)).toBe(sentence.slice(0, -1));
  });

  it('names the parent as printed: "Công văn số 212-CV/ĐU ngày 22/10/2025 của Ban Thường vụ Đảng ủy …"', () => {
    const ref = { docType: 'Công văn', numberSymbol: '212-CV/ĐU', date: { year: 2025, month: 10, day: 22 }, issuer: 'Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh' };
    expect(implementsClause(ref)).toBe('Thực hiện Công văn số 212-CV/ĐU ngày 22/10/2025 của Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh');
  });

  it('normalises NFD input to NFC', () => {
    const s = implementsSentence({ docType: 'Công văn'.normalize('NFD'), numberSymbol: '816-CV/ĐU', date: { year: 2025, month: 12, day: 30 }, issuer: 'Ban Thường vụ Đảng ủy UBND tỉnh'.normalize('NFD') });
    expect(s).toBe('Thực hiện Công văn số 816-CV/ĐU ngày 30/12/2025 của Ban Thường vụ Đảng ủy UBND tỉnh.');
  });
});

describe('document wording', () => {
  it('writes the number line per convention, keeping room for a blank number', () => {
    expect(numberLine('party', '12-CV/ĐU')).toBe('Số 12-CV/ĐU');
    expect(numberLine('state', '805/KH-SVHTTDL')).toBe('Số: 805/KH-SVHTTDL');
    expect(numberLine('party', '-CV/ĐU')).toMatch(/^Số {2,}-CV\/ĐU$/);
    expect(numberLine('state', 'Số: /SVHTTDL-VP')).toMatch(/^Số: {2,}\/SVHTTDL-VP$/);
  });

  it('prefixes a State công văn subject with V/v but leaves a Party one as written', () => {
    expect(congVanSubject('state', 'thực hiện công tác tuyên truyền')).toBe('V/v thực hiện công tác tuyên truyền');
    expect(congVanSubject('state', 'V/v thực hiện công tác tuyên truyền')).toBe('V/v thực hiện công tác tuyên truyền');
    expect(congVanSubject('party', 'Đẩy mạnh tuyên truyền')).toBe('Đẩy mạnh tuyên truyền');
    // After "V/v" a sentence capital is lowered; a name keeps its capital.
    expect(congVanSubject('state', 'Thực hiện công tác tuyên truyền')).toBe('V/v thực hiện công tác tuyên truyền');
    expect(congVanSubject('state', 'Đại hội XIV của Đảng')).toBe('V/v Đại hội XIV của Đảng');
  });

  it('punctuates Nơi nhận per convention and ends with the file copy', () => {
    expect(distributionLines('party', ['Như trên', '- Thường trực Tỉnh ủy (b/c);', 'Lưu: VPĐU, BTGDVĐU'])).toEqual([
      '- Như trên,',
      '- Thường trực Tỉnh ủy (b/c),',
      '- Lưu VPĐU, BTGDVĐU.',
    ]);
    expect(distributionLines('state', ['Lưu VT, TTBCXB', 'Như trên', 'Lãnh đạo Sở.'])).toEqual(['- Như trên;', '- Lãnh đạo Sở;', '- Lưu: VT, TTBCXB.']);
    expect(distributionLines('state', ['Như trên'])).toEqual(['- Như trên;', '- Lưu: VT.']);
  });

  it('writes a bare "Lưu" without a dangling space or colon', () => {
    expect(distributionLines('party', ['Cấp ủy cấp trên (để báo cáo)', 'Lưu'])).toEqual(['- Cấp ủy cấp trên (để báo cáo),', '- Lưu.']);
    expect(distributionLines('state', ['Cơ quan cấp trên (để báo cáo)', 'Lưu.'])).toEqual(['- Cơ quan cấp trên (để báo cáo);', '- Lưu.']);
  });

  it('writes one recipient inline and several as a list', () => {
    expect(recipientLines(['Các chi, đảng bộ cơ sở'])).toEqual({ inline: 'Kính gửi: Các chi, đảng bộ cơ sở.', list: [] });
    expect(recipientLines(['Các sở, ngành tỉnh', 'UBND các xã, phường.'])).toEqual({ inline: null, list: ['- Các sở, ngành tỉnh;', '- UBND các xã, phường.'] });
    expect(recipientLines([])).toEqual({ inline: null, list: [] });
  });

  it('writes the signature head in capitals', () => {
    expect(signatureHeadLines({ authority: 'T/M', body: 'Ban Thường vụ', title: 'Phó Bí thư', name: 'Tổng Thanh Hải' })).toEqual(['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ']);
    expect(signatureHeadLines({ authority: null, body: null, title: 'GIÁM ĐỐC', name: 'X' })).toEqual(['GIÁM ĐỐC']);
  });

  it('breaks long body names where a reader would', () => {
    expect(breakBodyName('Đảng ủy Ủy ban nhân dân tỉnh', 4800, 14)).toBe('ĐẢNG ỦY\nỦY BAN NHÂN DÂN TỈNH');
    expect(breakBodyName('SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH', 4000, 13)).toBe('SỞ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH');
    expect(breakBodyName('SỞ NỘI VỤ', 4000, 13)).toBe('SỞ NỘI VỤ');
    expect(breakBodyName('ĐẢNG ỦY\nVĂN PHÒNG', 4000, 13)).toBe('ĐẢNG ỦY\nVĂN PHÒNG');
  });
});
