import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { partyCongVan, stateCongVan, stateKeHoach, type OfficialText } from '../../../test/fixtures/official-layout/drafts.js';
import { attributes, flat, positionsInOrder, readDocx, runStyle, type DocxParts } from '../../../test/fixtures/official-layout/inspect.js';
import { renderOfficialDocx } from './index.js';

async function render(document: OfficialText): Promise<{ buffer: Buffer; docx: DocxParts; raw: string }> {
  const { body, ...heading } = document;
  const buffer = await renderOfficialDocx(heading, body);
  const docx = await readDocx(buffer);
  const { value } = await mammoth.extractRawText({ buffer });
  return { buffer, docx, raw: value };
}

function expectPageSetup(docx: DocxParts): void {
  expect(attributes(docx.documentXml, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
  // top 20 mm, bottom 20 mm, left 30 mm, right 15 mm
  expect(attributes(docx.documentXml, 'w:pgMar')).toMatchObject({ 'w:top': '1134', 'w:bottom': '1134', 'w:left': '1701', 'w:right': '850' });
  // Page numbers from page 2: a different first-page header, a PAGE field in the default header.
  expect(docx.documentXml).toContain('<w:titlePg/>');
  expect(docx.headers.some((h) => h.includes('PAGE'))).toBe(true);
}

function expectTimesNewRoman(docx: DocxParts): void {
  expect(docx.stylesXml).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/);
  const fonts = [...docx.documentXml.matchAll(/<w:rFonts w:ascii="([^"]+)"/g)].map((m) => m[1]);
  expect(fonts.length).toBeGreaterThan(10);
  expect(new Set(fonts)).toEqual(new Set(['Times New Roman']));
}

/** The lines appear as consecutive paragraphs (a multi-line name or subject). */
function expectConsecutive(paragraphs: string[], lines: string[]): void {
  const first = paragraphs.indexOf(lines[0] ?? '');
  expect(first).toBeGreaterThanOrEqual(0);
  expect(paragraphs.slice(first, first + lines.length)).toEqual(lines);
}

function expectInOrder(text: string, parts: string[]): void {
  expect(positionsInOrder(flat(text), parts.map(flat))).toEqual({ missing: [], outOfOrder: [] });
}

describe('renderOfficialDocx — Party công văn (Guidance 36, seed 004)', () => {
  let r: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    r = await render(partyCongVan);
  });

  it('is an A4 portrait document with the Party margins, in Times New Roman', () => {
    expect(r.buffer.subarray(0, 2).toString()).toBe('PK');
    expectPageSetup(r.docx);
    expectTimesNewRoman(r.docx);
  });

  it('has the Party header: bodies, star, heading, number without colon, place and date', () => {
    const p = r.docx.paragraphs;
    expect(p).toContain('ĐẢNG BỘ TỈNH LAI CHÂU');
    expectConsecutive(p, ['ĐẢNG ỦY', 'ỦY BAN NHÂN DÂN TỈNH']);
    expect(p).toContain('*');
    expect(p).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(p).toContain('Số 12-CV/ĐU');
    expect(p.some((t) => t.startsWith('Số:'))).toBe(false);
    expect(p).toContain('Lai Châu, ngày 21 tháng 10 năm 2025');
    expect(p).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const xml = r.docx.documentXml;
    expect(runStyle(xml, 'ĐẢNG BỘ TỈNH LAI CHÂU')).toMatchObject({ bold: false, size: 14 });
    expect(runStyle(xml, 'ỦY BAN NHÂN DÂN TỈNH')).toMatchObject({ bold: true, size: 14 });
    expect(runStyle(xml, 'ĐẢNG CỘNG SẢN VIỆT NAM')).toMatchObject({ bold: true, underline: true, size: 15 });
    expect(runStyle(xml, 'Lai Châu, ngày')).toMatchObject({ italics: true, size: 14 });
    expect(runStyle(xml, 'Số 12-CV/ĐU')).toMatchObject({ bold: false, size: 14 });
  });

  it('puts the công văn subject in 12 pt italics under the number and no type title', () => {
    expect(runStyle(r.docx.documentXml, partyCongVan.subject)).toMatchObject({ italics: true, bold: false, size: 12 });
    expect(r.docx.paragraphs).not.toContain('CÔNG VĂN');
    expect(r.docx.paragraphs.indexOf(partyCongVan.subject)).toBe(r.docx.paragraphs.indexOf('Số 12-CV/ĐU') + 1);
  });

  it('writes Kính gửi, the body, Nơi nhận with commas and the signature block', () => {
    const p = r.docx.paragraphs;
    expect(p).toContain('Kính gửi: Các chi, đảng bộ cơ sở.');
    for (const b of partyCongVan.body) expect(p).toContain(b.text);
    expect(runStyle(r.docx.documentXml, 'Nơi nhận:')).toMatchObject({ underline: true, size: 14 });
    const list = ['- Như trên,', '- Thường trực Tỉnh ủy (b/c),', '- Thường trực Đảng ủy (b/c),', '- Các chi, đảng bộ cơ sở,', '- Lưu VPĐU, BTGDVĐU.'];
    for (const l of list) expect(p).toContain(l);
    expect(runStyle(r.docx.documentXml, '- Như trên,')).toMatchObject({ size: 12 });
    for (const l of ['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Tổng Thanh Hải']) {
      expect(p).toContain(l);
      expect(runStyle(r.docx.documentXml, l)).toMatchObject({ bold: true, size: 14 });
    }
    expect(runStyle(r.docx.documentXml, partyCongVan.body[0]?.text ?? '')).toMatchObject({ size: 14, bold: false });
    expect(r.docx.documentXml).toMatch(/<w:jc w:val="both"\/>/);
    expect(r.docx.documentXml).toMatch(/<w:ind w:firstLine="720"\/>/);
  });

  it('lays the header and the signature out in borderless tables', () => {
    const tables = r.docx.documentXml.match(/<w:tbl>/g) ?? [];
    expect(tables).toHaveLength(2);
    const borders = r.docx.documentXml.match(/<w:tblBorders>[\s\S]*?<\/w:tblBorders>/g) ?? [];
    expect(borders).toHaveLength(2);
    for (const b of borders) expect(b).not.toMatch(/w:val="single"/);
  });

  it('reads in the official order through mammoth', () => {
    expectInOrder(r.raw, [
      'ĐẢNG BỘ TỈNH LAI CHÂU',
      'ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Số 12-CV/ĐU',
      'Đẩy mạnh tuyên truyền; tổ chức tốt đợt cao điểm',
      'Lai Châu, ngày 21 tháng 10 năm 2025',
      'Kính gửi: Các chi, đảng bộ cơ sở.',
      ...partyCongVan.body.map((b) => b.text),
      'Nơi nhận:',
      '- Như trên,',
      '- Lưu VPĐU, BTGDVĐU.',
      'T/M BAN THƯỜNG VỤ',
      'PHÓ BÍ THƯ',
      'Tổng Thanh Hải',
    ]);
  });
});

describe('renderOfficialDocx — State kế hoạch (Decree 30, seed 003)', () => {
  let r: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    r = await render(stateKeHoach);
  });

  it('is an A4 portrait document with the State margins, in Times New Roman', () => {
    expectPageSetup(r.docx);
    expectTimesNewRoman(r.docx);
  });

  it('has the national heading and motto, the bodies, "Số:" with a colon, place and date', () => {
    const p = r.docx.paragraphs;
    const xml = r.docx.documentXml;
    expect(p).toContain('UBND TỈNH LAI CHÂU');
    expectConsecutive(p, ['SỞ VĂN HÓA, THỂ THAO', 'VÀ DU LỊCH']);
    expect(p).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(p).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(p).toContain('Số: 805/KH-SVHTTDL');
    expect(p).toContain('Lai Châu, ngày 08 tháng 7 năm 2025');
    expect(p).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(p).not.toContain('*');
    expect(runStyle(xml, 'UBND TỈNH LAI CHÂU')).toMatchObject({ bold: false, size: 13 });
    expect(runStyle(xml, 'SỞ VĂN HÓA')).toMatchObject({ bold: true, size: 13 });
    expect(runStyle(xml, 'CỘNG HÒA XÃ HỘI')).toMatchObject({ bold: true, size: 12 });
    expect(runStyle(xml, 'Độc lập - Tự do - Hạnh phúc')).toMatchObject({ bold: true, underline: true, size: 13 });
    expect(runStyle(xml, 'Số: 805/KH-SVHTTDL')).toMatchObject({ bold: false, size: 13 });
    expect(runStyle(xml, 'Lai Châu, ngày 08')).toMatchObject({ italics: true, size: 14 });
    // The short rules under the issuing body and the subject are paragraph borders, not characters.
    expect((xml.match(/<w:pBdr><w:bottom w:val="single"/g) ?? []).length).toBe(2);
  });

  it('centres the type name in capitals and the subject in bold; no Kính gửi for a kế hoạch without recipients', () => {
    const p = r.docx.paragraphs;
    expect(p).toContain('KẾ HOẠCH');
    expect(runStyle(r.docx.documentXml, 'KẾ HOẠCH')).toMatchObject({ bold: true, size: 14 });
    expectConsecutive(p, ['KẾ HOẠCH', 'Tuyên truyền đại hội đảng bộ các cấp, Đại hội Đảng bộ tỉnh lần thứ XV', 'và Đại hội đại biểu toàn quốc lần thứ XIV của Đảng']);
    expect(runStyle(r.docx.documentXml, 'Tuyên truyền đại hội đảng bộ các cấp')).toMatchObject({ bold: true, size: 14 });
    expect(p.some((t) => t.startsWith('Kính gửi'))).toBe(false);
    expect(p.some((t) => t.startsWith('V/v'))).toBe(false);
  });

  it('writes headings bold, Nơi nhận in bold italics with semicolons and "Lưu:", and the KT. signature', () => {
    const xml = r.docx.documentXml;
    expect(runStyle(xml, 'I. MỤC ĐÍCH, YÊU CẦU')).toMatchObject({ bold: true });
    expect(runStyle(xml, '- Tăng cường công tác')).toMatchObject({ bold: false, size: 14 });
    expect(runStyle(xml, 'Nơi nhận:')).toMatchObject({ bold: true, italics: true, size: 12 });
    expect(runStyle(xml, '- BTGDVTU (báo cáo);')).toMatchObject({ size: 11, bold: false });
    const p = r.docx.paragraphs;
    for (const l of ['- BTGDVTU (báo cáo);', '- Các sở, ngành tỉnh;', '- Các phòng chuyên môn, đơn vị thuộc Sở;', '- Lưu: VT, TTBCXB.']) expect(p).toContain(l);
    for (const l of ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Trần Quang Kháng']) expect(runStyle(xml, l)).toMatchObject({ bold: true, size: 14 });
  });

  it('reads in the official order through mammoth', () => {
    expectInOrder(r.raw, [
      'UBND TỈNH LAI CHÂU',
      'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 805/KH-SVHTTDL',
      'Lai Châu, ngày 08 tháng 7 năm 2025',
      'KẾ HOẠCH',
      'Tuyên truyền đại hội đảng bộ các cấp, Đại hội Đảng bộ tỉnh lần thứ XV và Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
      ...stateKeHoach.body.map((b) => b.text),
      'Nơi nhận:',
      '- BTGDVTU (báo cáo);',
      '- Lưu: VT, TTBCXB.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Trần Quang Kháng',
    ]);
  });
});

describe('renderOfficialDocx — State công văn (seed 002): blanks, V/v and several recipients', () => {
  it('keeps the blank number and day, puts V/v under the number and lists the recipients', async () => {
    const r = await render(stateCongVan);
    const p = r.docx.paragraphs;
    expect(p).toContain('Lào Cai, ngày   tháng 8 năm 2025');
    expect(p.find((t) => t.startsWith('Số:'))).toMatch(/^Số: {2,}\/VHTTDL-TTBCXB$/);
    const vv = 'V/v thực hiện công tác tuyên truyền, thông tin đối ngoại về Đại hội đại biểu toàn quốc lần thứ XIV của Đảng';
    expect(p.indexOf(vv)).toBe(p.findIndex((t) => t.startsWith('Số:')) + 1);
    expect(runStyle(r.docx.documentXml, 'V/v thực hiện')).toMatchObject({ size: 12, bold: false, italics: false });
    expect(p).not.toContain('CÔNG VĂN');
    expectInOrder(r.raw, [
      'Kính gửi:',
      '- Các cơ quan báo chí địa phương;',
      '- Cổng Thông tin điện tử tỉnh Lào Cai;',
      '- Trung tâm Văn hóa và Điện ảnh tỉnh Lào Cai;',
      '- Ủy ban nhân dân các xã, phường.',
      'Căn cứ Hướng dẫn số 21-HD/BTGDVTW',
      '- Như trên;',
      '- Lưu: VT, VP, TTBCXB.',
      'Trần Xuân Huệ',
    ]);
  });

  it('writes NFC text from NFD input', async () => {
    const nfd = JSON.parse(JSON.stringify(stateCongVan).normalize('NFD')) as OfficialText;
    const r = await render(nfd);
    expect(r.docx.documentXml).toBe(r.docx.documentXml.normalize('NFC'));
    expect(r.docx.paragraphs).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(r.docx.paragraphs).toContain('- Ủy ban nhân dân các xã, phường.');
  });
});
