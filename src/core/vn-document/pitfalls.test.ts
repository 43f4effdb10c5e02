/** Real-world trouble beyond the seeds (docs: shared/domain/vn-documents.md §4 and "other kinds of trouble"). */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseDirective, toParseJson } from './index.js';

const parse = (s: string) => toParseJson(parseDirective(s));
const refs = (s: string) => parse(s).references.map((r) => ({ n: r.numberSymbol, t: r.docType, d: r.date, i: r.issuer, r: r.relation }));

const PARTY_DOC = `ĐẢNG BỘ TỈNH SƠN LA
ĐẢNG ỦY VĂN PHÒNG UBND TỈNH
*
Số 12-CV/ĐUVP
Sơn La, ngày 05 tháng 01 năm 2026
V/v tổ chức hội nghị quán triệt
Kính gửi: Các chi bộ trực thuộc
Thực hiện Công văn số 167-CV/BTGDVTU ngày 26/12/2025 của Ban Tuyên giáo và Dân vận Tỉnh ủy, Đảng ủy Văn phòng yêu cầu các chi bộ báo cáo kết quả trước ngày 25/12/2025.
1- Các chi bộ tổ chức quán triệt.
2- Báo cáo kết quả định kỳ 6 tháng.
Nơi nhận:
- Như trên,
- Lưu VT.
T/M ĐẢNG ỦY
BÍ THƯ
Trần Bình Minh`;

describe('header and numbers', () => {
  it('reads a complete Party header, issuer from the header, dates and deadlines', () => {
    const j = parse(PARTY_DOC);
    expect(j).toMatchObject({
      docType: 'Công văn',
      convention: 'party',
      numberSymbol: '12-CV/ĐUVP',
      number: '12',
      issuer: 'ĐẢNG ỦY VĂN PHÒNG UBND TỈNH',
      place: 'Sơn La',
      date: { year: 2026, month: 1, day: 5 },
      subject: 'tổ chức hội nghị quán triệt',
      recipients: ['Các chi bộ trực thuộc'],
    });
    expect(j.deadlines.map((d) => d.rule)).toEqual([
      { kind: 'date', date: { year: 2025, month: 12, day: 25 }, time: null },
      { kind: 'periodic', period: 'half_year', time: null },
    ]);
  });

  it('reads "số12-QĐ/TU" glued, a lost hyphen, and a Party number written in State order', () => {
    expect(refs('Thực hiện Quyết định số12-QĐ/TU ngày 3/4/2025 của Tỉnh ủy.')).toEqual([
      { n: '12-QĐ/TU', t: 'Quyết định', d: { year: 2025, month: 4, day: 3 }, i: 'Tỉnh ủy', r: 'implements' },
    ]);
    expect(refs('Tiếp tục thực hiện Chỉ thị số 05 CT/TU của Tỉnh ủy.')[0]?.n).toBe('05-CT/TU');
    expect(refs('Theo Quyết định số 12/QĐ-TU của Tỉnh ủy.')[0]).toMatchObject({ n: '12-QĐ/TU', t: 'Quyết định' });
    expect(refs('Theo Quyết định số 12/QĐ-UBND của UBND tỉnh.')[0]).toMatchObject({ n: '12/QĐ-UBND', t: 'Quyết định' });
  });

  it('reads a number split across lines after the hyphen, en dashes and a space after the hyphen', () => {
    expect(refs('Căn cứ Công văn số 755/TTCSTTĐN-\nĐPTTĐN của Cục Thông tin cơ sở.')[0]).toMatchObject({ n: '755/TTCSTTĐN-ĐPTTĐN', r: 'basis' });
    expect(refs('Căn cứ Kết luận số 126– KL/TW của Bộ Chính trị.')[0]?.n).toBe('126-KL/TW');
    expect(refs('Căn cứ Nghị định số 30/2020/NĐ–CP ngày 05/3/2020 của Chính phủ về công tác văn thư;')[0]).toEqual({
      n: '30/2020/NĐ-CP',
      t: 'Nghị định',
      d: { year: 2020, month: 3, day: 5 },
      i: 'Chính phủ',
      r: 'basis',
    });
  });

  it('reads hyphenated dates, dates in words and "Quyết định của X số N"', () => {
    expect(refs('Thực hiện Kế hoạch số 31-KH/ĐU ngày 09-7-2025 của Đảng ủy.')[0]?.d).toEqual({ year: 2025, month: 7, day: 9 });
    expect(refs('Thực hiện Kế hoạch số 31-KH/ĐU ngày 09 tháng 7 năm 2025 của Đảng ủy.')[0]?.d).toEqual({ year: 2025, month: 7, day: 9 });
    expect(refs('Thi hành Quyết định của Ủy ban nhân dân tỉnh số 1234/QĐ-UBND ngày 1/2/2025 về việc giao chỉ tiêu.')[0]).toEqual({
      n: '1234/QĐ-UBND',
      t: 'Quyết định',
      d: { year: 2025, month: 2, day: 1 },
      i: 'Ủy ban nhân dân tỉnh',
      r: 'implements',
    });
  });

  it('finds several references in one sentence and does not read date ranges as numbers', () => {
    const r = refs(
      'Thực hiện Nghị quyết số 18-NQ/TW, ngày 25/10/2017 của Ban Chấp hành Trung ương và Kết luận số 121-KL/TW của Bộ Chính trị, Ban Bí thư; kỷ niệm (03/02/1930 - 03/02/2026), giai đoạn 2021 - 2030.',
    );
    expect(r.map((x) => [x.n, x.i, x.r])).toEqual([
      ['18-NQ/TW', 'Ban Chấp hành Trung ương', 'implements'],
      ['121-KL/TW', 'Bộ Chính trị, Ban Bí thư', 'implements'],
    ]);
  });
});

describe('damaged text', () => {
  it('ignores broken lines, double spaces and markdown bold markers', () => {
    const md = `**ĐẢNG ỦY   XÃ   A**\n\n\\*\n\n**Số   05-CV/ĐU**\n\nXã A, ngày   12 tháng 3 năm 2025\n\n**Kính gửi:  Các chi bộ**\n\nThực hiện Công văn số 167-CV/BTGDVTU ngày 26/12/2025 của Ban Tuyên \n\ngiáo và Dân vận Tỉnh ủy, yêu cầu:\n\n**T/M BAN THƯỜNG VỤ  \nPHÓ BÍ THƯ**\n\n**Tổng Thanh Hải**`;
    const j = parse(md);
    expect(j).toMatchObject({ numberSymbol: '05-CV/ĐU', issuer: 'ĐẢNG ỦY XÃ A', date: { year: 2025, month: 3, day: 12 }, recipients: ['Các chi bộ'] });
    expect(j.references[0]).toMatchObject({ numberSymbol: '167-CV/BTGDVTU', issuer: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', relation: 'implements' });
    expect(j.signer).toEqual({ authority: 'T/M', body: 'BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', name: 'Tổng Thanh Hải' });
  });

  it('reads NFD input like NFC, and hoà/hòa alike', () => {
    const nfc = parse(PARTY_DOC);
    const nfd = parse(PARTY_DOC.normalize('NFD'));
    expect(nfd).toEqual(nfc);
    const a = parse('Căn cứ Kế hoạch số 805/KH-SVHTTDL ngày 22/4/2025 của Sở Văn hoá, Thể thao và Du lịch.');
    const b = parse('Căn cứ Kế hoạch số 805/KH-SVHTTDL ngày 22/4/2025 của Sở Văn hóa, Thể thao và Du lịch.');
    expect(a.references[0]?.issuer).toBe('Sở Văn hoá, Thể thao và Du lịch');
    expect(b.references[0]?.issuer).toBe('Sở Văn hóa, Thể thao và Du lịch');
    expect({ ...a.references[0], issuer: null }).toEqual({ ...b.references[0], issuer: null });
  });

  it('decodes TCVN3 legacy text', () => {
    const unicode =
      'Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\nSố: 15/QĐ-UBND\nSơn La, ngày 05 tháng 3 năm 2024\nCăn cứ Quyết định số 12/QĐ-UBND ngày 01/02/2024 của Ủy ban nhân dân tỉnh;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Trường';
    const tcvn3 = iconv.decode(iconv.encode(unicode, 'tcvn'), 'windows-1252');
    expect(tcvn3).toContain('ViÖt Nam');
    const j = parse(tcvn3);
    expect(j).toMatchObject({ convention: 'state', numberSymbol: '15/QĐ-UBND', docType: 'Quyết định', place: 'Sơn La', date: { year: 2024, month: 3, day: 5 } });
    expect(j.references).toMatchObject([{ numberSymbol: '12/QĐ-UBND', issuer: 'Ủy ban nhân dân tỉnh', relation: 'basis', date: { year: 2024, month: 2, day: 1 } }]);
    expect(j.signer).toEqual({ authority: 'KT.', body: 'CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn Trường' });
    expect(parseDirective('Céng hoµ x· héi chñ nghÜa ViÖt Nam').text).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
  });

  it('reads a one-line document with every line break lost', () => {
    const flat =
      'ĐẢNG BỘ TỈNH LAI CHÂU ĐẢNG ỦY UBND TỈNH * Số 212-CV/ĐU Lai Châu, ngày 22 tháng 10 năm 2025 V/v lấy ý kiến dự thảo văn kiện Kính gửi: Các chi, đảng bộ cơ sở. Thực hiện Công văn số 134-CV/TU, ngày 21/10/2025 của Ban Thường vụ Tỉnh ủy về đẩy mạnh tuyên truyền, Ban Thường vụ Đảng ủy yêu cầu báo cáo trước 16h00 Thứ tư hằng tuần. Nơi nhận: - Như trên, - Lưu VPĐU. T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ Tổng Thanh Hải';
    const j = parse(flat);
    expect(j).toMatchObject({ numberSymbol: '212-CV/ĐU', convention: 'party', place: 'Lai Châu', date: { year: 2025, month: 10, day: 22 }, recipients: ['Các chi, đảng bộ cơ sở'] });
    expect(j.references.map((r) => [r.numberSymbol, r.relation])).toEqual([['134-CV/TU', 'implements']]);
    expect(j.deadlines[0]?.rule).toEqual({ kind: 'weekly', weekday: 3, time: '16:00' });
    expect(j.signer).toEqual({ authority: 'T/M', body: 'BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', name: 'Tổng Thanh Hải' });
  });
});

describe('news text that only reports a document', () => {
  const news = `Ngày 15/3/2025, Ban Thường vụ Tỉnh ủy Lai Châu đã ban hành Kế hoạch số 336-KH/TU về thực hiện Chỉ thị số 45-CT/TW, ngày 14/4/2025 của Bộ Chính trị.
Theo kế hoạch, các cấp ủy báo cáo kết quả hằng tháng về Ban Tổ chức Tỉnh ủy. Đồng chí Giàng A Lử, Bí thư Tỉnh ủy, nhấn mạnh yêu cầu tổ chức tốt đại hội.`;

  it('reads the document the article reports as issued (issue 15), never the article itself, and keeps the other references', () => {
    const j = parse(news);
    expect(j).toMatchObject({
      docType: 'Kế hoạch',
      numberSymbol: '336-KH/TU',
      issuer: 'Ban Thường vụ Tỉnh ủy Lai Châu',
      date: { year: 2025, month: 3, day: 15 },
      subject: 'thực hiện Chỉ thị số 45-CT/TW, ngày 14/4/2025 của Bộ Chính trị',
      place: null,
      signer: null,
      recipients: [],
      distribution: [],
    });
    expect(j.references.map((r) => [r.numberSymbol, r.docType, r.relation])).toEqual([['45-CT/TW', 'Chỉ thị', 'cites']]);
    expect(j.references[0]?.issuer).toBe('Bộ Chính trị');
    expect(j.warnings.join(' ')).toContain('bài viết');
  });
});

describe('deadlines', () => {
  const rules = (s: string) => parse(s).deadlines.map((d) => d.rule);
  it('reads dates, weekdays with times and periodic reports', () => {
    expect(rules('Các đơn vị gửi báo cáo trước ngày 25/12/2025.')).toEqual([{ kind: 'date', date: { year: 2025, month: 12, day: 25 }, time: null }]);
    expect(rules('Báo cáo chậm nhất 17 giờ 30 ngày 05/01/2026.')).toEqual([{ kind: 'date', date: { year: 2026, month: 1, day: 5 }, time: '17:30' }]);
    expect(rules('Tổng hợp, báo cáo hằng tháng; báo cáo hằng quý; báo cáo hằng năm.').map((r) => (r.kind === 'periodic' ? r.period : r.kind))).toEqual([
      'monthly',
      'quarterly',
      'yearly',
    ]);
    expect(rules('Định kỳ 6 tháng gửi báo cáo về Ban Thường vụ.')).toEqual([{ kind: 'periodic', period: 'half_year', time: null }]);
    expect(rules('Chi bộ sinh hoạt hằng tháng theo quy định.')).toEqual([]);
  });
});
