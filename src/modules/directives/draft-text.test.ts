import { describe, expect, it } from 'vitest';
import { draftFileName, draftNumberSymbol, draftOpening, draftPlace, draftSubject } from './draft-text.js';

/** The four seed documents as registered by the demo (type, number, date, issuer, subject). */
const seeds = {
  s001: { docType: 'Công văn', numberSymbol: '-CV/ĐUVP', date: { year: 2026, month: 1, day: null }, issuer: 'Đảng ủy Văn phòng UBND tỉnh', subject: 'V/v triển khai đợt cao điểm tuyên truyền Đại hội XIV của Đảng' },
  s002: { docType: 'Công văn', numberSymbol: '/VHTTDL-TTBCXB', date: { year: 2025, month: 8, day: null }, issuer: 'Sở Văn hóa, Thể thao và Du lịch', subject: 'thực hiện công tác tuyên truyền, thông tin đối ngoại về Đại hội đại biểu toàn quốc lần thứ XIV của Đảng' },
  s003: { docType: 'Kế hoạch', numberSymbol: null, date: null, issuer: 'Sở Văn hóa, Thể thao và Du lịch', subject: 'Tuyên truyền đại hội đảng bộ các cấp, Đại hội Đảng bộ tỉnh lần thứ XV' },
  s004: { docType: 'Công văn', numberSymbol: '-CV/ĐU', date: { year: 2025, month: 10, day: null }, issuer: 'Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh', subject: 'Đẩy mạnh tuyên truyền; tổ chức tốt đợt cao điểm lấy ý kiến.' },
  numbered: { docType: 'Công văn', numberSymbol: '212-CV/ĐU', date: { year: 2025, month: 10, day: 22 }, issuer: 'Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh', subject: null },
};

describe('draftNumberSymbol', () => {
  it("uses the issuing unit's abbreviation per convention", () => {
    expect(draftNumberSymbol('party', 'ĐU')).toBe('-CV/ĐU');
    expect(draftNumberSymbol('state', 'SVHTTDL')).toBe('/SVHTTDL');
  });

  it('leaves the field empty (to be asked for) when the unit has no abbreviation, never "-CV/"', () => {
    expect(draftNumberSymbol('party', null)).toBe('');
    expect(draftNumberSymbol('party', '  ')).toBe('');
    expect(draftNumberSymbol('state', null)).toBe('');
  });
});

describe('draftSubject', () => {
  it('is a sentence drawn from the parent subject for each seed, never the parent symbol', () => {
    expect(draftSubject(seeds.s001)).toBe('Triển khai đợt cao điểm tuyên truyền Đại hội XIV của Đảng');
    expect(draftSubject(seeds.s002)).toBe('Thực hiện công tác tuyên truyền, thông tin đối ngoại về Đại hội đại biểu toàn quốc lần thứ XIV của Đảng');
    expect(draftSubject(seeds.s003)).toBe('Tuyên truyền đại hội đảng bộ các cấp, Đại hội Đảng bộ tỉnh lần thứ XV');
    expect(draftSubject(seeds.s004)).toBe('Đẩy mạnh tuyên truyền; tổ chức tốt đợt cao điểm lấy ý kiến');
    expect(draftSubject({ ...seeds.s001, subject: 'Đại hội XIV của Đảng' })).toBe('Triển khai thực hiện Đại hội XIV của Đảng');
    for (const seed of Object.values(seeds)) expect(draftSubject(seed)).not.toMatch(/-CV\/|\/[A-ZĐ]|công văn -/u);
  });

  it('names the parent type and issuer when the parent has no subject', () => {
    expect(draftSubject(seeds.numbered)).toBe('Triển khai thực hiện công văn của Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh');
  });
});

describe('draftOpening', () => {
  it('speaks to the child units and lists exactly them in Kính gửi', () => {
    const children = ['Chi bộ Sở Văn hóa, Thể thao và Du lịch Lai Châu', 'Chi bộ Văn phòng UBND tỉnh Lai Châu'];
    const { paragraph, recipients } = draftOpening(seeds.numbered, 'Đảng ủy Ủy ban nhân dân tỉnh Lai Châu', children);
    expect(paragraph).toBe('Thực hiện Công văn số 212-CV/ĐU ngày 22/10/2025 của Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh, Đảng ủy Ủy ban nhân dân tỉnh Lai Châu đề nghị các đơn vị thực hiện một số nội dung sau:');
    expect(recipients).toEqual(children);
    expect(draftOpening(seeds.numbered, 'X', ['Chi bộ A']).paragraph).toContain('X đề nghị Chi bộ A thực hiện');
  });

  it('without child units addresses no one, and a blank parent number leaves no "-CV/" nor "Đảng.,"', () => {
    const { paragraph, recipients } = draftOpening(seeds.s001, 'Chi bộ Phòng Tổng hợp - Văn phòng UBND tỉnh Sơn La', []);
    expect(recipients).toEqual([]);
    expect(paragraph).toBe(
      'Thực hiện Công văn (chưa ghi số) tháng 01/2026 của Đảng ủy Văn phòng UBND tỉnh về việc triển khai đợt cao điểm tuyên truyền Đại hội XIV của Đảng, Chi bộ Phòng Tổng hợp - Văn phòng UBND tỉnh Sơn La triển khai thực hiện một số nội dung sau:',
    );
    for (const seed of [seeds.s001, seeds.s002, seeds.s003, seeds.s004]) expect(draftOpening(seed, 'Chi bộ A', []).paragraph).not.toMatch(/-CV\/|\s\/[A-ZĐ]|\.,|\.\./u);
  });
});

describe('draftFileName', () => {
  it('is the symbol once numbered, else the subject; never "du-thao--CV-.docx"', () => {
    expect(draftFileName({ numberSymbol: '12-CV/ĐU', subject: 'Triển khai' })).toBe('du-thao-12-CV-ĐU.docx');
    expect(draftFileName({ numberSymbol: '-CV/', subject: 'Triển khai đợt cao điểm tuyên truyền' })).toBe('du-thao-Triển-khai-đợt-cao-điểm-tuyên-truyền.docx');
    expect(draftFileName({ numberSymbol: '', subject: '' })).toBe('du-thao-van-ban.docx');
    expect(draftFileName({ numberSymbol: '/', subject: 'a'.repeat(200) })).toMatch(/^du-thao-a{80}\.docx$/u);
  });
});

describe('draftPlace', () => {
  it("is the parent's place, else the province named by the unit or its parent", () => {
    expect(draftPlace('Sơn La', ['Chi bộ X'])).toBe('Sơn La');
    expect(draftPlace(null, ['Sở Văn hóa, Thể thao và Du lịch Lai Châu', 'Ủy ban nhân dân tỉnh Lai Châu'])).toBe('Lai Châu');
    expect(draftPlace(' ', ['Chi bộ X', null])).toBe('');
  });
});
