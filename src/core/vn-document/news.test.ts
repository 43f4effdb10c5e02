/** Articles and portal notices that only report a document (issue 15): the reported document is the one read. */
import { describe, expect, it } from 'vitest';
import { parseDirective, toParseJson } from './index.js';

const parse = (s: string) => toParseJson(parseDirective(s));

describe('a document quoted in a news article', () => {
  it('reads the issued document, not the timestamp, the caption date, the image file or the view counter', () => {
    const text = `Trang chủ » Tin tức » Xây dựng Đảng
Cập nhật: 08:30 Thứ Hai, 10/03/2025
Huyện ủy Mường Tè triển khai học tập chuyên đề năm 2025
(MT) - Ngày 7/3, Ban Thường vụ Huyện ủy Mường Tè đã ban hành Hướng dẫn số 09-HD/HU, ngày 06/3/2025 về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2025. Theo đó, các chi, đảng bộ tổ chức học tập trong quý II.
Các đại biểu dự hội nghị ngày 8/3/2025. (Ảnh: hoi-nghi-08032025.jpg)
Lượt xem: 2.315 | Ngày đăng: 10/03/2025`;
    const j = parse(text);
    expect(j).toMatchObject({
      docType: 'Hướng dẫn',
      numberSymbol: '09-HD/HU',
      date: { year: 2025, month: 3, day: 6 },
      issuer: 'Ban Thường vụ Huyện ủy Mường Tè',
      subject: 'học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2025',
      signer: null,
      place: null,
    });
    expect(j.references).toEqual([]);
  });

  it('reads "có Công văn số … gửi … về …" with the addressees before the subject, and the "của" issuer', () => {
    const j = parse(
      'Mới đây, Văn phòng UBND tỉnh có Công văn số 1523/VP-KGVX ngày 21/8/2023 gửi các sở, ban, ngành về việc tăng cường quản lý hoạt động lễ hội. Trước đó, Bộ Văn hóa, Thể thao và Du lịch đã có Công văn số 3020/BVHTTDL-VHCS.',
    );
    expect(j).toMatchObject({ docType: 'Công văn', numberSymbol: '1523/VP-KGVX', date: { year: 2023, month: 8, day: 21 }, issuer: 'Văn phòng UBND tỉnh' });
    expect(j.subject).toBe('tăng cường quản lý hoạt động lễ hội');
    expect(j.references.map((r) => r.numberSymbol)).toEqual(['3020/BVHTTDL-VHCS']);
  });

  it('reads a subject in quotes and prefers the sentence with a number over a headline without one', () => {
    const j = parse(`Tỉnh ủy ban hành Chỉ thị về đại hội chi bộ
Ban Thường vụ Thành ủy vừa ban hành Chỉ thị số 21-CT/TU ngày 15/01/2024 “Về lãnh đạo đại hội chi bộ trực thuộc đảng bộ cơ sở nhiệm kỳ 2024 - 2027”.`);
    expect(j).toMatchObject({ docType: 'Chỉ thị', numberSymbol: '21-CT/TU', issuer: 'Ban Thường vụ Thành ủy', date: { year: 2024, month: 1, day: 15 } });
    expect(j.subject).toBe('Về lãnh đạo đại hội chi bộ trực thuộc đảng bộ cơ sở nhiệm kỳ 2024 - 2027');
  });

  it('reads a headline-only report without a number, and takes nothing from common nouns ("có kế hoạch")', () => {
    const j = parse('Sở Y tế vừa ban hành Kế hoạch phòng, chống dịch sốt xuất huyết năm 2024. Các bệnh viện có kế hoạch trực 24/24 giờ.');
    expect(j).toMatchObject({ docType: 'Kế hoạch', numberSymbol: null, date: null, issuer: 'Sở Y tế', subject: null });
    expect(parse('Các bệnh viện có kế hoạch trực 24/24 giờ.').docType).toBeNull();
  });
});
