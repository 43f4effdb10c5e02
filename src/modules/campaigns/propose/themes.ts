/**
 * Themes (nội dung tuyên truyền): the numbered items under a phase or a content section. An item
 * that only says when ("- Trước khai mạc Đại hội XIV của Đảng:" with its own list) is a grouping:
 * its items are the themes. Lines that introduce a list ("Tập trung tuyên truyền:") are skipped;
 * a paragraph "Bên cạnh các nội dung … trên …" inside a phase is a theme of the whole campaign. Pure.
 */
import type { Section } from '../../../core/vn-document/index.js';
import { headingKind, isIntro, titleOf, treeSpan } from './outline.js';
import type { ProposedTheme } from './types.js';

const TIME_GROUP_RE = /^(?:Trước|Trong|Sau|Từ|Khi|Nhân dịp|Dịp)(?![\p{L}])/u;
const CAMPAIGN_WIDE_RE = /^(?:Bên cạnh|Ngoài ra|Ngoài các nội dung|Đồng thời,? (?:chú trọng|tập trung)|Xuyên suốt)(?![\p{L}])/u;

/** An item that only groups themes: a time ("Trước khai mạc Đại hội XIV:") or a sub-heading "Nội dung …". */
function isGrouping(s: Section): boolean {
  const marked = s.children.filter((c) => c.marker !== '');
  if (marked.length >= 1 && headingKind(s.text) === 'content') return true;
  return marked.length >= 2 && s.text.length <= 120 && TIME_GROUP_RE.test(s.text) && /:\s*$|^[^.;]+$/u.test(s.text);
}

function theme(s: Section, phase: number | null): ProposedTheme {
  return { phase, title: titleOf(s.text), span: treeSpan(s) };
}

/** Campaign-wide paragraphs anywhere under a section. */
function campaignWide(s: Section, out: ProposedTheme[]): void {
  for (const c of s.children) {
    if (c.marker === '' && CAMPAIGN_WIDE_RE.test(c.text)) out.push({ phase: null, title: titleOf(c.text), span: treeSpan(c) });
    else campaignWide(c, out);
  }
}

/** The themes under one phase or content section. */
export function themesUnder(section: Section, phase: number | null): ProposedTheme[] {
  const out: ProposedTheme[] = [];
  const wide: ProposedTheme[] = [];
  const marked = section.children.filter((c) => c.marker !== '');
  if (marked.length === 0) {
    // A layout without numbering: each paragraph that is not an introduction is a theme.
    for (const c of section.children) {
      if (isIntro(c)) continue;
      if (CAMPAIGN_WIDE_RE.test(c.text)) wide.push({ phase: null, title: titleOf(c.text), span: treeSpan(c) });
      else out.push(theme(c, phase));
    }
    return [...out, ...wide];
  }
  for (const c of section.children) {
    // "2. Hình thức" inside "II. NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN" is no theme.
    const kind = headingKind(c.text);
    if ((kind === 'channels' || kind === 'organisation') && (c.children.length > 0 || c.text.length < 60)) continue;
    if (c.marker === '') {
      if (CAMPAIGN_WIDE_RE.test(c.text)) wide.push({ phase: null, title: titleOf(c.text), span: treeSpan(c) });
      continue;
    }
    if (isGrouping(c)) {
      for (const g of c.children) if (g.marker !== '') out.push(theme(g, phase));
      continue;
    }
    out.push(theme(c, phase));
    campaignWide(c, wide);
  }
  return [...out, ...wide];
}
