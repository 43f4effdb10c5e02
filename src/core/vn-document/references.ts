/**
 * Documents cited in the text (§1.8, §3, pitfall 11): type, number/symbol, date, issuer, relation.
 *
 * Relation: a sentence that opens with "Thực hiện"/"Thi hành" followed by a document (or by "ý kiến
 * chỉ đạo … tại/theo" a document) `implements` every document it cites; one that opens with "Căn cứ"
 * and a document gives the `basis`; anything else `cites` ("Tiếp tục thực hiện Kế hoạch …" is a
 * mention, not the parent).
 *
 * Type: when the word and the symbol's type code disagree ("công văn số số 21-HD/BTGDVTW"), the
 * code wins, because it is assigned by the issuer's registry while the word is prose; the code `QĐ`
 * is ambiguous (Quyết định / Quy định) so there the word wins.
 */
import { findSymbols, withIssuer, type SymbolMatch } from './symbols.js';
import type { DocType, PartialDate, Reference, ReferenceRelation } from './types.js';

export const TYPE_WORDS: readonly [string, DocType][] = (
  [
    ['Thông tư liên tịch', 'Thông tư liên tịch'],
    ['Chương trình', 'Chương trình'],
    ['Nghị quyết', 'Nghị quyết'],
    ['Quyết định', 'Quyết định'],
    ['Nghị định', 'Nghị định'],
    ['Hướng dẫn', 'Hướng dẫn'],
    ['Thông báo', 'Thông báo'],
    ['Thông tri', 'Thông tri'],
    ['Phương án', 'Phương án'],
    ['Công điện', 'Công điện'],
    ['Công văn', 'Công văn'],
    ['Kế hoạch', 'Kế hoạch'],
    ['Kết luận', 'Kết luận'],
    ['Quy định', 'Quy định'],
    ['Thông tư', 'Thông tư'],
    ['Báo cáo', 'Báo cáo'],
    ['Chỉ thị', 'Chỉ thị'],
    ['Quy chế', 'Quy chế'],
    ['Tờ trình', 'Tờ trình'],
    ['Đề án', 'Đề án'],
    ['Luật', 'Luật'],
  ] as [string, DocType][]
).sort((a, b) => b[0].length - a[0].length);

export const TYPE_ALT = TYPE_WORDS.map(([w]) => w).join('|');
/** A type word right before the symbol: "Công văn số", "Kế hoạch", "Quyết định của X số". */
const BEFORE_RE = new RegExp(`(?<![\\p{L}])(${TYPE_ALT})(?:\\s+của\\s+([^,;.\\n]{2,80}?))?\\s*(?:số\\s*:?\\s*)*$`, 'iu');
export const DATE_AFTER_RE =
  /^\s*,?\s*(?:ban hành\s+)?ngày\s*(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))/iu;
/** The date of a DATE_AFTER_RE match. */
export function dateAfter(dm: RegExpExecArray): PartialDate {
  const [d, m, y] = dm[1] !== undefined ? [dm[1], dm[2], dm[3]] : [dm[4], dm[5], dm[6]];
  const month = Number(m);
  const day = Number(d);
  return { year: Number(y), month: month >= 1 && month <= 12 ? month : null, day: day >= 1 && day <= 31 ? day : null };
}

const ISSUER_AFTER_RE = /^\s*,?\s*(?:của|do)\s+/u;
const ISSUER_STOP_RE = new RegExp(
  `\\s+(?:về|về việc|ngày|số|tại|theo|đã|để|nhằm|trong|hướng dẫn|quy định|ban hành|yêu cầu|thực hiện|triển khai|lần thứ|khóa|khoá|và\\s+(?:các\\s+)?(?:${TYPE_ALT}))(?![\\p{L}\\d])|[,;.:()\\n“"]|\\s+(?=(?:${TYPE_ALT})(?![\\p{L}\\d]))`,
  'u',
);
/** A comma that continues the issuer: a joint issuer ("Bộ Chính trị, Ban Bí thư"), a head holding two posts ("Bí thư Đảng ủy, Hiệu trưởng") or a name with an enumeration ("Sở Văn hóa, Thể thao và Du lịch"). */
const JOINT_ISSUER_RE =
  /^,\s*(?=(?:Ban|Bộ|Văn phòng|Ủy ban|Uỷ ban|Chính phủ|Thủ tướng|Thường trực|Hiệu trưởng|Giám đốc|Chủ tịch|Viện trưởng)(?![\p{L}\d])|\p{Lu}\p{Ll}*(?:\s+\p{Ll}+){0,2}\s+và\s+\p{Lu})/u;

/** Letters without marks or spaces: a type word whose marks were scrambled ("KẾT LỦẬN") folds like the word ("KETLUAN"). */
export const foldWord = (w: string) => w.normalize('NFD').replace(/[\p{M}\s]/gu, '').replace(/[Đđ]/gu, 'D').toUpperCase();
const FOLDED_TYPES = new Map<string, DocType>(TYPE_WORDS.map(([t, d]) => [foldWord(t), d]));

export const wordType = (w: string): DocType | null => {
  const lower = w.toLowerCase();
  return TYPE_WORDS.find(([t]) => t.toLowerCase() === lower)?.[1] ?? FOLDED_TYPES.get(foldWord(w)) ?? null;
};

/**
 * A title line whose type word carries scrambled marks (an anti-copy site puts a random tone mark on every vowel:
 * "KẾT LỦẬN 127-KL/TW CỦÀ …"): the first one to three words fold to a type and a number follows. Returns the words.
 */
export function scrambledTitleType(line: string): string | null {
  const m = /^((?:\p{L}+\s+){0,2}\p{L}+)\s+(?=\d{1,5}\s*[-/])/u.exec(line);
  if (!m?.[1]) return null;
  const words = m[1].split(/\s+/u);
  for (let n = words.length; n >= 1; n--) {
    const head = words.slice(0, n).join(' ');
    if (n === words.length && FOLDED_TYPES.has(foldWord(head))) return head;
  }
  return null;
}

export function resolveType(word: DocType | null, symbol: SymbolMatch): DocType | null {
  const code = symbol.docTypeFromCode;
  if (symbol.typeCode === 'QĐ' && (word === 'Quyết định' || word === 'Quy định')) return word;
  if (symbol.typeCode !== null && code) return code;
  return word ?? code;
}

export function readIssuer(text: string, from: number, limit: number): { value: string; end: number } | null {
  const rest = text.slice(from, Math.min(limit, from + 200));
  const head = ISSUER_AFTER_RE.exec(rest);
  if (!head) return null;
  let cursor = head[0].length;
  const pieces: string[] = [];
  let end = 0;
  for (let part = 0; part < 3; part++) {
    const tail = rest.slice(cursor);
    const stop = ISSUER_STOP_RE.exec(tail);
    const raw = stop ? tail.slice(0, stop.index) : tail;
    const piece = raw.trim();
    if (!piece || !/^\p{Lu}/u.test(piece)) break;
    pieces.push(piece.replace(/\s+/g, ' '));
    end = cursor + raw.trimEnd().length;
    cursor += raw.length;
    const joint = JOINT_ISSUER_RE.exec(rest.slice(cursor));
    if (!joint) break;
    cursor += joint[0].length;
  }
  const value = pieces.join(', ').replace(/, (?=\p{Lu}\p{Ll}*(?: \p{Ll}+){0,2} và \p{Lu})/gu, ', ');
  if (!value || value.split(/\s+/).length > 16) return null;
  return { value, end: from + end };
}

const RELATION_RE = new RegExp(
  `^(?:[-–+•]\\s*|\\d{1,2}[.-]\\s*|[a-zđ]\\)\\s*)?(Thực hiện|Thi hành|Căn cứ)\\s+(?:(?:ý kiến\\s+)?(?:sự\\s+)?chỉ đạo[^.;]{0,120}?(?:tại|theo)\\s+)?(?:các\\s+)?(?:${TYPE_ALT})(?![\\p{L}\\d])`,
  'iu',
);

/**
 * Start of the sentence that holds a position: after the last line break, or after ". X" (a stop,
 * a space, a capital), before it; 0 when there is none. The boundaries are indexed once per text,
 * so that a long line with many citations is not scanned back once per citation (quadratic).
 */
export function sentenceStarts(text: string): (pos: number) => number {
  const at: number[] = [];
  const starts: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      at.push(i);
      starts.push(i + 1);
    } else if ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[i + 1] ?? '') && /\p{Lu}/u.test(text[i + 2] ?? '')) {
      at.push(i);
      starts.push(i + 2);
    }
  }
  return (pos) => {
    // The last boundary at an index below pos.
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((at[mid] ?? 0) < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : (starts[lo - 1] ?? 0);
  };
}

/** The text before `pos` (from `start`) ends with a list separator: ";", ",", " và", " cùng" (spaces after it allowed). */
function afterSeparator(text: string, start: number, pos: number): boolean {
  let end = pos;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return /(?:;|,|\svà|\scùng)$/u.test(text.slice(Math.max(start, end - 5), end));
}

function relationOf(text: string, pos: number, sentenceStart: (pos: number) => number): ReferenceRelation {
  const start = sentenceStart(pos);
  const m = RELATION_RE.exec(text.slice(start, pos + 40));
  if (!m) return 'cites';
  // Only the documents listed right after the keyword, not those named inside their subjects.
  const first = start + m[0].length > pos;
  if (!first && !afterSeparator(text, start, pos)) return 'cites';
  return /^căn cứ$/iu.test(m[1] ?? '') ? 'basis' : 'implements';
}

const RANK: Record<ReferenceRelation, number> = { implements: 2, basis: 1, cites: 0 };

/**
 * Every document cited in text[from, to) except the document itself (`ownSpan`), one entry per
 * number/symbol (the first mention gives the span; later mentions fill missing details).
 */
export function readReferences(text: string, ranges: [number, number][], ownSpan: [number, number] | null): Reference[] {
  const byKey = new Map<string, Reference>();
  const sentenceStart = sentenceStarts(text);
  for (const [from, to] of ranges) {
    for (const symbol of findSymbols(text, from, to)) {
      if (symbol.number === null) continue;
      if (ownSpan && symbol.start < ownSpan[1] && symbol.end > ownSpan[0]) continue;
      const before = BEFORE_RE.exec(text.slice(Math.max(from, symbol.start - 120), symbol.start));
      const word = before ? wordType(before[1] ?? '') : null;
      const start = before ? symbol.start - (before[0].length) : symbol.start;
      let end = symbol.end;
      let date: PartialDate | null = null;
      const dm = DATE_AFTER_RE.exec(text.slice(end, Math.min(to, end + 60)));
      if (dm) {
        date = dateAfter(dm);
        end += dm[0].length;
      }
      let issuer = before?.[2]?.trim() ?? null;
      const iss = readIssuer(text, end, to);
      if (iss) {
        issuer = iss.value;
        end = iss.end;
      }
      if (!before && !date && !issuer && symbol.kind !== 'normative' && symbol.convention !== 'party') {
        // A bare State-looking code without a type word, date or issuer is too weak to report.
        if (!/số\s*$/iu.test(text.slice(Math.max(from, symbol.start - 6), symbol.start))) continue;
      }
      const ref: Reference = {
        docType: resolveType(word, symbol),
        numberSymbol: withIssuer(symbol, issuer).canonical,
        date,
        issuer,
        relation: relationOf(text, start, sentenceStart),
        span: [start, end],
      };
      // One entry per number whatever its case ("QĐ-TTG" in a caps subject line is "QĐ-TTg" in the body; the mixed case wins).
      const key = (ref.numberSymbol ?? '').toUpperCase();
      const seen = byKey.get(key);
      if (!seen) byKey.set(key, ref);
      else {
        if (seen.numberSymbol === key && ref.numberSymbol !== key) seen.numberSymbol = ref.numberSymbol;
        seen.date ??= ref.date;
        seen.issuer ??= ref.issuer;
        seen.docType ??= ref.docType;
        if (RANK[ref.relation] > RANK[seen.relation]) seen.relation = ref.relation;
      }
    }
  }
  const refs = [...byKey.values()];
  // "Kế hoạch số 31-KH/ĐU … và Công văn 783-CV/ĐU của X": the issuer named last is shared.
  for (let i = refs.length - 2; i >= 0; i--) {
    const a = refs[i] as Reference;
    const b = refs[i + 1] as Reference;
    if (a.issuer === null && b.issuer !== null && /^\s*(?:,|;|và)\s*$/u.test(text.slice(a.span[1], b.span[0]))) a.issuer = b.issuer;
  }
  return refs;
}
