/**
 * Phases (đợt) and their bounds. A phase is a heading "Đợt 1 …", "Giai đoạn 2 …" or one of
 * sibling headings "Trước / Trong / Sau Đại hội"; or, in running text, "đợt 1 từ ngày … đến ngày …,
 * đợt 2 …". Its bounds are dates ("từ ngày 01/3/2026 đến ngày 30/4/2026", "từ tháng 3 đến tháng
 * 5/2026") or edges of a milestone ("từ sau Đại hội Đảng bộ tỉnh lần thứ XV đến Đại hội XIV",
 * "sau khi bế mạc Đại hội XIV"); what cannot be read stays as written. Pure.
 */
import type { Section } from '../../../core/vn-document/index.js';
import { congressMentions, type MilestoneBook } from './milestones.js';
import { headingKind, headingText, walkSections } from './outline.js';
import type { ProposedPhase, Span, TimeExpression } from './types.js';

const NUMBERED_PHASE_RE = /^(?:Đợt|ĐỢT|Giai đoạn|GIAI ĐOẠN|Bước|BƯỚC)\s+(?:\d{1,2}|[IVX]{1,4}|một|hai|ba|bốn|năm|MỘT|HAI|BA)(?![\p{L}\d])/u;
const RELATIVE_PHASE_RE = /^(?:Trước|Trong|Sau|Từ sau|TRƯỚC|TRONG|SAU)(?:,?\s+(?:và\s+)?(?:khi|trong|thời gian|diễn ra|khai mạc|bế mạc|kết thúc|thời điểm))*\s+(?:các\s+)?(?:Đại hội|đại hội|ĐẠI HỘI|ngày|Ngày|cuộc bầu cử|bầu cử|Tết|kỳ họp|Kỳ họp|sự kiện|Lễ|lễ)/u;

export interface PhaseNode {
  /** The heading as core's tree has it. */
  heading: Section;
  /** The heading with the items it owns (its children, or the lines after an unnumbered heading). */
  section: Section;
  phase: ProposedPhase;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const DATE = '(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?:\\s*[/.-]\\s*(\\d{4}))?';
const DATE_RANGE_RE = new RegExp(`từ\\s+(?:ngày\\s+)?${DATE}\\s*(?:đến|tới|-|–)\\s*(?:hết\\s+)?(?:ngày\\s+)?${DATE}`, 'iu');
const MONTH_RANGE_RE = /từ\s+(?:đầu\s+)?tháng\s+(\d{1,2})(?:\s*[/.-]\s*(\d{4})|\s+năm\s+(\d{4}))?\s*(?:đến|tới|-|–)\s*(?:hết\s+|cuối\s+)?tháng\s+(\d{1,2})(?:\s*[/.-]\s*|\s+năm\s+)(\d{4})/iu;

/** Bounds written as dates, or null. */
export function dateBounds(text: string): { starts: TimeExpression; ends: TimeExpression } | null {
  const d = DATE_RANGE_RE.exec(text);
  if (d) {
    const [, d1, m1, y1, d2, m2, y2] = d.map((x) => (x === undefined ? undefined : Number(x))) as (number | undefined)[];
    const endYear = y2 ?? y1;
    if (endYear && d1 && m1 && d2 && m2 && m1 <= 12 && m2 <= 12) {
      return { starts: { kind: 'date', date: isoDate(y1 ?? endYear, m1, d1) }, ends: { kind: 'date', date: isoDate(endYear, m2, d2) } };
    }
  }
  const m = MONTH_RANGE_RE.exec(text);
  if (m) {
    const [, m1, y1a, y1b, m2, y2] = m.map((x) => (x === undefined ? undefined : Number(x))) as (number | undefined)[];
    if (m1 && m2 && y2 && m1 <= 12 && m2 <= 12) {
      const y1 = y1a ?? y1b ?? y2;
      return { starts: { kind: 'date', date: isoDate(y1, m1, 1) }, ends: { kind: 'date', date: isoDate(y2, m2, lastDay(y2, m2)) } };
    }
  }
  return null;
}

type Edge = 'before' | 'start' | 'end' | 'after';

function endEdge(part: string): Edge {
  if (/bế mạc|kết thúc|hoàn thành|trong|thành công/iu.test(part)) return 'end';
  if (/khai mạc|diễn ra/iu.test(part)) return 'start';
  if (/trước/iu.test(part)) return 'before';
  return 'end';
}

function startEdge(part: string): Edge {
  if (/sau/iu.test(part)) return 'after';
  if (/bế mạc|kết thúc/iu.test(part)) return 'end';
  if (/trước/iu.test(part)) return 'before';
  return 'start';
}

/** The milestone a part of the heading names (the last numbered congress, or a bare "Đại hội"), as an expression. */
function relative(text: string, from: number, to: number, edge: Edge, book: MilestoneBook): TimeExpression | null {
  const part = text.slice(from, to);
  const mentions = congressMentions(text, from, to);
  const named = mentions.at(-1);
  if (named) return { kind: 'milestone', milestone: book.use(named), edge };
  if (/đại hội/iu.test(part)) {
    const main = book.main();
    if (main) return { kind: 'milestone', milestone: book.use(main), edge };
  }
  const written = part.replace(/^[\s,:;]+|[\s,:;.]+$/gu, '');
  return written ? { kind: 'text', text: written } : null;
}

/** The bounds of a phase from its heading text[from, to). */
export function phaseBounds(text: string, from: number, to: number, book: MilestoneBook): { starts: TimeExpression | null; ends: TimeExpression | null } {
  const heading = text.slice(from, to);
  const dates = dateBounds(heading);
  if (dates) return dates;
  // Skip the label ("Đợt 1.", "Giai đoạn 2:") before reading the time words.
  const label = NUMBERED_PHASE_RE.exec(heading)?.[0].length ?? 0;
  const bodyAt = from + label + (/^[\s.:)-]*/u.exec(heading.slice(label))?.[0].length ?? 0);
  const body = text.slice(bodyAt, to);
  const fromTo = /^(?:\(?\s*)?từ\s+(.*?)\s+(?:đến|tới)\s+(.*)$/iu.exec(body);
  if (fromTo) {
    const startText = fromTo[1] ?? '';
    const startAt = bodyAt + body.toLowerCase().indexOf(startText.toLowerCase());
    const endAt = startAt + startText.length;
    const starts = /^nay\b/iu.test(startText) ? { kind: 'text' as const, text: 'Từ nay' } : relative(text, startAt, endAt, startEdge(startText), book);
    const ends = relative(text, endAt, to, endEdge(text.slice(endAt, to)), book);
    return { starts, ends };
  }
  if (/^sau\b/iu.test(body)) return { starts: relative(text, bodyAt, to, 'after', book), ends: null };
  if (/^trước\b/iu.test(body)) return { starts: null, ends: relative(text, bodyAt, to, 'before', book) };
  if (/^trong\b/iu.test(body)) {
    const around = relative(text, bodyAt, to, 'start', book);
    return { starts: around, ends: around?.kind === 'milestone' ? { ...around, edge: 'end' } : null };
  }
  return { starts: null, ends: null };
}

/**
 * An unnumbered phase line ("ĐỢT 2: Từ ngày …") hangs in core's tree under the item before it; it is
 * put back beside that item, with whatever follows it there.
 */
export function liftPhaseLines(sections: Section[]): Section[] {
  const out: Section[] = [];
  for (const s of sections) {
    const children = liftPhaseLines(s.children);
    const item = s.marker !== '' && !/^[IVXLC]+\.$/u.test(s.marker) && headingKind(s.text) === null;
    const k = item ? children.findIndex((c) => c.marker === '' && c.text.length <= 160 && NUMBERED_PHASE_RE.test(c.text)) : -1;
    if (k >= 0) out.push({ ...s, children: children.slice(0, k) }, ...children.slice(k));
    else out.push({ ...s, children });
  }
  return out;
}

function isPhaseHeading(s: Section, siblings: Section[]): boolean {
  const text = s.text.trim();
  if (text.length > 240 || (text.length > 160 && s.children.length === 0)) return false;
  if (NUMBERED_PHASE_RE.test(text)) return true;
  if (!RELATIVE_PHASE_RE.test(text) || s.children.length === 0) return false;
  return siblings.filter((x) => x !== s && RELATIVE_PHASE_RE.test(x.text.trim()) && x.children.length > 0).length >= 1;
}

/** Phase headings of the tree (never one inside another), in document order. */
export function readPhaseHeadings(text: string, sections: Section[], book: MilestoneBook): PhaseNode[] {
  const out: PhaseNode[] = [];
  const inside = new Set<Section>();
  for (const { section, parents } of walkSections(sections)) {
    if (parents.some((p) => inside.has(p)) || inside.has(section)) continue;
    const siblings = parents.at(-1)?.children ?? sections;
    if (!isPhaseHeading(section, siblings)) continue;
    inside.add(section);
    const [from, to] = section.span;
    let bounds = phaseBounds(text, from, to, book);
    // "Đợt 1" with its dates on the next line: "Thời gian: từ ngày 01/3 đến ngày 30/4/2026".
    const when = section.children.find((c) => /^Thời gian(?:\s+thực hiện)?\s*:/iu.test(c.text));
    if (!bounds.starts && !bounds.ends && when) bounds = dateBounds(when.text) ?? bounds;
    // An unnumbered heading line ("ĐỢT 1: Từ ngày …") owns the items that follow it, up to the next phase or heading.
    let owner = section;
    if (section.children.length === 0) {
      const following: Section[] = [];
      for (const next of siblings.slice(siblings.indexOf(section) + 1)) {
        if (isPhaseHeading(next, siblings) || headingKind(next.text) !== null || /^[IVXLC]+\.$/u.test(next.marker)) break;
        following.push(next);
        inside.add(next);
      }
      owner = { ...section, children: following };
    }
    out.push({ heading: section, section: owner, phase: { title: headingText(section.text).slice(0, 200), ...bounds, span: [from, to] } });
  }
  return out;
}

const INLINE_RE = /(?:^|[\s,;:])(đợt|giai đoạn)\s*0?(\d{1,2})\s*[:,]?\s*\(?(từ\s+(?:ngày\s+)?\d{1,2}\s*\/\s*\d{1,2}(?:\s*\/\s*\d{4})?\s+(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4})/giu;

/** "… chia thành 03 đợt: đợt 1 từ ngày … đến ngày …, đợt 2 …" in running text (two or more in one paragraph). */
export function readInlinePhases(sections: Section[]): { phase: ProposedPhase; span: Span }[] {
  for (const { section } of walkSections(sections)) {
    const matches = [...section.text.matchAll(INLINE_RE)];
    if (matches.length < 2) continue;
    return matches.map((m) => {
      const start = section.span[0] + m.index + m[0].indexOf(m[1] ?? '');
      const end = section.span[0] + m.index + m[0].length;
      const label = `${(m[1] ?? '').charAt(0).toUpperCase()}${(m[1] ?? '').slice(1).toLowerCase()} ${Number(m[2])}`;
      const bounds = dateBounds(m[3] ?? '');
      return { phase: { title: label, starts: bounds?.starts ?? null, ends: bounds?.ends ?? null, span: [start, end] as Span }, span: [start, end] as Span };
    });
  }
  return [];
}
