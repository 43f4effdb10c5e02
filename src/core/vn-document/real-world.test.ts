/**
 * Classes of real-world layouts behind the corpus misses of issue 15, each on a snippet of its own
 * (not the corpus case that showed the class): site dumps, headerless bodies, broken headers, damaged words.
 */
import { describe, expect, it } from 'vitest';
import { checkSpans } from '../../../test/support/directive-spans.js';
import { parseDirective, toParseJson } from './index.js';

/** Parsed, with every spanned field checked to slice back to the text it was read from. */
const parse = (s: string) => {
  const p = parseDirective(s);
  checkSpans(p);
  return toParseJson(p);
};

describe('the issuer named by the body when the header is lost', () => {
  it('after a subordinate clause: "Thực hiện …, để …, Ban Tuyên giáo Huyện ủy đề nghị …"', () => {
    const j = parse(
      [
        'ĐỊNH HƯỚNG TUYÊN TRUYỀN QUÝ III NĂM 2024',
        'Thực hiện Kế hoạch số 12-KH/HU ngày 5/1/2024 của Ban Thường vụ Huyện ủy về công tác tuyên giáo năm 2024, để tạo sự đồng thuận trong Nhân dân, Ban Tuyên giáo Huyện ủy đề nghị các chi bộ tập trung tuyên truyền các nội dung sau:',
        '1. Kỷ niệm 79 năm Cách mạng Tháng Tám.',
      ].join('\n'),
    );
    expect(j.issuer).toBe('Ban Tuyên giáo Huyện ủy');
  });

  it('with its term in brackets before the verb: "Ban Thường vụ Huyện ủy (khóa XXII) ban hành …"', () => {
    const j = parse(
      [
        'KẾ HOẠCH',
        'thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị',
        'Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, Ban Thường vụ Huyện ủy (khóa XXII) ban hành Kế hoạch thực hiện như sau:',
        'I. MỤC ĐÍCH, YÊU CẦU',
      ].join('\n'),
    );
    expect(j.issuer).toBe('Ban Thường vụ Huyện ủy');
  });

  it('in the closing formula of a reprint named by its page title: "Với nội dung trên, UBND xã thông báo …"', () => {
    const body = Array.from({ length: 12 }, (_, i) => `${i + 1}. Thôn ${i + 1} bố trí người trực bảo vệ tài sản, phòng chống cháy nổ trong những ngày nghỉ Tết theo lịch đã thống nhất.`);
    const j = parse(
      [
        'Thông báo lịch trực Tết Nguyên đán Ất Tỵ 2025 của Ủy ban nhân dân xã',
        'Để bảo đảm an ninh trật tự trong dịp Tết, các thôn thực hiện như sau:',
        ...body,
        'Với nội dung trên, UBND xã thông báo để các thôn, bản và Nhân dân biết, thực hiện./.',
      ].join('\n'),
    );
    expect(j.docType).toBe('Thông báo');
    expect(j.issuer).toBe('UBND xã');
  });

  it('in the sentence a text opens with: "UBND huyện yêu cầu các phòng, ban …"', () => {
    const j = parse('UBND huyện yêu cầu các phòng, ban, UBND các xã tổ chức thực hiện Công văn số 123/SYT-NV ngày 2/3/2023 về việc phòng, chống sốt xuất huyết trong mùa mưa.');
    expect(j.issuer).toBe('UBND huyện');
    expect(j.numberSymbol).toBeNull();
    expect(j.references.map((r) => r.numberSymbol)).toEqual(['123/SYT-NV']);
  });
});

describe('the issuer of a header whose lines come in an odd order', () => {
  it('skips the place and date printed between the body and the number', () => {
    const j = parse(
      [
        'BỘ Y TẾ',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Hà Nội, ngày 05 tháng 6 năm 2019',
        'Số: 2345/QĐ-BYT',
        'QUYẾT ĐỊNH',
        'Về việc ban hành Quy chế làm việc của Hội đồng chuyên môn',
        'BỘ TRƯỞNG BỘ Y TẾ',
        'Căn cứ Nghị định số 75/2017/NĐ-CP ngày 20/6/2017 của Chính phủ;',
      ].join('\n'),
    );
    expect(j.issuer).toBe('BỘ Y TẾ');
  });

  it('takes the body above the number when a page title stands above the star', () => {
    const j = parse(
      [
        'KẾ HOẠCH SỐ 05-KH/HU',
        'TRANG CHỦ VĂN BẢN',
        '*',
        'ĐẢNG BỘ TỈNH THÁI NGUYÊN',
        'HUYỆN ỦY ĐẠI TỪ',
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'Số 05-KH/HU',
        'Đại Từ, ngày 10 tháng 3 năm 2021',
        'KẾ HOẠCH',
        'tổ chức Hội nghị học tập Nghị quyết Đại hội XIII của Đảng',
      ].join('\n'),
    );
    expect(j.issuer).toBe('HUYỆN ỦY ĐẠI TỪ');
  });

  it('reads the body printed before "Số" on the number line', () => {
    const j = parse(
      [
        'ĐẢNG BỘ KHỐI DOANH NGHIỆP ĐẢNG ỦY CÔNG TY CẤP NƯỚC Số: 12 - CV/ĐU |',
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'Bắc Ninh, ngày 02 tháng 4 năm 2019 |',
        'V/v tổ chức sinh hoạt chi bộ theo chuyên đề',
        'Kính gửi: Các chi bộ trực thuộc',
      ].join('\n'),
    );
    expect(j.numberSymbol).toBe('12-CV/ĐU');
    expect(j.issuer).toBe('ĐẢNG ỦY CÔNG TY CẤP NƯỚC');
  });

  it('reads a bare "VĂN PHÒNG" after its parent on one line, without the rule drawn after it', () => {
    const j = parse(['TỈNH ỦY SƠN LA VĂN PHÒNG --------', '*', 'Số 15-CV/VPTU', 'Sơn La, ngày 4 tháng 5 năm 2022', 'V/v gửi tài liệu sinh hoạt chi bộ'].join('\n'));
    expect(j.issuer).toBe('VĂN PHÒNG');
  });

  it('reads a joint header whose two bodies share the locality line', () => {
    const j = parse(
      [
        'ỦY BAN NHÂN DÂN',
        'ỦY BAN MTTQ VIỆT NAM',
        'HUYỆN ĐỨC TRỌNG',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 02/CTPH/UBND-MTTQ',
        'Đức Trọng, ngày 14 tháng 2 năm 2020',
        'CHƯƠNG TRÌNH',
        'PHỐI HỢP GIÁM SÁT VÀ PHẢN BIỆN XÃ HỘI',
      ].join('\n'),
    );
    expect(j.issuer).toBe('ỦY BAN NHÂN DÂN ỦY BAN MTTQ VIỆT NAM HUYỆN ĐỨC TRỌNG');
  });
});

describe('damage a copy or a PDF text layer leaves in the header', () => {
  it('drops a page label glued to the first header word ("Trang 1ỦY BAN NHÂN DÂN")', () => {
    const j = parse(['Trang 1ỦY BAN NHÂN DÂN', 'XÃ TÂN PHÚ', 'Số: 15/TTr-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'TỜ TRÌNH', 'Về việc đề nghị công nhận xã đạt chuẩn nông thôn mới'].join('\n'));
    expect(j.issuer).toBe('ỦY BAN NHÂN DÂN XÃ TÂN PHÚ');
  });

  it('restores an authority word that lost its first letter at the start of a header line', () => {
    const j = parse(['Y BAN NHÂN DÂN', 'HUYỆN MƯỜNG TÈ', 'Số: 88/KH-UBND', 'KẾ HOẠCH', 'phòng, chống thiên tai năm 2022'].join('\n'));
    expect(j.issuer).toBe('ỦY BAN NHÂN DÂN HUYỆN MƯỜNG TÈ');
    const party = parse(['ẢNG ỦY XÃ NA SANG', '*', 'Số 21-KH/ĐU', 'KẾ HOẠCH', 'tổ chức đại hội chi bộ'].join('\n'));
    expect(party.issuer).toBe('ĐẢNG ỦY XÃ NA SANG');
  });

  it('reads the number after a type label "Nghị quyết số:" and the body above it', () => {
    const j = parse(
      ['HỘI ĐỒNG NHÂN DÂN', 'TỈNH ĐIỆN BIÊN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Nghị quyết số: 12/2021/NQ-HĐND', 'Điện Biên, ngày 9 tháng 12 năm 2021', 'NGHỊ QUYẾT', 'VỀ VIỆC THÔNG QUA KẾ HOẠCH ĐẦU TƯ CÔNG'].join('\n'),
    );
    expect(j.numberSymbol).toBe('12/2021/NQ-HĐND');
    expect(j.issuer).toBe('HỘI ĐỒNG NHÂN DÂN TỈNH ĐIỆN BIÊN');
  });

  it('a page title naming the document ("Quyết định số …") is not read as the header number', () => {
    const j = parse(['Quyết định số 77/2020/QĐ-UBND của tỉnh', 'ỦY BAN NHÂN DÂN', 'TỈNH BẮC KẠN', 'Số: 77/QĐ-UBND', 'QUYẾT ĐỊNH', 'Về việc phê duyệt đề án'].join('\n'));
    expect(j.numberSymbol).toBe('77/QĐ-UBND');
  });

  it('restores the hyphen a PDF text layer dropped between a type code and a known issuer code', () => {
    const j = parse(
      [
        'ỦY BAN NHÂN DÂN',
        'TỈNH AN GIANG',
        'Số: 305/QĐUBND',
        'QUYẾT ĐỊNH',
        'Về việc ban hành Quy chế làm việc',
        'Căn cứ Nghị định số 30/2020/NĐCP ngày 05 tháng 3 năm 2020 của Chính phủ;',
        'Căn cứ Thông tư số 01/2011/TTBNV ngày 19 tháng 01 năm 2011 của Bộ Nội vụ;',
        'Căn cứ Nghị quyết số 76c/NQCP ngày 13 tháng 6 năm 2021 của Chính phủ;',
        'Căn cứ Công văn số 755/TTCSTTĐN ngày 2/3/2021 của Trung tâm;',
      ].join('\n'),
    );
    expect(j.numberSymbol).toBe('305/QĐ-UBND');
    const refs = j.references.map((r) => r.numberSymbol);
    expect(refs.slice(0, 3)).toEqual(['30/2020/NĐ-CP', '01/2011/TT-BNV', '76c/NQ-CP']);
    // A công văn's issuer-unit code that merely starts like a type code is not split.
    expect(refs).not.toContain('755/TT-CSTTĐN');
  });
});

describe('news reports of a document', () => {
  it('keeps "về" inside the name of a steering committee that issues it', () => {
    const j = parse('Ban Chỉ đạo quốc gia về phòng, chống dịch bệnh ban hành Công điện số 05/CĐ-BCĐ yêu cầu các địa phương khẩn trương triển khai các biện pháp.');
    expect(j.issuer).toBe('Ban Chỉ đạo quốc gia về phòng, chống dịch bệnh');
    expect(j.numberSymbol).toBe('05/CĐ-BCĐ');
  });

  it('reads an urgent document without a type name or number ("đã ký văn bản hỏa tốc")', () => {
    const j = parse('(12/11/2021)\n(TTXVN) - Sáng nay 11/11/2021, Giám đốc Sở Y tế Nguyễn Văn An đã ký văn bản hỏa tốc yêu cầu các bệnh viện tăng cường phòng, chống dịch.');
    expect(j).toMatchObject({ docType: null, numberSymbol: null, issuer: 'Sở Y tế', date: { year: 2021, month: 11, day: 11 } });
  });
});

describe('a document with every line break lost (forum reposts, document sites)', () => {
  const flat =
    'BAN CHẤP HÀNH TRUNG ƯƠNG***Số: 52 - KH/TWĐTN-BTGHỘI LIÊN HIỆP THANH NIÊN VIỆT NAM Hà Nội, ngày 14 tháng 3 năm 2019 KẾ HOẠCHTổ chức Tháng Thanh niên năm 2019--------- - Căn cứ Chương trình công tác năm 2019 của Ban Bí thư Trung ương Đoàn; - Căn cứ Quyết định số 12 QĐ/TWĐTN ngày 02/01/2019 của Ban Bí thư Trung ương Đoàn; Ban Bí thư Trung ương Đoàn ban hành Kế hoạch như sau: Điều 1. Mục đích. Điều 2. Nội dung. Nơi nhận: - Các tỉnh, thành đoàn; - Lưu VP. TM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀNBÍ THƯ (đã ký) Nguyễn Anh Tuấn';

  it('cuts the line again at the header, the bases, the articles, Nơi nhận and the signature', () => {
    const j = parse(flat);
    expect(j).toMatchObject({
      docType: 'Kế hoạch',
      numberSymbol: '52-KH/TWĐTN-BTG',
      date: { year: 2019, month: 3, day: 14 },
      subject: 'Tổ chức Tháng Thanh niên năm 2019',
    });
    expect(j.signer).toMatchObject({ authority: 'TM.', title: 'BÍ THƯ', name: 'Nguyễn Anh Tuấn' });
    expect(j.references.map((r) => r.numberSymbol)).toEqual(['12-QĐ/TWĐTN']);
  });

  it('a symbol glued to the next caps word stops where the word with a Vietnamese mark starts, and the organisation line completes the issuer', () => {
    const j = parse(flat);
    expect(j.issuer).toBe('BAN CHẤP HÀNH TRUNG ƯƠNG HỘI LIÊN HIỆP THANH NIÊN VIỆT NAM');
  });

  it('keeps the whole signature when it stands on the authority line', () => {
    const j = parse(['UBND TỈNH HÀ GIANG', 'SỞ Y TẾ', 'Số: 10/SYT-NV', 'V/v phòng chống dịch', 'Nơi nhận:', '- Như trên;', 'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Trần Văn Bình'].join('\n'));
    expect(j.signer).toMatchObject({ authority: 'KT.', title: 'PHÓ GIÁM ĐỐC', name: 'Trần Văn Bình' });
  });
});

describe("a web page's lines around the document", () => {
  it('a site menu before the header does not start the body, and every parent before the issuer is cut off', () => {
    const j = parse(
      [
        '1. Trang chủ',
        '2. » Văn bản',
        'Số trang 12',
        'ĐẢNG BỘ TỈNH BẮC GIANG ĐẢNG BỘ HUYỆN LỤC NAM ĐẢNG ỦY XÃ CẨM LÝ * Số 15-KH/ĐU ĐẢNG CỘNG SẢN VIỆT NAM Cẩm Lý, ngày 3 tháng 2 năm 2021 KẾ HOẠCH tổ chức đại hội chi bộ nhiệm kỳ 2022 - 2025',
        '1. Mục đích',
      ].join('\n'),
    );
    expect(j).toMatchObject({ docType: 'Kế hoạch', numberSymbol: '15-KH/ĐU', issuer: 'ĐẢNG ỦY XÃ CẨM LÝ', date: { year: 2021, month: 2, day: 3 } });
    expect(j.subject).toBe('tổ chức đại hội chi bộ nhiệm kỳ 2022 - 2025');
  });

  it("stops at the site's own list after the document ('Tài liệu tương tự'): neither subject nor references", () => {
    const j = parse(
      [
        'ỦY BAN NHÂN DÂN TỈNH YÊN BÁI SỞ NỘI VỤ Số: 45/HD-SNV CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Yên Bái, ngày 2 tháng 3 năm 2020 HƯỚNG DẪN công tác văn thư, lưu trữ năm',
        'Tài liệu tương tự',
        'Microsoft Word - quy che van thu.doc',
        'BỘ Y TẾ Số: 155/QĐ-BYT CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Hà Nội, ngày 10 tháng 01 năm 2013 QUYẾT ĐỊNH',
      ].join('\n'),
    );
    expect(j).toMatchObject({ docType: 'Hướng dẫn', numberSymbol: '45/HD-SNV', subject: 'công tác văn thư, lưu trữ năm' });
    expect(j.references).toEqual([]);
  });
});

describe('the trích yếu in damaged or incomplete headers', () => {
  it('a caps subject ends on a year range wrapped alone on its line', () => {
    const j = parse(['ỦY BAN NHÂN DÂN', 'TỈNH GIA LAI', 'Số: 05/KH-UBND', 'KẾ HOẠCH', 'PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG GIAI ĐOẠN', '2021-2025', 'Căn cứ Luật Du lịch năm 2017;'].join('\n'));
    expect(j.subject).toBe('PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG GIAI ĐOẠN 2021-2025');
  });

  it('a conclusion names the conference and the committee that held it', () => {
    const j = parse(
      ['TỈNH ỦY QUẢNG BÌNH', '*', 'Số 12-KL/TU', 'KẾT LUẬN', 'HỘI NGHỊ LẦN THỨ TƯ', 'BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHÓA XVII)', 'về phát triển kinh tế biển', 'Hội nghị lần thứ tư Ban Chấp hành Đảng bộ tỉnh đã thảo luận và kết luận:'].join('\n'),
    );
    expect(j.subject).toBe('HỘI NGHỊ LẦN THỨ TƯ BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHÓA XVII) về phát triển kinh tế biển');
  });

  it('reads a title damaged by OCR or a converter ("K ÉT LUẬN", "HƯỚNGDẪN") and stops the subject at a part "I-"', () => {
    const j = parse(['TỈNH ỦY BẮC NINH', '*', 'Số 30-HD/TU', 'HƯỚNGDẪN', 'CÔNG TÁC KIỂM TRA, GIÁM SÁT NĂM 2023', 'I- MỤC ĐÍCH, YÊU CẦU', '1. Nâng cao chất lượng.'].join('\n'));
    expect(j).toMatchObject({ docType: 'Hướng dẫn', subject: 'CÔNG TÁC KIỂM TRA, GIÁM SÁT NĂM 2023' });
    const ocr = parse(['TỈNH ỦY BẮC NINH', '*', 'Số 31-CT/TU', 'CH Ỉ THỊ', 'VỀ TĂNG CƯỜNG CÔNG TÁC DÂN VẬN', 'Thời gian qua, công tác dân vận có nhiều chuyển biến.'].join('\n'));
    expect(ocr.docType).toBe('Chỉ thị');
    expect(ocr.subject).toBe('VỀ TĂNG CƯỜNG CÔNG TÁC DÂN VẬN');
  });

  it('a caps trích yếu without its title line follows the number and date', () => {
    const j = parse(['ỦY BAN NHÂN DÂN |', 'Số: 03/CT-UBND |', 'Lào Cai, ngày 2 tháng 3 năm 2024 |', 'VỀ VIỆC TĂNG CƯỜNG CÔNG TÁC PHÒNG CHÁY, CHỮA CHÁY RỪNG', 'Mùa khô năm 2024 dự báo nắng nóng kéo dài.'].join('\n'));
    expect(j.subject).toBe('TĂNG CƯỜNG CÔNG TÁC PHÒNG CHÁY, CHỮA CHÁY RỪNG');
  });

  it('neither a damaged motto nor a line of a broken font map is a subject, and a short rule does not hide the issuer', () => {
    const j = parse(['BỘ TÀI CHÍNH', '__', 'Số: 12/2012/TT-BTC', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạ! p!"c', 'Hà Nội, ngày 3 tháng 2 năm 2012', 'TH#NG T$', 'H%&\' d( )!* )!+c ,- ./ )!0ậ) )12!', 'Căn cứ Nghị định số 118/2008/NĐ-CP;'].join('\n'));
    expect(j.subject).toBeNull();
    expect(j.issuer).toBe('BỘ TÀI CHÍNH');
  });

  it("a site's cut preview ('…[.]') before the full text: the full copy's subject", () => {
    const j = parse(
      [
        'ĐẢNG ỦY XÃ TÂN LẬP * Số 04-KH/ĐU ĐẢNG CỘNG SẢN VIỆT NAM Tân Lập, ngày 5 tháng 1 năm 2021 KẾ HOẠCH tổ chức học tập nghị quyết đại[.]',
        'ĐẢNG ỦY XÃ TÂN LẬP * Số 04-KH/ĐU ĐẢNG CỘNG SẢN VIỆT NAM Tân Lập, ngày 5 tháng 1 năm 2021 KẾ HOẠCH tổ chức học tập nghị quyết đại hội đảng bộ huyện -Căn Hướng dẫn số 10-HD/HU ngày 2/1/2021 của Ban Thường vụ Huyện ủy, Đảng ủy xã xây dựng kế hoạch như sau',
      ].join('\n'),
    );
    expect(j.subject).toBe('tổ chức học tập nghị quyết đại hội đảng bộ huyện');
    expect(j.references.map((r) => r.numberSymbol)).toEqual(['10-HD/HU']);
  });
});

describe('portal reprints without a header', () => {
  it('a draft\'s blank number without a type is kept as printed ("Số -/ĐU")', () => {
    const j = parse(['ĐẢNG ỦY TRƯỜNG CAO ĐẲNG Y TẾ', '*', 'Số      -/ĐU', 'Hòa Bình, ngày     tháng 5 năm 2022', 'QUYẾT ĐỊNH', 'V/v thành lập tổ kiểm tra'].join('\n'));
    expect(j.numberSymbol).toBe('-/ĐU');
    expect(j.convention).toBe('party');
  });

  it('the title line right above the body is the subject, without the post date glued to it', () => {
    const j = parse(['Tuyên truyền kỷ niệm 80 năm Ngày thành lập Quân đội nhân dân Việt Nam(20/12/2024)', 'Căn cứ Hướng dẫn số 150-HD/BTGTW ngày 10/10/2024 của Ban Tuyên giáo Trung ương, Văn phòng Đảng ủy đề nghị các chi bộ tuyên truyền.'].join('\n'));
    expect(j.subject).toBe('Tuyên truyền kỷ niệm 80 năm Ngày thành lập Quân đội nhân dân Việt Nam');
    expect(j.date).toBeNull();
  });

  it("a portal's title line 'Công văn Về việc …' and the number alone on the first line name the document; the ministry's code names its issuer", () => {
    const j = parse(['1520/BYT-KCB', 'Công văn Về việc tăng cường công tác khám bệnh, chữa bệnh dịp Tết', 'Kính gửi: Sở Y tế các tỉnh, thành phố', 'Để bảo đảm công tác khám bệnh, chữa bệnh trong dịp Tết theo chỉ đạo của Bộ Y tế, đề nghị các Sở Y tế chỉ đạo các bệnh viện trực 24/24 giờ.'].join('\n'));
    expect(j).toMatchObject({ docType: 'Công văn', numberSymbol: '1520/BYT-KCB', subject: 'tăng cường công tác khám bệnh, chữa bệnh dịp Tết', issuer: 'Bộ Y tế' });
  });

  it('the number, date and "Về việc" subject on one title line', () => {
    const j = parse(['Công văn Số: 88/BTP-VP, ngày 5 tháng 4 năm 2016 Về việc rà soát văn bản quy phạm pháp luật', 'Kính gửi: Các đơn vị thuộc Bộ', 'Thực hiện chỉ đạo của Bộ trưởng, Văn phòng Bộ đề nghị các đơn vị rà soát.'].join('\n'));
    expect(j).toMatchObject({ numberSymbol: '88/BTP-VP', subject: 'rà soát văn bản quy phạm pháp luật', date: { year: 2016, month: 4, day: 5 } });
  });
});

describe('news: which sentence names the document', () => {
  it('without a number, the article\'s sentence speaks before its shortened headline', () => {
    const j = parse(['Sở Y tế ra công văn hỏa tốc về phòng dịch sởi', '12/03/2024, 09:10', 'Sở Y tế vừa có công văn hỏa tốc về việc tăng cường công tác phòng, chống dịch sởi gửi các bệnh viện, đề nghị chủ động tiêm chủng.'].join('\n'));
    expect(j.subject).toBe('tăng cường công tác phòng, chống dịch sởi');
  });

  it('a quoted title inside the subject keeps its closing quote', () => {
    const j = parse('Ngày 5/5/2021, Ban Tuyên giáo Trung ương đã có Công văn số 123-CV/BTGTW về việc giới thiệu bài viết “Một số vấn đề lý luận và thực tiễn về chủ nghĩa xã hội”. Đây là tài liệu quan trọng.');
    expect(j.subject).toBe('giới thiệu bài viết “Một số vấn đề lý luận và thực tiễn về chủ nghĩa xã hội”');
  });
});

describe('signatures and issuers of small units', () => {
  it('a head who signs with a sentence-case title and holds two posts', () => {
    const j = parse(['Thông báo của Chủ tịch Hội đồng trường, Hiệu trưởng', 'Để bảo đảm kỷ luật lao động, Chủ tịch Hội đồng trường, Hiệu trưởng yêu cầu các đơn vị thực hiện nghiêm giờ làm việc.', 'Chủ tịch Hội đồng trường - Hiệu trưởng', 'Trần Minh Tâm'].join('\n'));
    expect(j.signer).toMatchObject({ authority: null, title: 'Chủ tịch Hội đồng trường - Hiệu trưởng', name: 'Trần Minh Tâm' });
  });

  it('the body signed for wrapped before its last word is not a title', () => {
    const j = parse(['UBND TỈNH AN GIANG', 'SỞ TƯ PHÁP', 'Số: 12/STP-VP', 'V/v báo cáo', 'Nơi nhận:', '- Như trên;', 'TM. BAN THƯỜNG', 'VỤ'].join('\n'));
    expect(j.signer).toMatchObject({ authority: 'TM.', body: 'BAN THƯỜNG VỤ', title: null });
  });

  it("a header left with a parent's line only gives way to the body its number's code abbreviates", () => {
    const j = parse(
      ['TỔNG LIÊN ĐOÀN LAO', 'ĐỘNG |', 'Số: 215/LĐLĐ |', 'Cần Thơ, ngày 3 tháng 2 năm 2021 |', 'Kính gửi: Công đoàn cơ sở', 'Nhằm chăm lo Tết cho đoàn viên. Liên đoàn Lao động Thành phố đề nghị các công đoàn cơ sở tổ chức thăm hỏi.'].join('\n'),
    );
    expect(j.issuer).toBe('Liên đoàn Lao động Thành phố');
    const agreeing = parse(['ỦY BAN NHÂN DÂN', 'HUYỆN TAM ĐƯỜNG', 'Số: 55/UBND', 'V/v phòng chống rét', 'Phòng Nông nghiệp đề nghị các xã chống rét cho trâu bò.'].join('\n'));
    expect(agreeing.issuer).toBe('ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG');
    // Every word of a name in capitals gives its initial ("THỂ THAO" is T T, not an abbreviation).
    const caps = parse(
      ['UBND TỈNH LAI CHÂU', 'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH', 'Số: 12/SVHTTDL-VP', 'V/v tuyên truyền', 'Kính gửi: Các phòng', 'Sở Văn hóa, Thể thao và Du lịch đề nghị các phòng thực hiện.'].join('\n'),
    );
    expect(caps.issuer).toBe('SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH');
  });
});

describe('dates and references written the way copies write them', () => {
  it('reads a month written in words in the header date', () => {
    const j = parse(['TỈNH ỦY NGHỆ AN', '*', 'Số 05-CV/TU', 'Vinh, ngày 12 tháng tám năm 2019', 'V/v tổ chức hội nghị'].join('\n'));
    expect(j.date).toEqual({ year: 2019, month: 8, day: 12 });
  });

  it('reads "ngày 29 tháng 12/2020" in a news sentence', () => {
    const j = parse('Ngày 15 tháng 3/2021 Ban Thường vụ Huyện ủy đã ban hành Chỉ thị số 07-CT/HU về tăng cường công tác phòng cháy rừng. Theo đó các xã phải trực 24/24.');
    expect(j.date).toEqual({ year: 2021, month: 3, day: 15 });
  });

  it("cites the documents of an article's lead above the reprinted header, not those of the site's headline list", () => {
    const j = parse(
      [
        '(Mặt trận) - Tại Quy định số 45-QĐ/TW ngày 1/11/2021 của Ban Chấp hành Trung ương có điểm mới so với Quy định số 30-QĐ/TW trước đây, đó là quy định cụ thể hơn về thẩm quyền. Ban Biên tập trân trọng đăng toàn văn.',
        'Hội nghị tổng kết Nghị quyết số 18-NQ/TW tại Hà Nội',
        'BAN CHẤP HÀNH TRUNG ƯƠNG',
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'Số: 45-QĐ/TW',
        'Hà Nội, ngày 01 tháng 11 năm 2021',
        'QUY ĐỊNH',
        'THI HÀNH ĐIỀU LỆ ĐẢNG',
        '- Căn cứ Điều lệ Đảng;',
      ].join('\n'),
    );
    expect(j.numberSymbol).toBe('45-QĐ/TW');
    expect(j.references.map((r) => r.numberSymbol)).toEqual(['30-QĐ/TW']);
  });
});

describe('the fuller naming of the same issuing body', () => {
  it('takes the body named more fully further on ("VPĐU đề nghị …" … "VPĐU Trường Đại học Y đề nghị …")', () => {
    const j = parse(
      [
        'Tuyên truyền kỷ niệm Ngày Thầy thuốc Việt Nam',
        'Căn cứ Hướng dẫn số 20-HD/BTGTW ngày 1/2/2024 của Ban Tuyên giáo Trung ương, VPĐU đề nghị các chi bộ tuyên truyền trong sinh hoạt định kỳ.',
        'VPĐU Trường Đại học Y đề nghị các chi bộ phổ biến tới đảng viên./.',
      ].join('\n'),
    );
    expect(j.issuer).toBe('VPĐU Trường Đại học Y');
  });
});
