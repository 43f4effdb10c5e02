/**
 * Deadlines written in the text, as rules (§3, pitfall 14): "trước 16h00' Thứ tư hằng tuần" is
 * weekly on Wednesday at 16:00, "trước ngày 25/12/2025" a date, "hằng tháng" / "định kỳ 6 tháng"
 * periodic. A bare periodic phrase counts only in a sentence about reporting or sending, so that
 * "sinh hoạt chi bộ hằng tháng" is not read as a deadline.
 */
import { toneKey } from '../../platform/vn/index.js';
import type { Deadline, DeadlineRule, PartialDate } from './types.js';

const TIME = `(?:(?<hh>\\d{1,2})\\s*(?:h|giờ|g)\\s*(?<mm>\\d{2})?\\s*(?:'|’|phút)?\\s*,?\\s*(?:(?:sáng|chiều|tối)\\s+)?(?:ngày\\s+)?)`;
const WEEKDAY = `(?<wd>thứ\\s+(?:hai|ba|tư|năm|sáu|bảy|bẩy|2|3|4|5|6|7)|chủ\\s+nhật)`;
const NUM_DATE = `(?<d>\\d{1,2})\\s*[/.-]\\s*(?<m>\\d{1,2})(?:\\s*[/.-]\\s*(?<y>(?:19|20)\\d{2}))?(?!\\d)`;
const LONG_DATE = `ngày\\s+(?<ld>\\d{1,2})\\s+tháng\\s+(?<lm>\\d{1,2})(?:\\s+năm\\s+(?<ly>\\d{4}))?`;
const EVERY = `(?<every>(?:hằng|hàng|mỗi)\\s+(?<unit>ngày|tuần|tháng|quý|năm)|định\\s+kỳ\\s+(?:(?<n>6|sáu)\\s+tháng|(?:hằng|hàng)\\s+(?<unit2>ngày|tuần|tháng|quý|năm))|(?<n2>6|sáu)\\s+tháng\\s+(?:một|1)\\s+lần)`;

const DEADLINE_RE = new RegExp(
  `(?<lead>trước|chậm nhất|không quá|hạn chót|hạn cuối|hoàn thành trước|xong trước)\\s+(?:là\\s+|vào\\s+|trong\\s+)?(?:ngày\\s+)?${TIME}?` +
    `(?:${WEEKDAY}(?:\\s*,?\\s*${EVERY})?|${LONG_DATE}|${NUM_DATE})`,
  'giu',
);
const PERIODIC_RE = new RegExp(EVERY, 'giu');
const REPORTING_RE = /báo cáo|gửi|trình|nộp|tổng hợp|cập nhật|thống kê/iu;

const WEEKDAYS: Record<string, 1 | 2 | 3 | 4 | 5 | 6 | 7> = {
  hai: 1, ba: 2, tư: 3, năm: 4, sáu: 5, bảy: 6, bẩy: 6, '2': 1, '3': 2, '4': 3, '5': 4, '6': 5, '7': 6, 'chủ nhật': 7,
};
const PERIODS: Record<string, 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly'> = {
  ngày: 'daily', tuần: 'weekly', tháng: 'monthly', quý: 'quarterly', năm: 'yearly',
};

function timeOf(g: Record<string, string | undefined>): string | null {
  if (g.hh === undefined) return null;
  const h = Number(g.hh);
  const m = Number(g.mm ?? '0');
  if (h > 24 || m > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function periodOf(g: Record<string, string | undefined>): DeadlineRule | null {
  if (g.n !== undefined || g.n2 !== undefined) return { kind: 'periodic', period: 'half_year', time: timeOf(g) };
  const unit = (g.unit ?? g.unit2)?.toLowerCase();
  const period = unit ? PERIODS[unit] : undefined;
  return period ? { kind: 'periodic', period, time: timeOf(g) } : null;
}

function sentenceAround(text: string, start: number, end: number): string {
  const a = Math.max(text.lastIndexOf('.', start), text.lastIndexOf('\n', start), text.lastIndexOf(';', start));
  let b = text.slice(end).search(/[.\n;]/);
  b = b < 0 ? text.length : end + b;
  return text.slice(a + 1, b);
}

/** Deadlines in text[from, to), in order of appearance. */
export function readDeadlines(text: string, from: number, to: number): Deadline[] {
  const zone = text.slice(from, to);
  const out: Deadline[] = [];
  const taken: [number, number][] = [];
  for (const m of zone.matchAll(DEADLINE_RE)) {
    const g = m.groups ?? {};
    const start = from + m.index;
    const end = start + m[0].trimEnd().length;
    let rule: DeadlineRule;
    if (g.wd !== undefined) {
      const key = toneKey(g.wd.toLowerCase()).replace(/^thứ\s+/u, '').replace(/\s+/g, ' ');
      const weekday = WEEKDAYS[key] ?? WEEKDAYS[g.wd.toLowerCase().replace(/^thứ\s+/u, '')];
      const periodic = periodOf(g);
      rule = weekday ? { kind: 'weekly', weekday, time: timeOf(g) } : (periodic ?? { kind: 'other' });
    } else {
      const day = Number(g.d ?? g.ld);
      const month = Number(g.m ?? g.lm);
      const yearText = g.y ?? g.ly;
      const date: PartialDate = {
        year: yearText ? Number(yearText) : null,
        month: month >= 1 && month <= 12 ? month : null,
        day: day >= 1 && day <= 31 ? day : null,
      };
      rule = date.month === null ? { kind: 'other' } : { kind: 'date', date, time: timeOf(g) };
    }
    out.push({ text: text.slice(start, end), rule, span: [start, end] });
    taken.push([start, end]);
  }
  for (const m of zone.matchAll(PERIODIC_RE)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (taken.some(([a, b]) => start < b && end > a)) continue;
    if (!REPORTING_RE.test(sentenceAround(text, start, end))) continue;
    const rule = periodOf(m.groups ?? {});
    if (rule) out.push({ text: m[0], rule, span: [start, end] });
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}
