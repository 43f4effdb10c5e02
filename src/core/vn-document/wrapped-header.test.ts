import { describe, expect, it } from 'vitest';
import { parseDirective } from './index.js';

/** Headers as the official DOCX renderer writes them and "Tải tệp lên" reads them back (issue 11, item 2). */
describe('header issuer wrapped over two lines', () => {
  const party = (issuer: string, number = 'Số        -CV/CB') =>
    `ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\n${issuer}\n*\nĐẢNG CỘNG SẢN VIỆT NAM\n${number}\nĐẩy mạnh tuyên truyền đại hội\nLai Châu, ngày   tháng 12 năm 2026\nThực hiện Công văn số 12-CV/ĐU, Chi bộ yêu cầu:\n1. Tuyên truyền.\n`;

  it('stays one issuer when the name breaks mid-word, after a dash or before "VÀ"', () => {
    expect(parseDirective(party('CHI BỘ SỞ VĂN HÓA, THỂ\nTHAO VÀ DU LỊCH LAI CHÂU')).issuer?.value).toBe('CHI BỘ SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH LAI CHÂU');
    expect(parseDirective(party('CHI BỘ PHÒNG TỔNG HỢP -\nVĂN PHÒNG UBND TỈNH SƠN LA')).issuer?.value).toBe('CHI BỘ PHÒNG TỔNG HỢP - VĂN PHÒNG UBND TỈNH SƠN LA');
    expect(parseDirective(party('BAN TUYÊN GIÁO VÀ DÂN VẬN\nĐẢNG ỦY UBND TỈNH LAI CHÂU', 'Số        -CV/BTGDVĐU')).issuer?.value).toBe('BAN TUYÊN GIÁO VÀ DÂN VẬN ĐẢNG ỦY UBND TỈNH LAI CHÂU');
  });

  it('keeps a parent body above a one-line issuer apart', () => {
    const parsed = parseDirective(party('CHI BỘ SỞ VĂN HÓA LAI CHÂU'));
    expect(parsed.issuer?.value).toBe('CHI BỘ SỞ VĂN HÓA LAI CHÂU');
    expect(parsed.numberSymbol?.value).toBe('-CV/CB');
    expect(parsed.docType?.value).toBe('Công văn');
    // A Party công văn's subject stands under the number, before or after the place and date.
    expect(parsed.subject?.value).toBe('Đẩy mạnh tuyên truyền đại hội');
  });

  it('reads a State header whose national heading ("CỘNG HÒA …") was flattened between issuer and number', () => {
    const text =
      'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH LÀO CAI\nTRUNG TÂM VĂN HÓA\nVÀ ĐIỆN ẢNH TỈNH LÀO CAI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố:        /TTVHĐA\nV/v thực hiện công tác tuyên truyền\nLào Cai, ngày   tháng 12 năm 2026\nThực hiện Công văn của Sở, Trung tâm đề nghị:\n1. Tuyên truyền.\n';
    const parsed = parseDirective(text);
    expect(parsed.issuer?.value).toBe('TRUNG TÂM VĂN HÓA VÀ ĐIỆN ẢNH TỈNH LÀO CAI');
    expect(parsed.numberSymbol?.value).toBe('/TTVHĐA');
    expect(parsed.docType?.value).toBe('Công văn');
    expect(parsed.subject?.value).toBe('thực hiện công tác tuyên truyền');
    expect(parseDirective(text.replace('Số:        /TTVHĐA', 'Số: 12/TTVHĐA')).numberSymbol?.value).toBe('12/TTVHĐA');
  });
});
