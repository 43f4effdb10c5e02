/**
 * Milestones (mốc): the numbered congresses and other named events a plan's phases are tied to.
 * "Đại hội XIV của Đảng", "Đại hội đại biểu toàn quốc lần thứ XIV" and "Đại hội XIV" are one event;
 * "Đại hội Đảng bộ tỉnh lần thứ XV" and "Đại hội XV Đảng bộ tỉnh" another. A bare "Đại hội" means the
 * congress the document mentions most. Dates written beside an event ("19 - 23/01/2026") are read. Pure.
 */
import type { ProposedMilestone, Span } from './types.js';

export interface MilestoneMention {
  key: string;
  title: string;
  span: Span;
}

const ROMAN = '[IVXL]{1,7}';
const LOCAL = '(?:Đảng bộ|đảng bộ)\\s+(?:tỉnh|thành phố|huyện|xã|phường|Khối|khối)(?:\\s+\\p{Lu}[\\p{L}]*(?:\\s+\\p{Lu}[\\p{L}]*)*)?';
const CONGRESS_RE = new RegExp(
  `Đại\\s+hội\\s+(?:(?<full>(?:đại biểu\\s+)?(?:toàn quốc|${LOCAL})\\s+lần\\s+thứ\\s+(?<n1>${ROMAN}))(?<party1>\\s+của\\s+Đảng)?|(?<n2>${ROMAN})(?![\\p{L}])(?<rest>\\s+(?:của\\s+Đảng|${LOCAL}))?)`,
  'gu',
);

function levelOf(words: string): 'national' | 'local' {
  return /toàn quốc|của\s+Đảng/u.test(words) || !/[Đđ]ảng bộ/u.test(words) ? 'national' : 'local';
}

/** Every numbered congress mentioned in text[from, to). */
export function congressMentions(text: string, from = 0, to = text.length): MilestoneMention[] {
  const out: MilestoneMention[] = [];
  for (const m of text.slice(from, to).matchAll(CONGRESS_RE)) {
    const g = m.groups ?? {};
    const n = g.n1 ?? g.n2 ?? '';
    const words = m[0];
    const level = levelOf(words);
    const local = /[Đđ]ảng bộ\s+(tỉnh|thành phố|huyện|xã|phường|[Kk]hối)/u.exec(words)?.[1]?.toLowerCase() ?? '';
    const key = level === 'national' ? `national:${n}` : `local:${local}:${n}`;
    const title = level === 'national' ? `Đại hội đại biểu toàn quốc lần thứ ${n} của Đảng` : `Đại hội Đảng bộ ${local} lần thứ ${n}`;
    const start = from + m.index;
    out.push({ key, title, span: [start, start + words.length] });
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "19 - 23/01/2026", "từ ngày 19/01 đến ngày 23/01/2026", "ngày 19/01/2026" right after a mention. */
function datesAfter(text: string, at: number): { starts: string | null; ends: string | null } {
  const window = text.slice(at, at + 80);
  const range = /^\s*\(?\s*(?:diễn ra\s+)?(?:từ\s+)?(?:ngày\s+)?(\d{1,2})(?:\/(\d{1,2}))?\s*(?:[-–]|đến(?:\s+ngày)?)\s*(\d{1,2})\/(\d{1,2})\/(\d{4})/u.exec(window);
  if (range) {
    const [, d1, m1, d2, m2, y] = range;
    return { starts: `${y}-${pad(Number(m1 ?? m2))}-${pad(Number(d1))}`, ends: `${y}-${pad(Number(m2))}-${pad(Number(d2))}` };
  }
  const one = /^\s*\(?\s*(?:diễn ra\s+)?(?:vào\s+)?(?:ngày\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})/u.exec(window);
  if (one) {
    const date = `${one[3]}-${pad(Number(one[2]))}-${pad(Number(one[1]))}`;
    return { starts: date, ends: date };
  }
  return { starts: null, ends: null };
}

/** The milestones a proposal refers to, added on first use. */
export class MilestoneBook {
  readonly milestones: ProposedMilestone[] = [];
  private readonly index = new Map<string, number>();
  private readonly counts = new Map<string, { count: number; mention: MilestoneMention }>();

  constructor(private readonly text: string, bodyFrom: number, bodyTo: number) {
    for (const m of congressMentions(text, bodyFrom, bodyTo)) {
      const entry = this.counts.get(m.key);
      if (entry) entry.count++;
      else this.counts.set(m.key, { count: 1, mention: m });
    }
  }

  /** The index of a mentioned milestone, adding it on first use. */
  use(mention: MilestoneMention): number {
    const known = this.index.get(mention.key);
    if (known !== undefined) return known;
    const dates = datesAfter(this.text, mention.span[1]);
    this.milestones.push({ title: mention.title, starts: dates.starts, ends: dates.ends, span: mention.span });
    this.index.set(mention.key, this.milestones.length - 1);
    return this.milestones.length - 1;
  }

  /** The congress the document mentions most (a bare "Đại hội" means it), or null. */
  main(): MilestoneMention | null {
    let best: { count: number; mention: MilestoneMention } | null = null;
    for (const entry of this.counts.values()) if (!best || entry.count > best.count) best = entry;
    return best?.mention ?? null;
  }
}
