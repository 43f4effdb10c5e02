/** Layouts of real input (issue 15): tables copied with tabs, rules under headings, numbers broken over lines, joint documents. */
import { describe, expect, it } from 'vitest';
import { parseDirective, toParseJson } from './index.js';

const parse = (s: string) => toParseJson(parseDirective(s));

describe('header and signature copied from a layout table', () => {
  it('splits tab-separated columns: the title stays out of the subject, the signature out of the Nơi nhận column', () => {
    const text = [
      'HUYỆN ỦY ĐIỆN BIÊN\tĐẢNG CỘNG SẢN VIỆT NAM',
      'BAN DÂN VẬN',
      '*',
      'Số 14 – KH/BDVHU\tĐiện Biên, ngày 12 tháng 5 năm 2023',
      'THÔNG BÁO',
      'kết luận của Thường trực Huyện ủy tại buổi làm việc với xã Thanh Nưa',
      'Ngày 10/5/2023, Thường trực Huyện ủy làm việc với Đảng ủy xã Thanh Nưa.',
      'Nơi nhận:\tT/M BAN THƯỜNG VỤ',
      '- Như trên,\tPHÓ BÍ THƯ',
      '- Lưu VP.',
      '\tLò Thị Hoa',
    ].join('\n');
    const j = parse(text);
    expect(j).toMatchObject({
      docType: 'Thông báo',
      numberSymbol: '14-KH/BDVHU',
      issuer: 'BAN DÂN VẬN',
      place: 'Điện Biên',
      date: { year: 2023, month: 5, day: 12 },
      subject: 'kết luận của Thường trực Huyện ủy tại buổi làm việc với xã Thanh Nưa',
    });
    expect(j.signer).toMatchObject({ authority: 'T/M', title: 'PHÓ BÍ THƯ', name: 'Lò Thị Hoa' });
  });

  it('reads a joint State header (two ministries, rule lines) and the first of two signers side by side', () => {
    const text = [
      'BỘ TƯ PHÁP - BỘ NỘI VỤ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      '--------\tĐộc lập - Tự do - Hạnh phúc',
      '\t---------------',
      'Số: 12/2019/TTLT-BTP-BNV\tHà Nội, ngày 03 tháng 10 năm 2019',
      'THÔNG TƯ LIÊN TỊCH',
      'Hướng dẫn phối hợp trong công tác hộ tịch',
      'Căn cứ Nghị định số 96/2017/NĐ-CP ngày 16 tháng 8 năm 2017 của Chính phủ;',
      'Điều 1. Phạm vi điều chỉnh',
      'KT. BỘ TRƯỞNG BỘ NỘI VỤ\tKT. BỘ TRƯỞNG BỘ TƯ PHÁP',
      'THỨ TRƯỞNG\tTHỨ TRƯỞNG',
      'Trần Anh Tuấn\tPhan Chí Hiếu',
    ].join('\n');
    const j = parse(text);
    expect(j).toMatchObject({ docType: 'Thông tư liên tịch', numberSymbol: '12/2019/TTLT-BTP-BNV', issuer: 'BỘ TƯ PHÁP - BỘ NỘI VỤ', subject: 'Hướng dẫn phối hợp trong công tác hộ tịch' });
    expect(j.references.map((r) => r.numberSymbol)).toEqual(['96/2017/NĐ-CP']);
  });
});

describe('a number and symbol broken over lines', () => {
  const doc = (number: string) => `ĐẢNG ỦY KHỐI CƠ QUAN\n*\n${number}\nHòa Bình, ngày 02 tháng 6 năm 2024\nV/v sơ kết công tác dân vận\nKính gửi: Các đảng bộ cơ sở`;
  it('after a spaced hyphen, before the hyphen and after the slash', () => {
    expect(parse(doc('Số: 275 -\nCV/ĐUK')).numberSymbol).toBe('275-CV/ĐUK');
    expect(parse(doc('Số 275\n- CV/ĐUK')).numberSymbol).toBe('275-CV/ĐUK');
    expect(parse(doc('Số 275-CV/\nĐUK')).numberSymbol).toBe('275-CV/ĐUK');
  });
});

describe('a State header whose two columns were read row by row', () => {
  it('keeps the body name whole across the interleaved headings and reads a caps subject over several lines', () => {
    const text = [
      'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'HUYỆN CHÂU THÀNH Độc lập - Tự do - Hạnh phúc',
      'Số: 87/KH-UBND Châu Thành, ngày 15 tháng 02 năm 2019',
      'KẾ HOẠCH',
      'TỔ CHỨC CÁC HOẠT ĐỘNG KỶ NIỆM 89 NĂM NGÀY THÀNH LẬP',
      'ĐẢNG CỘNG SẢN VIỆT NAM THEO QUYẾT ĐỊNH SỐ 12/QĐ-UBND',
      'Căn cứ Kế hoạch số 05/KH-UBND ngày 10/01/2019 của UBND tỉnh;',
      'I. MỤC ĐÍCH',
    ].join('\n');
    const j = parse(text);
    expect(j).toMatchObject({ issuer: 'ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH', numberSymbol: '87/KH-UBND', place: 'Châu Thành', date: { year: 2019, month: 2, day: 15 } });
    expect(j.subject).toBe('TỔ CHỨC CÁC HOẠT ĐỘNG KỶ NIỆM 89 NĂM NGÀY THÀNH LẬP ĐẢNG CỘNG SẢN VIỆT NAM THEO QUYẾT ĐỊNH SỐ 12/QĐ-UBND');
    // The document quoted in the subject line is a reference.
    expect(j.references.map((r) => r.numberSymbol)).toEqual(['12/QĐ-UBND', '05/KH-UBND']);
  });

  it('reads headings split over lines and cells separated by "|"', () => {
    const text = 'SỞ NỘI VỤ |\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM |\nSố: 311/SNV-CCVC |\nBến Tre, ngày 04 tháng 7 năm 2016 |\nV/v báo cáo số lượng công chức |\nKính gửi: Các sở, ban, ngành';
    expect(parse(text)).toMatchObject({ issuer: 'SỞ NỘI VỤ', numberSymbol: '311/SNV-CCVC', place: 'Bến Tre', subject: 'báo cáo số lượng công chức' });
  });

  it('splits a Party header flattened onto one line at the star and the heading', () => {
    const text =
      'ĐẢNG BỘ HUYỆN YÊN THẾ ĐẢNG ỦY XÃ ĐỒNG TÂM * Số 21-KH/ĐU ĐẢNG CỘNG SẢN VIỆT NAM Đồng Tâm, ngày 03 tháng 02 năm 2022\nKẾ HOẠCH\nthực hiện nhiệm vụ năm 2022\nCăn cứ Nghị quyết số 05-NQ/HU ngày 20/12/2021 của Huyện ủy;';
    expect(parse(text)).toMatchObject({ issuer: 'ĐẢNG ỦY XÃ ĐỒNG TÂM', numberSymbol: '21-KH/ĐU', place: 'Đồng Tâm', subject: 'thực hiện nhiệm vụ năm 2022' });
  });
});

describe('header names wrapped and laid out with spaces', () => {
  it('joins a body name wrapped at any word and a heading wrapped at any word, across a "Số:" line of its own', () => {
    const text = 'ỦY\nBAN NHÂN DÂN\nHUYỆN ĐỨC TRỌNG\n-------\nCỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố:\n45/KH-UBND\nĐức Trọng, ngày 02 tháng 3 năm 2020\nKẾ HOẠCH\nPHÒNG, CHỐNG THIÊN TAI NĂM 2020\nCăn cứ Luật Phòng, chống thiên tai;';
    expect(parse(text)).toMatchObject({ issuer: 'ỦY BAN NHÂN DÂN HUYỆN ĐỨC TRỌNG', numberSymbol: '45/KH-UBND', subject: 'PHÒNG, CHỐNG THIÊN TAI NĂM 2020' });
  });

  it('splits columns laid out with runs of spaces, but not a blank number or a justified sentence', () => {
    const text = [
      'HUYỆN ỦY TAM ĐẢO                    ĐẢNG CỘNG SẢN VIỆT NAM',
      'BAN TỔ CHỨC',
      '        *                          Tam Đảo, ngày 10 tháng 8 năm 2021',
      'Số        -HD/BTCHU',
      'HƯỚNG DẪN',
      'tổ chức “Ngày hội Đại đoàn kết          toàn dân tộc” năm 2021',
      'Căn cứ Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương;',
    ].join('\n');
    expect(parse(text)).toMatchObject({
      issuer: 'BAN TỔ CHỨC',
      numberSymbol: '-HD/BTCHU',
      place: 'Tam Đảo',
      date: { year: 2021, month: 8, day: 10 },
      subject: 'tổ chức “Ngày hội Đại đoàn kết toàn dân tộc” năm 2021',
    });
  });

  it('takes the lowest body of a parent and an issuer flattened onto one line, and keeps one name whole', () => {
    const issuer = (line: string) => parse(`${line}\n*\nSố 05-CV/ĐU\nVĩnh Yên, ngày 02 tháng 3 năm 2022\nV/v tổ chức hội nghị`).issuer;
    expect(issuer('ĐẢNG BỘ TỈNH VĨNH PHÚC ĐẢNG ỦY CƠ QUAN SỞ TÀI CHÍNH')).toBe('ĐẢNG ỦY CƠ QUAN SỞ TÀI CHÍNH');
    expect(issuer('ĐẢNG BỘ KHỐI DOANH NGHIỆP ĐẢNG ỦY CÔNG TY CỔ PHẦN MAY')).toBe('ĐẢNG ỦY CÔNG TY CỔ PHẦN MAY');
    expect(issuer('ĐẢNG ỦY KHỐI CƠ QUAN TỈNH VĨNH PHÚC')).toBe('ĐẢNG ỦY KHỐI CƠ QUAN TỈNH VĨNH PHÚC');
    expect(issuer('BAN CHẤP HÀNH TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH')).toBe('BAN CHẤP HÀNH TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH');
  });
});

describe('titles and subjects broken by the copy', () => {
  it('splits a title glued to the date, joins a title wrapped word by word, and reads a mixed-case subject wrapped before a capital', () => {
    const glued = parse('BỘ NỘI VỤ\nSố: 45/TTr-BNV\nHà Nội, ngày 02 tháng 3 năm 2016BÁO CÁO\nVỀ VIỆC TỔNG KẾT CÔNG TÁC THI ĐUA NĂM 2015\nKính gửi: Thủ tướng Chính phủ');
    expect(glued).toMatchObject({ docType: 'Báo cáo', date: { year: 2016, month: 3, day: 2 }, subject: 'TỔNG KẾT CÔNG TÁC THI ĐUA NĂM 2015' });
    const wrapped = parse('BỘ Y TẾ\nSố: 12/2020/TT-BYT\nHà Nội, ngày 22 tháng 6 năm 2020\nTHÔNG\nTƯ\nQUY\nĐỊNH VỀ CẤP CỨU NGOẠI VIỆN\nBỘ TRƯỞNG BỘ Y TẾ\nCăn cứ Luật Khám bệnh, chữa bệnh;');
    expect(wrapped).toMatchObject({ docType: 'Thông tư', subject: 'QUY ĐỊNH VỀ CẤP CỨU NGOẠI VIỆN' });
    const mixed = parse('HUYỆN ĐOÀN TAM NÔNG\n*\nSố 08-KH/HĐTN\nTam Nông, ngày 05 tháng 3 năm 2017\nKẾ HOẠCH\nTổ chức Ngày hội thanh niên, tiến tới Đại hội\nĐoàn TNCS Hồ Chí Minh huyện Tam Nông lần thứ XII,\nnhiệm kỳ 2017 - 2022\nThực hiện Kế hoạch số 20-KH/TĐTN ngày 10/01/2017 của Ban Thường vụ Tỉnh đoàn;');
    expect(mixed.subject).toBe('Tổ chức Ngày hội thanh niên, tiến tới Đại hội Đoàn TNCS Hồ Chí Minh huyện Tam Nông lần thứ XII, nhiệm kỳ 2017 - 2022');
  });

  it('reads the number of a resolution of the National Assembly Standing Committee in the header', () => {
    expect(parse('ỦY BAN THƯỜNG VỤ\nQUỐC HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1211/2016/UBTVQH13\nHà Nội, ngày 25 tháng 5 năm 2016\nNGHỊ QUYẾT\nVỀ TIÊU CHUẨN CỦA ĐƠN VỊ HÀNH CHÍNH')).toMatchObject({
      numberSymbol: '1211/2016/UBTVQH13',
      issuer: 'ỦY BAN THƯỜNG VỤ QUỐC HỘI',
    });
  });
});
