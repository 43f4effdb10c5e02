import { describe, expect, it } from 'vitest';
import { demoBankRows, demoTopics } from './bank.js';

/**
 * The demo bank (issue 14, item 2): at least 60 questions built from the fact table of
 * quiz-contests.md §4, each with a source, a topic, a difficulty, an explanation and four options,
 * keyed to the right option(s). The key sheet below was written from the fact table independently
 * of the file's option order: a wrong letter in questions.csv fails it.
 */
const keySheet: [stem: string, answers: string[]][] = [
  ['Ngày thành lập Đảng Cộng sản Việt Nam', ['3/2/1930']],
  ['Ai là Tổng Bí thư đầu tiên', ['Trần Phú']],
  ['Hội nghị Ban Chấp hành Trung ương lần thứ nhất (10/1930) đổi tên', ['Đảng Cộng sản Đông Dương']],
  ['Đồng chí Hà Huy Tập giữ cương vị', ['10/1936 – 3/1938']],
  ['Chủ tịch Hồ Chí Minh giữ cương vị Tổng Bí thư', ['10/1956 – 9/1960']],
  ['trước Cách mạng Tháng Tám', ['Trần Phú', 'Lê Hồng Phong']],
  ['Đại hội đại biểu lần thứ I của Đảng (1935) được tổ chức ở đâu', ['Ma Cao (Trung Quốc)']],
  ['Đại hội I của Đảng (1935) bầu ai', ['Lê Hồng Phong']],
  ['Đại hội I (1935) có bao nhiêu đại biểu', ['13']],
  ['Đại hội I (1935) đề ra ba nhiệm vụ', ['Củng cố và phát triển Đảng', 'Tranh thủ quần chúng rộng rãi', 'Chống chiến tranh đế quốc']],
  ['Đại hội đại biểu toàn quốc lần thứ II của Đảng (2/1951) diễn ra ở đâu', ['Xã Vinh Quang (nay là Kim Bình), Chiêm Hóa, Tuyên Quang']],
  ['Tại Đại hội II (1951), Đảng ra hoạt động công khai', ['Đảng Lao động Việt Nam']],
  ['Đại hội II (1951) có bao nhiêu đại biểu chính thức', ['158']],
  ['Đại hội duy nhất của Đảng được tổ chức trong nước nhưng ngoài Hà Nội', ['Đại hội II (1951)']],
  ['Đại hội III (9/1960) bầu đồng chí Lê Duẩn', ['Bí thư thứ nhất Ban Chấp hành Trung ương']],
  ['Kế hoạch 5 năm lần thứ nhất', ['1961 – 1965']],
  ['quyết định đổi tên Đảng thành Đảng Cộng sản Việt Nam', ['Đại hội IV (1976)']],
  ['Đại hội IV của Đảng có bao nhiêu đại biểu', ['1.008']],
  ['Khi Đại hội V họp (1982)', ['1.727.000']],
  ['ngày 14/7/1986', ['Trường Chinh']],
  ['bầu đồng chí Lê Duẩn làm người đứng đầu', ['Đại hội III (1960)', 'Đại hội IV (1976)', 'Đại hội V (1982)']],
  ['đề ra đường lối đổi mới toàn diện', ['Đại hội VI (12/1986)']],
  ['Đại hội VI có bao nhiêu đại biểu', ['1.129']],
  ['(năm 1991) được thông qua tại Đại hội nào', ['Đại hội VII']],
  ['Đại hội VIII (1996) bầu ai', ['Đỗ Mười']],
  ['Đồng chí Lê Khả Phiêu được bầu làm Tổng Bí thư tại đâu', ['Hội nghị Trung ương 4 khóa VIII (12/1997)']],
  ['mô hình kinh tế tổng quát', ['Đại hội IX']],
  ['Khi Đại hội IX họp (2001)', ['2.479.719']],
  ['Đại hội X của Đảng diễn ra', ['18 – 25/4/2006']],
  ['bầu đồng chí Nông Đức Mạnh', ['Đại hội IX (2001)', 'Đại hội X (2006)']],
  ['bầu đồng chí Đỗ Mười', ['Đại hội VII (1991)', 'Đại hội VIII (1996)']],
  ['(bổ sung, phát triển năm 2011) được thông qua', ['Đại hội XI']],
  ['Đại hội XI có bao nhiêu đại biểu', ['1.377']],
  ['được bầu lại làm Tổng Bí thư khóa XII', ['27/1/2016']],
  ['Đại hội XII có bao nhiêu đại biểu', ['1.510']],
  ['Đại hội XIII có bao nhiêu đại biểu', ['1.587']],
  ['tầm nhìn đến năm nào', ['2045']],
  ['Đại hội XIV của Đảng diễn ra', ['19 – 23/1/2026']],
  ['Đại hội XIV có bao nhiêu đại biểu', ['1.586']],
  ['Khẩu hiệu (phương châm) của Đại hội XIV', ['Đoàn kết – Dân chủ – Kỷ cương – Đột phá – Phát triển']],
  ['Đồng chí Tô Lâm được bầu lại', ['Sáng 23/1/2026, tại Hội nghị lần thứ nhất Ban Chấp hành Trung ương khóa XIV']],
  ['rút ngắn bao lâu', ['1,5 ngày']],
  ['bầu hoặc bầu lại đồng chí Nguyễn Phú Trọng', ['Đại hội XI (2011)', 'Đại hội XII (2016)', 'Đại hội XIII (2021)']],
  ['số đại biểu chính thức đông nhất', ['Đại hội XIII']],
];

const rows = demoBankRows();
const keyed = (row: (typeof rows)[number]) => row.correct.map((i) => row.options[i]).sort();

describe('demo question bank (questions.csv)', () => {
  it('holds at least 60 questions, each with four distinct options, a key, a topic, a difficulty, a source and an explanation', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    for (const row of rows) {
      expect(row.options, row.question).toHaveLength(4);
      expect(new Set(row.options).size, row.question).toBe(4);
      expect(row.correct.length, row.question).toBeGreaterThan(0);
      expect(demoTopics, row.question).toContain(row.topic);
      expect(['easy', 'medium', 'hard'], row.question).toContain(row.difficulty);
      expect(row.source.length, row.question).toBeGreaterThan(5);
      expect(row.explanation.length, row.question).toBeGreaterThan(20);
    }
    expect(new Set(rows.map((r) => r.question)).size).toBe(rows.length);
  });

  it('keys every question of the key sheet to the options the fact table gives', () => {
    for (const [stem, answers] of keySheet) {
      const matches = rows.filter((r) => r.question.includes(stem));
      expect(matches.map((r) => r.question), stem).toHaveLength(1);
      expect(keyed(matches[0] as (typeof rows)[number]), stem).toEqual([...answers].sort());
    }
  });

  it('flags 3 to 5 questions on disputed facts (never drawn in a scored round) and keeps every topic pool at least twice an attempt', () => {
    const disputed = rows.filter((r) => r.disputed);
    expect(disputed.length).toBeGreaterThanOrEqual(3);
    expect(disputed.length).toBeLessThanOrEqual(5);
    for (const row of disputed) expect(row.explanation).toMatch(/tranh chấp/);
    for (const topic of demoTopics.slice(1)) {
      expect(rows.filter((r) => r.topic === topic && !r.disputed).length, topic).toBeGreaterThanOrEqual(20);
    }
  });

  it('spreads the keys over the letters and has a few questions with several correct options', () => {
    const first = new Set(rows.map((r) => r.correct[0]));
    expect(first.size).toBe(4);
    expect(rows.filter((r) => r.correct.length > 1).length).toBeGreaterThanOrEqual(5);
  });
});
