import { describe, expect, it } from 'vitest';
import { parseDirective } from '../../core/vn-document/index.js';
import { sectionsFromTree } from './document-sections.js';

const draft = `BÁO CÁO CHÍNH TRỊ

I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI XIII

1. Về phát triển kinh tế

a) Tăng trưởng kinh tế đạt khá cao trong bối cảnh nhiều khó khăn.

b) Kinh tế vĩ mô cơ bản ổn định.

2. Về văn hóa, xã hội

II. MỤC TIÊU, ĐỊNH HƯỚNG 2026 - 2030

1. Mục tiêu tổng quát

2. Các chỉ tiêu chủ yếu
`;

describe('sectionsFromTree', () => {
  it('gives each part, section and paragraph a reference built from its numbering', () => {
    const sections = sectionsFromTree(parseDirective(draft).sections);
    const refs = sections.map((s) => s.ref);
    expect(refs).toEqual(expect.arrayContaining(['I', 'I.1', 'I.1.a', 'I.1.b', 'I.2', 'II', 'II.1', 'II.2']));
    expect(sections.find((s) => s.ref === 'I.1')?.heading).toBe('Về phát triển kinh tế');
    expect(sections.find((s) => s.ref === 'I.1.a')?.parentRef).toBe('I.1');
  });

  it('is stable: the same text gives the same references, and references are unique', () => {
    const a = sectionsFromTree(parseDirective(draft).sections).map((s) => s.ref);
    const b = sectionsFromTree(parseDirective(draft).sections).map((s) => s.ref);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });
});
