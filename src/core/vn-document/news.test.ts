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

  it('reads a report without a number (the words after the type name it), and takes nothing from common nouns ("có kế hoạch")', () => {
    const j = parse('Sở Y tế vừa ban hành Kế hoạch phòng, chống dịch sốt xuất huyết năm 2024. Các bệnh viện có kế hoạch trực 24/24 giờ.');
    expect(j).toMatchObject({ docType: 'Kế hoạch', numberSymbol: null, date: null, issuer: 'Sở Y tế', subject: 'phòng, chống dịch sốt xuất huyết năm 2024' });
    expect(parse('Các bệnh viện có kế hoạch trực 24/24 giờ.').docType).toBeNull();
  });
});

describe('other ways an article names the document', () => {
  it('"Đó là nội dung tại Chỉ thị số …", with the "của" issuer', () => {
    const j = parse(
      'Siết chặt kỷ cương hành chính\nĐó là yêu cầu của Chủ tịch UBND tỉnh tại Chỉ thị số 07/CT-UBND ngày 02/3/2022 của Chủ tịch UBND tỉnh về tăng cường kỷ luật, kỷ cương hành chính trong cơ quan nhà nước. Theo đó, các sở phải công khai thủ tục.',
    );
    expect(j).toMatchObject({ docType: 'Chỉ thị', numberSymbol: '07/CT-UBND', date: { year: 2022, month: 3, day: 2 }, issuer: 'Chủ tịch UBND tỉnh', subject: 'tăng cường kỷ luật, kỷ cương hành chính trong cơ quan nhà nước' });
  });

  it('"thay mặt UBND tỉnh, Phó Chủ tịch … đã ký ban hành văn bản số …": the body, the date leading the sentence, the type from the symbol', () => {
    const j = parse('(ĐT) - Chiều nay 14/9/2021, thay mặt UBND tỉnh, Phó Chủ tịch UBND tỉnh Lê Văn Hai đã ký ban hành văn bản số 1187/UBND-VX về việc tạm dừng tổ chức lễ hội.');
    expect(j).toMatchObject({ docType: 'Công văn', numberSymbol: '1187/UBND-VX', date: { year: 2021, month: 9, day: 14 }, issuer: 'UBND tỉnh', subject: 'tạm dừng tổ chức lễ hội' });
  });

  it('a page title that names the document, its site date in brackets left out, and a source note', () => {
    const j = parse('Quyết định số 1234/QĐ-BYT (20/03/2019)\nQuyết định số 1234/QĐ-BYT ngày 15 tháng 3 năm 2019 của Bộ Y tế\nTải về');
    expect(j).toMatchObject({ docType: 'Quyết định', numberSymbol: '1234/QĐ-BYT', date: { year: 2019, month: 3, day: 15 }, issuer: 'Bộ Y tế' });
    const note = parse('Thông báo về việc tạm dừng tiếp công dân tháng 8\nỦy ban nhân dân huyện thông báo tạm dừng tiếp công dân định kỳ.\n(Nguồn: Thông báo số 112/TB-UBND ngày 02/8/2021)');
    expect(note).toMatchObject({ docType: 'Thông báo', numberSymbol: '112/TB-UBND', date: { year: 2021, month: 8, day: 2 }, subject: 'tạm dừng tiếp công dân tháng 8' });
  });

  it('takes the date, issuer and subject from the fullest mention when a headline names the document loosely', () => {
    const j = parse('Chỉ thị số 35-CT/TW của Trung ương: "Bước ngoặt" của công tác nhân sự\nNhận rõ điều đó, Chỉ thị số 35-CT/TW, ngày 14-6-2024 của Bộ Chính trị về đại hội đảng bộ các cấp tiến tới Đại hội toàn quốc lần thứ XIV của Đảng, chỉ rõ: phải chuẩn bị nhân sự từ sớm.');
    expect(j).toMatchObject({ docType: 'Chỉ thị', numberSymbol: '35-CT/TW', date: { year: 2024, month: 6, day: 14 }, issuer: 'Bộ Chính trị', subject: 'đại hội đảng bộ các cấp tiến tới Đại hội toàn quốc lần thứ XIV của Đảng' });
  });
});

describe('the issuing body and date of a reported document', () => {
  it('leaves out the signer\'s title and name, reads "Hôm qua 12.5," and a lower-case type word after an issuing verb', () => {
    const j = parse('(BP) - Hôm qua 3.9, Giám đốc Sở Nội vụ Trần Văn Bình đã ký quyết định thành lập Hội đồng thi tuyển công chức năm 2019.');
    expect(j).toMatchObject({ docType: 'Quyết định', date: { year: null, month: 9, day: 3 }, issuer: 'Sở Nội vụ', numberSymbol: null });
    expect(parse('Các trường có kế hoạch ôn tập cho học sinh.').docType).toBeNull();
  });

  it('reads "Đó là chỉ đạo của X đối với … tại Công văn số …" and "có công văn khẩn về việc …"', () => {
    expect(parse('Đó là chỉ đạo của UBND tỉnh đối với các sở, ngành tại Công văn số 512/UBND-NC ngày 03/3 về việc tăng cường tuần tra.').issuer).toBe('UBND tỉnh');
    expect(parse('Bộ Giáo dục và Đào tạo vừa có công văn khẩn về việc phòng, chống bão số 9 gửi các sở.')).toMatchObject({
      docType: 'Công văn',
      issuer: 'Bộ Giáo dục và Đào tạo',
      subject: 'phòng, chống bão số 9',
    });
  });
});

describe('a reprint that names itself outside a header', () => {
  it('fills the missing header from a page title, a preamble sentence before the title, or a source note', () => {
    const byTitle = parse('Công văn 1520 của Ban Dân vận Trung ương ngày 05/4/2016 về việc tổ chức Ngày hội Đại đoàn kết\nKính gửi: Các tỉnh ủy, thành ủy\nBan Dân vận Trung ương đề nghị các tỉnh ủy chỉ đạo.');
    expect(byTitle).toMatchObject({ docType: 'Công văn', date: { year: 2016, month: 4, day: 5 }, issuer: 'Ban Dân vận Trung ương', subject: 'tổ chức Ngày hội Đại đoàn kết' });
    const byPreamble = parse(
      'Ngày 12/6/2019, Huyện ủy Tân Uyên đã ban hành Kế hoạch số 48-KH/HU về tổ chức học tập Nghị quyết.\nBan biên tập xin giới thiệu toàn văn:\nKẾ HOẠCH\ntổ chức học tập Nghị quyết\nThực hiện Hướng dẫn số 12-HD/BTGTU, Ban Thường vụ Huyện ủy ban hành kế hoạch như sau:\nI. MỤC ĐÍCH',
    );
    expect(byPreamble).toMatchObject({ docType: 'Kế hoạch', numberSymbol: '48-KH/HU', date: { year: 2019, month: 6, day: 12 } });
    expect(byPreamble.references.map((r) => r.numberSymbol)).toEqual(['12-HD/BTGTU']);
    const byNote = parse('Thông báo kết quả tuyển dụng viên chức năm 2022\nCăn cứ Nghị định số 115/2020/NĐ-CP ngày 25/9/2020 của Chính phủ về tuyển dụng, sử dụng và quản lý viên chức, Hội đồng tuyển dụng thông báo kết quả như sau:\n1. Danh sách trúng tuyển gồm các thí sinh có tên trong phụ lục kèm theo thông báo này.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Hùng\n(Nguồn: Thông báo số 27/TB-HĐTD ngày 15/11/2022)');
    expect(byNote).toMatchObject({ docType: 'Thông báo', numberSymbol: '27/TB-HĐTD', date: { year: 2022, month: 11, day: 15 }, subject: 'kết quả tuyển dụng viên chức năm 2022' });
  });

  it('reads the issuer of a headerless body that opens with "Thực hiện …"', () => {
    const j = parse('Kỷ niệm 80 năm Ngày truyền thống ngành Tổ chức\n15/01/2020 08:30\nThực hiện Hướng dẫn số 20-HD/BTCTW ngày 10/01/2020 của Ban Tổ chức Trung ương.\nBan Tổ chức Tỉnh ủy đề nghị các huyện ủy tổ chức kỷ niệm trang trọng.');
    expect(j.issuer).toBe('Ban Tổ chức Tỉnh ủy');
    expect(j.date).toBeNull();
  });
});

describe('the issuer named by the body', () => {
  it('leaves the committee\'s term out of its name', () => {
    const j = parse('Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV, nhiệm kỳ 2020 - 2025;\nBan Chấp hành Đảng bộ tỉnh khóa XV quyết nghị:\n1. Tập trung phát triển hạ tầng.\nT/M TỈNH ỦY\nBÍ THƯ\nNguyễn Văn Tám');
    expect(j.issuer).toBe('Ban Chấp hành Đảng bộ tỉnh');
    expect(parse('Ngày 02-12-2021, Ban Chấp hành Đảng bộ huyện khóa XXV đã ban hành Nghị quyết số 05-NQ/HU về phát triển du lịch.').issuer).toBe('Ban Chấp hành Đảng bộ huyện');
  });
});
