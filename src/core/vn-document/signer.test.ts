/** Signatures as reprints break them (issue 15): authority without its full stop, beside Nơi nhận, a stray mark after the name, a title alone. */
import { describe, expect, it } from 'vitest';
import { parseDirective, toParseJson } from './index.js';

const signer = (s: string) => toParseJson(parseDirective(s)).signer;
const BODY = 'Điều 3. Chánh Văn phòng và Thủ trưởng các đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.\n\n';

describe('broken signatures', () => {
  it('reads "TM" and "KT" without their full stop, and an authority laid out with spaces beside "Nơi nhận:"', () => {
    expect(signer(`${BODY}Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nKT CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Sơn`)).toMatchObject({ authority: 'KT.', title: 'PHÓ CHỦ TỊCH', name: 'Lê Văn Sơn' });
    expect(signer(`${BODY}Nơi nhận:                                        TM. ỦY BAN NHÂN DÂN\n- Như Điều 3;                         CHỦ TỊCH\n- Lưu: VT.\n\nHồ Văn Mừng`)).toMatchObject({
      authority: 'TM.',
      body: 'ỦY BAN NHÂN DÂN',
      title: 'CHỦ TỊCH',
      name: 'Hồ Văn Mừng',
    });
  });

  it('leaves a stray mark after the name out, and reads a head who signs with the title alone', () => {
    expect(signer(`${BODY}KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n\nĐinh Thị Lan\n;`)).toMatchObject({ authority: 'KT.', title: 'PHÓ GIÁM ĐỐC', name: 'Đinh Thị Lan' });
    expect(signer(`${BODY}Phòng Giáo dục yêu cầu các trường thực hiện nghiêm túc thông báo này.\n\n                 TRƯỞNG PHÒNG\n`)).toMatchObject({ authority: null, title: 'TRƯỞNG PHÒNG', name: null });
  });
});
