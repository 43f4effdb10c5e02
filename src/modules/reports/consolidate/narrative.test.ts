import { describe, expect, it } from 'vitest';
import { draftNarrative, narrativeText, splitSentences } from './narrative.js';

describe('draftNarrative', () => {
  it('groups the children’s texts by section then by child, merging identical sentences', () => {
    const sections = draftNarrative(
      ['Kết quả', 'Hạn chế'],
      [
        { name: 'Chi bộ 1', narrative: ['Tổ chức 2 hội nghị. Đảng viên tham gia đầy đủ.', 'Chưa có.'] },
        { name: 'Chi bộ 2', narrative: ['- đảng viên tham gia  đầy đủ\n- Ra quân vệ sinh môi trường.'] },
        { name: 'Chi bộ 3', narrative: ['Đảng viên tham gia đầy đủ!', 'Kinh phí còn hạn hẹp.'] },
      ],
    );
    expect(sections).toEqual([
      {
        title: 'Kết quả',
        entries: [
          { text: 'Tổ chức 2 hội nghị.', units: ['Chi bộ 1'] },
          { text: 'Đảng viên tham gia đầy đủ.', units: ['Chi bộ 1', 'Chi bộ 2', 'Chi bộ 3'] },
          { text: 'Ra quân vệ sinh môi trường.', units: ['Chi bộ 2'] },
        ],
      },
      { title: 'Hạn chế', entries: [{ text: 'Chưa có.', units: ['Chi bộ 1'] }, { text: 'Kinh phí còn hạn hẹp.', units: ['Chi bộ 3'] }] },
    ]);
    expect(narrativeText(sections[1]!)).toBe('- Chưa có. (Chi bộ 1)\n- Kinh phí còn hạn hẹp. (Chi bộ 3)');
  });

  it('keeps diacritics apart and drops empty sentences', () => {
    expect(splitSentences('Đảng.  \n\n dàng. ...')).toEqual(['Đảng.', 'dàng.']);
    expect(draftNarrative(['A'], [{ name: 'X', narrative: [] }])).toEqual([{ title: 'A', entries: [] }]);
  });
});
