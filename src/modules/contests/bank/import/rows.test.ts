import { describe, expect, it } from 'vitest';
import { contentHashOf } from '../question.js';
import { questionsOfRows } from './rows.js';

const header = ['question', 'option_a', 'option_b', 'option_c', 'option_d', 'option_e', 'option_f', 'correct', 'topic', 'difficulty', 'source'];
const rows = (...data: string[][]) => [{ line: 1, cells: header }, ...data.map((cells, i) => ({ line: i + 2, cells }))];
const good = ['Đại hội XIII họp năm nào?', '2016', '2021', '', '', '', '', 'B', 'Đại hội', 'easy', 'dangcongsan.vn'];

describe('questionsOfRows', () => {
  it('reads a good row: options up to the last filled one, 0-based key, difficulty', () => {
    const parsed = questionsOfRows(rows(good, ['Chọn hai', 'a', 'b', 'c', '', '', '', 'a; C', '', 'HARD', '']));
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rowsRead).toBe(2);
    expect(parsed.questions[0]).toEqual({ line: 2, input: { text: 'Đại hội XIII họp năm nào?', options: ['2016', '2021'], correct: [1], source: 'dangcongsan.vn', explanation: '', topic: 'Đại hội', difficulty: 'easy', disputed: false } });
    expect(parsed.questions[1]?.input).toMatchObject({ options: ['a', 'b', 'c'], correct: [0, 2], difficulty: 'hard' });
  });

  it('rejects every bad-row kind of the issue with its line and a Vietnamese reason', () => {
    const parsed = questionsOfRows(
      rows(
        good,
        ['Một phương án', 'chỉ A', '', '', '', '', '', 'A', '', 'easy', ''],
        ['Đáp án trống', 'a', 'b', '', '', '', '', 'C', '', 'easy', ''],
        ['Độ khó lạ', 'a', 'b', '', '', '', '', 'A', '', 'khó lắm', ''],
        ['', 'a', 'b', '', '', '', '', 'A', '', 'easy', ''],
        ['Chữ lạ', 'a', 'b', '', '', '', '', 'G', '', 'easy', ''],
        ['Lỗ hổng', 'a', 'b', '', 'd', '', '', 'A', '', 'easy', ''],
      ),
    );
    expect(parsed.questions).toHaveLength(1);
    expect(parsed.rejected.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 8]);
    const [few, emptyKey, difficulty, noText, letter, gap] = parsed.rejected.map((r) => r.reason);
    expect(few).toContain('ít nhất hai phương án');
    expect(emptyKey).toContain('Đáp án C (cột correct) chỉ vào phương án C đang để trống');
    expect(difficulty).toContain('Độ khó "khó lắm" (cột difficulty) không hợp lệ');
    expect(noText).toContain('Thiếu nội dung câu hỏi');
    expect(letter).toContain('Đáp án "G"');
    expect(gap).toContain('Phương án C để trống nhưng phương án D có nội dung');
  });

  it('refuses a header without the issue’s columns (line 1), accepts explanation and disputed columns', () => {
    const bad = questionsOfRows([{ line: 1, cells: ['question', 'a', 'b'] }, { line: 2, cells: ['x', 'y', 'z'] }]);
    expect(bad.rejected).toHaveLength(1);
    expect(bad.rejected[0]?.line).toBe(1);
    expect(bad.rejected[0]?.reason).toContain('Thiếu cột: option_a');
    const extended = questionsOfRows([
      { line: 1, cells: [...header, 'Explanation', 'disputed'] },
      { line: 3, cells: [...good, 'Vì…', 'x'] },
      { line: 4, cells: [...good, '', 'có lẽ'] },
    ]);
    expect(extended.questions[0]?.input).toMatchObject({ explanation: 'Vì…', disputed: true });
    expect(extended.rejected).toEqual([{ line: 4, reason: expect.stringContaining('cột disputed') }]);
  });

  it('hashes the normalised text: spacing, Unicode form and key order do not make a new question', () => {
    const a = contentHashOf({ text: 'Đại hội  XIII\n họp năm nào?', options: ['2016 ', '2021'], correct: [1] });
    const b = contentHashOf({ text: ' Đại hội XIII họp năm nào?'.normalize('NFD'), options: ['2016', '2021'], correct: [1, 1] });
    expect(a).toBe(b);
    expect(contentHashOf({ text: 'Đại hội XIII họp năm nào?', options: ['2016', '2021'], correct: [0] })).not.toBe(a);
  });
});
