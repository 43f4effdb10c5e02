/**
 * Assignments (Tổ chức thực hiện): each subsection of the organisation section that names a unit or
 * a group ("2. Đề nghị Báo và Phát thanh, Truyền hình Lai Châu, Cổng thông tin điện tử tỉnh",
 * "a) Các phòng chuyên môn, đơn vị thuộc Sở", "3. Phòng Tài nguyên và Môi trường: Xây dựng …") with
 * its task text, the lead ("chủ trì", or the one unit named), the coordinating units ("phối hợp với
 * …"), a deadline and the phase it names. Without such a section: numbered items whose subject is a
 * unit ("UBND các xã, phường chỉ đạo …"), and a request in running text ("… yêu cầu các Cấp ủy, Chi
 * bộ thực hiện:"). Pure.
 */
import { readDeadlines, type DeadlineRule, type Section } from '../../../core/vn-document/index.js';
import { treeSpan, treeText } from './outline.js';
import type { PhaseNode } from './phases.js';
import type { ProposedAssignment, TimeExpression } from './types.js';
import { addresseeGroup, coordinatingUnits, leadingUnits, type UnitPhrase } from './units-text.js';

const BULLET_RE = /^[-–•·+]$/u;
const REQUEST_RE = /(?<![\p{L}])(?:yêu cầu|đề nghị|giao)\s+/gu;
const HAS_REQUEST_RE = /(?<![\p{L}])(?:yêu cầu|đề nghị|giao)\s+/u;
const SPEAKER_VERB_RE = /^\s*(?:(?:trân trọng|vừa|đã)\s+)?(?:yêu cầu|đề nghị|giao|hướng dẫn|ban hành)(?![\p{L}])/u;
/** Openers and closings are no unit's task ("Thực hiện …", "Trên đây là …"). */
const NOT_TASK_RE = /^(?:Thực hiện|Căn cứ|Trên đây|Thi hành)(?![\p{L}])/u;
/** A closing request ("… đề nghị các cơ quan, đơn vị phối hợp thực hiện./.") asks everyone and no one. */
const CLOSING_RE = /\.\/\.\s*$|^Trên đây(?![\p{L}])/u;

const pad = (n: number) => String(n).padStart(2, '0');

function deadlineIn(text: string, from: number, to: number): { deadline: TimeExpression | null; deadlineRule?: DeadlineRule } {
  const found = readDeadlines(text, from, to)[0];
  if (!found) return { deadline: null };
  const rule = found.rule;
  if (rule.kind === 'date' && rule.date.year !== null && rule.date.month !== null && rule.date.day !== null) {
    return { deadline: { kind: 'date', date: `${rule.date.year}-${pad(rule.date.month)}-${pad(rule.date.day)}` }, deadlineRule: rule };
  }
  return { deadline: { kind: 'text', text: found.text }, deadlineRule: rule };
}

function phaseNamed(text: string, phases: PhaseNode[]): number | null {
  const m = /(?:đợt|giai đoạn)\s+(\d{1,2})(?![\d])/iu.exec(text);
  if (!m) return null;
  const index = phases.findIndex((p) => new RegExp(`^(?:đợt|giai đoạn)\\s+0?${m[1]}(?!\\d)`, 'iu').test(p.phase.title));
  return index >= 0 ? index : null;
}

export interface AssignmentContext {
  text: string;
  phases: PhaseNode[];
}

function build(ctx: AssignmentContext, phrase: UnitPhrase, ownText: string, extra: string[], span: [number, number]): ProposedAssignment {
  const rest = ownText.slice(phrase.end).replace(/^[\s:,.;–-]+/u, '').trim();
  const task = [rest, ...extra].filter((t) => t.length > 0).join('\n');
  const units = phrase.units;
  const groups = units.map(addresseeGroup).filter((g) => g !== null);
  const leads = /(?:^|\s)chủ trì(?![\p{L}])/u.test(rest.slice(0, 40));
  const one = units.length === 1 ? (units[0] ?? null) : null;
  const lead = one && (leads || (groups.length === 0 && !/^(?:[Cc]ác|[Tt]oàn thể)\s/u.test(one))) ? one : null;
  const coordinating = coordinatingUnits(task).filter((u) => !units.includes(u));
  return {
    units,
    lead,
    coordinating,
    text: task,
    ...deadlineIn(ctx.text, span[0], span[1]),
    phase: phaseNamed(task, ctx.phases),
    groups,
    span,
  };
}

/** One organisation subsection: its unit's assignment, or its sub-units' (a), b) …), or what lies deeper. */
function fromSection(ctx: AssignmentContext, s: Section, out: ProposedAssignment[]): void {
  const phrase = leadingUnits(s.text);
  const unitChildren = s.children.filter((c) => c.marker !== '' && !BULLET_RE.test(c.marker) && leadingUnits(c.text));
  if (unitChildren.length > 0) {
    const own = s.children.filter((c) => !unitChildren.includes(c));
    if (phrase && own.some((c) => c.marker !== '')) out.push(build(ctx, phrase, s.text, own.map(treeText), treeSpan(s)));
    for (const c of s.children) if (unitChildren.includes(c)) fromSection(ctx, c, out);
    return;
  }
  if (phrase) {
    out.push(build(ctx, phrase, s.text, s.children.map(treeText), treeSpan(s)));
    return;
  }
  // "2. Cấp xã" / "Đề nghị UBND các xã, phường:" / "- task" / "- task": the line naming units owns the items after it.
  let pending: { phrase: UnitPhrase; section: Section; extra: Section[] } | null = null;
  const flush = () => {
    if (!pending) return;
    const { phrase: p, section, extra } = pending;
    const end = Math.max(treeSpan(section)[1], ...extra.map((x) => treeSpan(x)[1]));
    out.push(build(ctx, p, section.text, [...section.children, ...extra].map(treeText), [section.span[0], end]));
    pending = null;
  };
  for (const c of s.children) {
    const own = leadingUnits(c.text);
    if (own && c.marker === '' && /:\s*$/u.test(c.text)) {
      flush();
      pending = { phrase: own, section: c, extra: [] };
    } else if (pending && !own) pending.extra.push(c);
    else {
      flush();
      fromSection(ctx, c, out);
    }
  }
  flush();
}

/** Assignments of the organisation sections ("IV. TỔ CHỨC THỰC HIỆN"). */
export function readOrganisation(ctx: AssignmentContext, sections: Section[]): ProposedAssignment[] {
  const out: ProposedAssignment[] = [];
  for (const section of sections) for (const c of section.children) fromSection(ctx, c, out);
  return out;
}

/** Items whose subject is a unit ("3. UBND các xã, phường chỉ đạo hệ thống truyền thanh cơ sở …"). */
export function readUnitSubjects(ctx: AssignmentContext, items: Section[]): ProposedAssignment[] {
  const out: ProposedAssignment[] = [];
  for (const s of items) {
    if (NOT_TASK_RE.test(s.text)) continue;
    const phrase = leadingUnits(s.text);
    if (!phrase || SPEAKER_VERB_RE.test(s.text.slice(phrase.end))) continue;
    if (phrase.end >= s.text.length - 3 && s.children.length === 0) continue;
    out.push(build(ctx, phrase, s.text, s.children.map(treeText), treeSpan(s)));
  }
  return out;
}

/** "… yêu cầu / đề nghị / giao <units> <task>" in a paragraph; a bare "… thực hiện:" takes the paragraphs after it. */
export function readRequests(ctx: AssignmentContext, paragraphs: Section[]): ProposedAssignment[] {
  const out: ProposedAssignment[] = [];
  paragraphs.forEach((p, i) => {
    if (CLOSING_RE.test(p.text)) return;
    for (const m of p.text.matchAll(REQUEST_RE)) {
      const at = m.index + m[0].length;
      const phrase = leadingUnits(p.text.slice(at));
      if (!phrase) continue;
      const shifted: UnitPhrase = { ...phrase, start: phrase.start + at, end: phrase.end + at };
      const rest = p.text.slice(shifted.end).replace(/^[\s:,]+/u, '');
      const extra: string[] = [];
      let end = p.span[1];
      let own = p.text;
      if (/^(?:thực hiện|triển khai|thực hiện tốt|triển khai thực hiện)?(?:\s+(?:một số|các)?\s*(?:nội dung|nhiệm vụ)\s*(?:sau|như sau))?\s*:?\s*$/u.test(rest)) {
        for (const next of paragraphs.slice(i + 1)) {
          if (next.marker !== '' || NOT_TASK_RE.test(next.text) || CLOSING_RE.test(next.text) || HAS_REQUEST_RE.test(next.text)) break;
          extra.push(treeText(next));
          end = treeSpan(next)[1];
        }
        if (extra.length > 0) own = p.text.slice(0, shifted.end);
      }
      out.push(build(ctx, shifted, own, [...p.children.map(treeText), ...extra], [p.span[0] + at, end]));
      return;
    }
  });
  return out;
}
