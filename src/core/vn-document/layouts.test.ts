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
