import { describe, expect, it } from 'vitest';
import { shortTitles, wrapLabel } from './chartLabels.js';

const demo = [
  'Dự thảo Báo cáo chính trị trình Đại hội XIV của Đảng',
  'Dự thảo Báo cáo tổng kết một số vấn đề lý luận và thực tiễn về công cuộc đổi mới theo định hướng xã hội chủ nghĩa trong 40 năm ở Việt Nam',
  'Dự thảo Báo cáo tổng kết thi hành Điều lệ Đảng nhiệm kỳ Đại hội XIII',
];

describe('chart labels of documents', () => {
  it('leaves out the words every title starts with, so the labels differ from their first words', () => {
    const short = shortTitles(demo);
    expect(short).toEqual([
      'Chính trị trình Đại hội XIV của Đảng',
      'Tổng kết một số vấn đề lý luận và thực tiễn về công cuộc đổi mới theo định hướng xã hội chủ nghĩa trong 40 năm ở Việt Nam',
      'Tổng kết thi hành Điều lệ Đảng nhiệm kỳ Đại hội XIII',
    ]);
    // Wrapped as on a phone (two lines of about 16 characters), the three are still told apart.
    const phone = short.map((s) => wrapLabel(s, 16, 2));
    expect(new Set(phone).size).toBe(3);
    for (const label of phone) for (const line of label.split('\n')) expect(line.length).toBeLessThanOrEqual(17);
  });

  it('drops only "Dự thảo" from a single title, and keeps two words of every title', () => {
    expect(shortTitles(['Dự thảo Điều lệ Đảng (sửa đổi)'])).toEqual(['Điều lệ Đảng (sửa đổi)']);
    expect(shortTitles(['Báo cáo A', 'Báo cáo B'])).toEqual(['Báo cáo A', 'Báo cáo B']);
  });

  it('wraps at spaces and marks a cut with "…"', () => {
    expect(wrapLabel('Tổng kết thi hành Điều lệ Đảng', 16, 2)).toBe('Tổng kết thi\nhành Điều lệ…');
    expect(wrapLabel('Tổng kết thi hành Điều lệ', 16, 2)).toBe('Tổng kết thi\nhành Điều lệ');
    expect(wrapLabel('Chính trị', 16, 2)).toBe('Chính trị');
    expect(wrapLabel('một hai ba bốn năm sáu bảy tám chín mười', 10, 2)).toBe('một hai ba\nbốn năm…');
  });
});
