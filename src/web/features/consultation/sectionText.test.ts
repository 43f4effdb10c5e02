import { describe, expect, it } from 'vitest';
import { numbered, sectionWithDescendants, type Section } from './sectionText.js';

const s = (ref: string, parentRef: string | null, heading: string | null, body = ''): Section => ({ ref, parentRef, heading, body });
const draft = [s('I', null, 'QUY ĐỊNH CHUNG'), s('I.1', 'I', 'Về đảng viên'), s('I.1.p1', 'I.1', null, 'Đảng viên phải …'), s('I.2', 'I', 'Về tổ chức'), s('II', null, 'TỔ CHỨC THỰC HIỆN'), s('II.1', 'II', 'Trách nhiệm')];

describe('the section a reader opens', () => {
  it('is the section and everything under it, in order, and nothing after it', () => {
    expect(sectionWithDescendants(draft, 'I.1').map((x) => x.ref)).toEqual(['I.1', 'I.1.p1']);
    expect(sectionWithDescendants(draft, 'I').map((x) => x.ref)).toEqual(['I', 'I.1', 'I.1.p1', 'I.2']);
    expect(sectionWithDescendants(draft, null)).toHaveLength(draft.length);
    expect(sectionWithDescendants(draft, 'III')).toEqual([]);
  });

  it('is numbered as the picker numbers it, unnumbered paragraphs excepted', () => {
    expect(numbered(draft[1]!, 'Về đảng viên')).toBe('I.1. Về đảng viên');
    expect(numbered(draft[2]!, 'Đảng viên phải …')).toBe('Đảng viên phải …');
    expect(numbered(s('II.p3-2', 'II', null), 'x')).toBe('x');
  });
});
