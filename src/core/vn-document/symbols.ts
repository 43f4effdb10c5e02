/**
 * Numbers and symbols of documents (docs: shared/domain/vn-documents.md §1.4, §2.2, §3).
 *
 * Party: number, hyphen, type / body (`167-CV/BTGDVTU`); State: number / type-body (`805/KH-SVHTTDL`),
 * for a công văn number / issuer-unit (`755/TTCSTTĐN-ĐPTTĐN`); normative: number / year / type-body
 * (`30/2020/NĐ-CP`). Canonical forms have no spaces and plain hyphens.
 */
import type { Convention, DocType } from './types.js';

const H = '[-\\u2010-\\u2015\\u2212]';
const TYPE = '[A-ZĐ][A-Za-zĐđ]{0,4}';
/** A body's abbreviation (lower case inside: "TTg", "GDTrH"); Ư is OCR's (or a typist's) U ("KL/TƯ"); a space may split it before the next hyphen or at its end ("TTLT-BGD ĐT-BNV", "TT-BGD ĐT ngày"). */
const ORG = `[A-ZĐ][A-Za-zĐđƯ0-9&]{0,19}(?: [A-ZĐ]{1,4}(?=${H})| [A-ZĐ]{2,4}(?=\\s+\\p{Ll}|[,;.)]))?`;
const END = '(?![\\p{L}\\d])';

const PARTY_RE = new RegExp(
  `(?<![\\p{L}\\d/.,])(?<num>\\d{1,5})(?:\\s*${H}\\s*|\\s+)(?<type>${TYPE})\\s*/\\s*(?<org>${ORG}(?:${H}${ORG})*)${END}`,
  'gu',
);
const STATE_NORM_RE = new RegExp(
  `(?<![\\p{L}\\d/.,])(?<num>\\d{1,5})\\s*/\\s*(?<year>(?:19|20)\\d{2})\\s*/\\s*(?:(?<type>${TYPE})(?<sep>${H}|/)\\s*(?<org>${ORG}(?:${H}${ORG})*)|(?<qh>(?:UBTV)?QH\\d{1,2}))${END}`,
  'gu',
);
const STATE_ADM_RE = new RegExp(
  `(?<![\\p{L}\\d/.,])(?<num>\\d{1,6})\\s*/\\s*(?<a>[A-ZĐ][A-Za-zĐđ0-9&]{0,19})\\s?${H}\\s*(?<b>${ORG}(?:\\s?${H}\\s*${ORG})*)${END}`,
  'gu',
);
/**
 * A State number whose hyphen a PDF text layer dropped ("1961/QĐUBND", "61/2018/NĐCP", "01/2018/TTVPCP"): split
 * only where a type code is glued to a well-known issuer code (the Government, a People's Committee or Council,
 * a ministry "B…", a department "S…"), so that a công văn's own issuer-unit code ("755/TTCSTTĐN") stays whole.
 */
const GLUED_TYPE = 'TTLT|TTr|QĐ|NĐ|NQ|CT|KH|TB|HD|BC|CV|TT';
const GLUED_ORG = 'CP|TTg|UBND|HĐND|VPCP|NHNN|B[A-ZĐ]{1,7}|S[A-ZĐ]{2,9}';
const GLUED_RE = new RegExp(
  `(?<![\\p{L}\\d/.,])(?<num>\\d{1,5}[a-z]?)\\s*/\\s*(?:(?<year>(?:19|20)\\d{2})\\s*/\\s*)?(?<type>${GLUED_TYPE})(?<org>${GLUED_ORG})(?![\\p{L}\\d-])`,
  'gu',
);
const GLUED_CODE_RE = new RegExp(`^(${GLUED_TYPE})(${GLUED_ORG})$`, 'u');

/** The type and issuer of a glued State code, or null ("QĐUBND" → QĐ, UBND; a Thông tư is never the Government's: "TTCP" stays). */
function splitGlued(code: string): [string, string] | null {
  const m = GLUED_CODE_RE.exec(code);
  if (!m?.[1] || !m[2] || (m[1] === 'TT' && m[2] === 'CP')) return null;
  return [m[1], m[2]];
}

/** A Party number written with two slashes: "646/QĐ/QUTW". */
const PARTY_SLASH_RE = new RegExp(`(?<![\\p{L}\\d/.,])(?<num>\\d{1,5})\\s*/\\s*(?<type>${TYPE})\\s*/\\s*(?<org>${ORG}(?:${H}${ORG})*)${END}`, 'gu');
/** Header number with a possibly blank number (the label may be "Nghị quyết số:"): "Số -CV/ĐU", "Số: /VHTTDL-TTBCXB", "Số: 12-QĐ/TU", "Số: /SVHTTDL" (no drafting division). */
const HEADER_RE = new RegExp(
  `(?<![\\p{L}\\d])(?:Số|(?<=(?:^|\\n)(?:Nghị quyết|Quyết định|Nghị định|Thông tư|Chỉ thị|Công văn|Công điện|Kế hoạch|Thông báo|Hướng dẫn)\\s)số(?=\\s*:))\\s*:?\\s*(?:(?:(?<pnum>\\d{1,5})(?:\\s*${H}\\s*|\\s+)|\\s*${H}\\s*)(?<ptype>${TYPE})\\s*/\\s*(?<porg>${ORG}(?:${H}${ORG})*)|${H}\\s*/\\s*(?<borg>${ORG}(?:${H}${ORG})*)|` +
    `(?<nnum>\\d{1,5})\\s*/\\s*(?<year>(?:19|20)\\d{2})\\s*/\\s*(?:(?<ntype>${TYPE})${H}\\s*(?<norg>${ORG}(?:${H}${ORG})*)|(?<nqh>(?:UBTV)?QH\\d{1,2}))|` +
    `(?<snum>\\d{1,6})?\\s*/\\s*(?<sa>[A-ZĐ][A-Za-zĐđ0-9&]{0,19})(?:\\s?${H}\\s*(?<sb>${ORG}(?:\\s?${H}\\s*${ORG})*)|/(?<sc>${ORG}(?:${H}${ORG})*))?)${END}`,
  'u',
);

/** Type abbreviations found in symbols, Party and State (§1.1, §2.3). QĐ is read as Quyết định. */
const TYPE_CODES: Readonly<Record<string, DocType>> = {
  NQ: 'Nghị quyết',
  QĐ: 'Quyết định',
  QĐi: 'Quy định',
  QyĐ: 'Quy định',
  CT: 'Chỉ thị',
  KL: 'Kết luận',
  HD: 'Hướng dẫn',
  KH: 'Kế hoạch',
  CV: 'Công văn',
  BC: 'Báo cáo',
  TB: 'Thông báo',
  TTr: 'Tờ trình',
  CTr: 'Chương trình',
  ĐA: 'Đề án',
  PA: 'Phương án',
  QC: 'Quy chế',
  CĐ: 'Công điện',
};
const PARTY_ONLY_CODES: Readonly<Record<string, DocType>> = { TT: 'Thông tri' };
const NORMATIVE_CODES: Readonly<Record<string, DocType>> = { NĐ: 'Nghị định', TT: 'Thông tư', TTLT: 'Thông tư liên tịch', NQ: 'Nghị quyết', QĐ: 'Quyết định', CT: 'Chỉ thị' };

/** Party bodies: Tỉnh ủy, Đảng ủy, Trung ương … and their boards (§2.4). */
export function isPartyOrg(org: string): boolean {
  const head = org.split(/[-\u2010-\u2015]/)[0] ?? org;
  return /^(?:[A-ZĐ0-9]*(?:TW|TU|ĐU|HU|QU|ThU|ĐUK|ĐUK[A-ZĐ]+)|ĐU[A-ZĐ0-9]*|CB[A-ZĐ0-9]*|BCS[A-ZĐ0-9]*)$/u.test(head);
}

export interface SymbolMatch {
  start: number;
  end: number;
  /** Canonical number and symbol ("167-CV/BTGDVTU", "-CV/ĐU", "/VHTTDL-TTBCXB"). */
  canonical: string;
  number: string | null;
  convention: Convention;
  kind: 'party' | 'state' | 'normative';
  /** Type abbreviation as written, when the symbol carries one. */
  typeCode: string | null;
  /** [start, end) of the type abbreviation, when there is one. */
  typeSpan: [number, number] | null;
  /** The type the abbreviation stands for; 'Công văn' for a State số/issuer-unit symbol. */
  docTypeFromCode: DocType | null;
  /** The body was written "TƯ" (read as TU): a central body's TW when the issuer is central. */
  hornTu?: boolean;
}

const CENTRAL_RE = /Bộ Chính trị|Ban Bí thư|Trung ương|\bTW\b/u;

/** "03-CT/TƯ" of the Politburo is 03-CT/TW; of a provincial committee (an OCR'd TU) 03-CT/TU. */
export function withIssuer(symbol: SymbolMatch, issuer: string | null): SymbolMatch {
  if (!symbol.hornTu || !issuer || !CENTRAL_RE.test(issuer)) return symbol;
  return { ...symbol, canonical: symbol.canonical.replace(/\/TU$/u, '/TW') };
}

const dash = (s: string) => s.replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\s+/g, '').replace(/Ư/g, 'U');

function party(num: string | undefined, type: string, org: string, start: number, end: number, typeAt: number): SymbolMatch {
  return {
    start,
    end,
    canonical: `${num ?? ''}-${type}/${dash(org)}`,
    number: num ?? null,
    convention: 'party',
    kind: 'party',
    typeCode: type,
    typeSpan: [typeAt, typeAt + type.length],
    docTypeFromCode: TYPE_CODES[type] ?? PARTY_ONLY_CODES[type] ?? null,
    hornTu: /^TƯ$/u.test(org.trim()),
  };
}

function stateAdm(num: string | undefined, a: string, b: string, start: number, end: number, aAt: number): SymbolMatch {
  const org = dash(b);
  // A Party number written in State order ("12/QĐ-TU"): the body tells.
  if (isPartyOrg(org) && a !== 'CĐ' && (TYPE_CODES[a] || PARTY_ONLY_CODES[a])) return party(num, a, org, start, end, aAt);
  const code = TYPE_CODES[a];
  return {
    start,
    end,
    canonical: org ? `${num ?? ''}/${a}-${org}` : `${num ?? ''}/${a}`,
    number: num ?? null,
    convention: 'state',
    kind: 'state',
    typeCode: code ? a : null,
    typeSpan: code ? [aAt, aAt + a.length] : null,
    docTypeFromCode: code ?? 'Công văn',
  };
}

function normative(num: string, year: string, type: string | undefined, org: string | undefined, qh: string | undefined, start: number, end: number, typeAt: number, sep = '-'): SymbolMatch {
  // "19/2008/NQLT/CP-UBTUMTTQVN": a slash after the type is kept as printed.
  const tail = qh ?? `${type}${sep === '/' ? '/' : '-'}${dash(org ?? '')}`;
  return {
    start,
    end,
    canonical: `${num}/${year}/${tail}`,
    number: num,
    convention: 'state',
    kind: 'normative',
    typeCode: type ?? null,
    typeSpan: type ? [typeAt, typeAt + type.length] : null,
    docTypeFromCode: qh ? 'Luật' : (NORMATIVE_CODES[type ?? ''] ?? TYPE_CODES[type ?? ''] ?? null),
  };
}

/** A State number with a slash after its type, kept as printed: "01/QCPH/UBND-UBMTTQ". */
function slashState(num: string, type: string, org: string, start: number, end: number, typeAt: number): SymbolMatch {
  const code = TYPE_CODES[type] ?? null;
  return { start, end, canonical: `${num}/${type}/${dash(org)}`, number: num, convention: 'state', kind: 'state', typeCode: type, typeSpan: [typeAt, typeAt + type.length], docTypeFromCode: code };
}

/** Offset of a named group inside a match (groups appear in order, so a forward search is safe). */
function groupAt(m: RegExpExecArray, value: string, after = 0): number {
  return m.index + m[0].indexOf(value, after);
}

/** Every document number in text[from, to), left to right, without overlaps. */
export function findSymbols(text: string, from = 0, to = text.length): SymbolMatch[] {
  const slice = text.slice(from, to);
  const found: SymbolMatch[] = [];
  // Taken [start, end) ranges, disjoint and sorted: a binary search instead of a scan of all of
  // them per match (a text made of thousands of symbols was quadratic).
  const taken: [number, number][] = [];
  const firstEndingAfter = (s: number) => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((taken[mid]?.[1] ?? 0) <= s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const add = (m: SymbolMatch) => {
    const i = firstEndingAfter(m.start);
    const next = taken[i];
    if (next && next[0] < m.end) return;
    taken.splice(i, 0, [m.start, m.end]);
    found.push(m);
  };
  for (const m of slice.matchAll(STATE_NORM_RE)) {
    const g = m.groups ?? {};
    const num = g.num ?? '';
    const typeAt = g.type ? groupAt(m as RegExpExecArray, g.type, num.length + 5) : 0;
    add(normative(num, g.year ?? '', g.type, g.org, g.qh, from + m.index, from + m.index + m[0].length, from + typeAt, g.sep));
  }
  for (const m of slice.matchAll(PARTY_RE)) {
    const g = m.groups ?? {};
    const typeAt = groupAt(m as RegExpExecArray, g.type ?? '', (g.num ?? '').length);
    add(party(g.num, g.type ?? '', g.org ?? '', from + m.index, from + m.index + m[0].length, from + typeAt));
  }
  for (const m of slice.matchAll(PARTY_SLASH_RE)) {
    const g = m.groups ?? {};
    const typeAt = groupAt(m as RegExpExecArray, g.type ?? '', (g.num ?? '').length);
    const [start, end] = [from + m.index, from + m.index + m[0].length];
    add(isPartyOrg(dash(g.org ?? '')) ? party(g.num, g.type ?? '', g.org ?? '', start, end, from + typeAt) : slashState(g.num ?? '', g.type ?? '', g.org ?? '', start, end, from + typeAt));
  }
  for (const m of slice.matchAll(STATE_ADM_RE)) {
    const g = m.groups ?? {};
    const aAt = groupAt(m as RegExpExecArray, g.a ?? '', (g.num ?? '').length);
    add(stateAdm(g.num, g.a ?? '', g.b ?? '', from + m.index, from + m.index + m[0].length, from + aAt));
  }
  for (const m of slice.matchAll(GLUED_RE)) {
    const g = m.groups ?? {};
    const split = splitGlued(`${g.type ?? ''}${g.org ?? ''}`);
    if (!split) continue;
    const typeAt = from + groupAt(m as RegExpExecArray, g.type ?? '', (g.num ?? '').length + (g.year ?? '').length);
    const [start, end] = [from + m.index, from + m.index + m[0].length];
    add(g.year ? normative(g.num ?? '', g.year, split[0], split[1], undefined, start, end, typeAt) : stateAdm(g.num, split[0], split[1], start, end, typeAt));
  }
  return found.sort((x, y) => x.start - y.start);
}

/** The document's own number in its header ("Số …"), searched in text[from, to). */
export function findHeaderSymbol(text: string, from: number, to: number): (SymbolMatch & { numberStart: number }) | null {
  const slice = text.slice(from, to);
  const m = HEADER_RE.exec(slice);
  if (!m) return null;
  const g = m.groups ?? {};
  const prefix = /^[Ss]ố\s*:?\s*/u.exec(m[0])?.[0].length ?? 0;
  const start = from + m.index + prefix;
  const end = from + m.index + m[0].length;
  const body = m[0].slice(prefix);
  const at = (v: string) => start + body.indexOf(v);
  let match: SymbolMatch;
  if (g.ptype !== undefined) match = party(g.pnum, g.ptype, g.porg ?? '', start, end, at(g.ptype));
  else if (g.borg !== undefined) {
    // A blank number and no type, as a draft prints it ("Số -/ĐU"): kept as printed.
    const org = dash(g.borg);
    const partyOrg = isPartyOrg(org);
    match = { start, end, canonical: `-/${org}`, number: null, convention: partyOrg ? 'party' : 'state', kind: partyOrg ? 'party' : 'state', typeCode: null, typeSpan: null, docTypeFromCode: null };
  }
  else if (g.ntype !== undefined || g.nqh !== undefined) match = normative(g.nnum ?? '', g.year ?? '', g.ntype, g.norg, g.nqh, start, end, g.ntype ? at(g.ntype) : start);
  else if (g.sc !== undefined) match = isPartyOrg(dash(g.sc)) ? party(g.snum, g.sa ?? '', g.sc, start, end, at(g.sa ?? '')) : slashState(g.snum ?? '', g.sa ?? '', g.sc, start, end, at(g.sa ?? ''));
  else {
    const glued = g.sb === undefined ? splitGlued(g.sa ?? '') : null;
    match = glued ? stateAdm(g.snum, glued[0], glued[1], start, end, at(g.sa ?? '')) : stateAdm(g.snum, g.sa ?? '', g.sb ?? '', start, end, at(g.sa ?? ''));
  }
  return { ...match, numberStart: start };
}
