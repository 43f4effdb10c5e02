/**
 * The plan's outline as the proposal reads it: core's section tree (parseDirective) with lost item
 * numbers put back, each heading classified (purpose, content, channels, organisation …), and the
 * small text helpers the readers share. Pure.
 */
import type { Section, Span } from '../../../core/vn-document/index.js';
import { searchKey } from '../../../platform/vn/index.js';

export type HeadingKind = 'purpose' | 'content' | 'channels' | 'organisation' | 'other';

const KINDS: [HeadingKind, RegExp][] = [
  ['purpose', /^(?:muc dich|yeu cau|quan diem|muc tieu)\b/],
  ['organisation', /^(?:to chuc thuc hien|phan cong (?:nhiem vu|thuc hien|trach nhiem)|trach nhiem (?:thuc hien|cua)|giao nhiem vu|nhiem vu cua cac)\b/],
  ['channels', /^(?:hinh thuc|phuong thuc|cac hinh thuc|hinh thuc va bien phap|phuong phap)\b/],
  ['content', /^(?:noi dung|lo trinh|cac noi dung|chu de|thoi gian va noi dung|noi dung va hinh thuc|noi dung tuyen truyen|thoi gian,? noi dung)\b/],
  ['other', /^(?:kinh phi|che do bao cao|thoi gian|dieu khoan|to chuc cac hoat dong)\b/],
];

/** What a heading announces, from its words ("IV. TỔ CHỨC THỰC HIỆN" → organisation); null for a plain item. */
export function headingKind(text: string): HeadingKind | null {
  // "III. HÌNH THỨC TUYÊN TRUYỀN: Thông qua …; …" — the heading is what comes before the colon.
  const head = text.split(':')[0] ?? text;
  if (head.length > 140) return null;
  const key = searchKey(head);
  // "Nội dung và hình thức tuyên truyền" is content first, then channels: content wins.
  for (const [kind, re] of KINDS) if (re.test(key)) return kind;
  return null;
}

/** The number of an arabic marker ("3.", "3-"), or null. */
function numberOf(marker: string): number | null {
  const m = /^(\d{1,2})[.-]$/.exec(marker);
  return m ? Number(m[1]) : null;
}

/**
 * Puts back an item whose number was lost in conversion (pitfall 9: "6-" became "- ", so it hangs
 * under item 5): when numbered siblings jump from n to n+2 and item n ends with one bullet, that
 * bullet is item n+1. Returns a new tree; the input is not changed.
 */
export function repairLostNumbers(sections: Section[]): Section[] {
  const out: Section[] = [];
  sections.forEach((s, i) => {
    const copy: Section = { ...s, children: repairLostNumbers(s.children) };
    const n = numberOf(s.marker);
    const next = sections[i + 1];
    const nextN = next ? numberOf(next.marker) : null;
    const bullets = copy.children.filter((c) => /^[-–•·+]$/.test(c.marker));
    const last = copy.children.at(-1);
    if (n !== null && nextN === n + 2 && bullets.length === 1 && last && bullets[0] === last) {
      copy.children = copy.children.slice(0, -1);
      out.push(copy, { ...last, marker: s.marker.replace(/\d+/, String(n + 1)) });
      return;
    }
    out.push(copy);
  });
  return out;
}

/** The span of a section with everything under it. */
export function treeSpan(s: Section): Span {
  let end = s.span[1];
  const walk = (x: Section) => {
    end = Math.max(end, x.span[1]);
    x.children.forEach(walk);
  };
  walk(s);
  return [s.span[0], end];
}

/** A section's own text and its descendants' texts, one per line. */
export function treeText(s: Section): string {
  const lines: string[] = [];
  const walk = (x: Section, depth: number) => {
    lines.push(`${depth > 0 && x.marker ? `${x.marker} ` : ''}${x.text}`);
    x.children.forEach((c) => walk(c, depth + 1));
  };
  walk(s, 0);
  return lines.join('\n');
}

/** A short title: the first sentence, at most `max` characters (cut at a word). */
export function titleOf(text: string, max = 220): string {
  const t = text.replace(/\s+/g, ' ').trim().replace(/[:;,]$/u, '');
  const stop = /[.!?](?=\s+\p{Lu})|\.\s*$/u.exec(t);
  let title = stop ? t.slice(0, stop.index) : t;
  if (title.length > max) title = `${title.slice(0, title.lastIndexOf(' ', max - 1))} …`;
  return title.trim();
}

/** "Tập trung tuyên truyền những nội dung sau:" — a line that introduces a list, not an item of it. */
export function isIntro(s: Section): boolean {
  return s.marker === '' && /:\s*$/u.test(s.text) && s.text.length < 160;
}

/** Every section of the tree, depth first, with its parent chain. */
export function* walkSections(sections: Section[], parents: Section[] = []): Generator<{ section: Section; parents: Section[] }> {
  for (const s of sections) {
    yield { section: s, parents };
    yield* walkSections(s.children, [...parents, s]);
  }
}

/** The heading text without a trailing colon and a leading "Về"/"Hình thức:" label. */
export function headingText(text: string): string {
  return text.replace(/[:.]\s*$/u, '').trim();
}
