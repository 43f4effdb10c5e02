import type { UnitKind } from '../../platform/db/schema/org.js';
import { searchKey } from '../../platform/vn/index.js';

/**
 * Links names written in a directive (issuer, Kính gửi, Nơi nhận) to units of the hierarchy,
 * accent- and abbreviation-aware: "Ban Tuyên giáo và Dân vận Tỉnh ủy" ↔ BTGDVTU, "UBND tỉnh" ↔
 * "Ủy ban nhân dân tỉnh Lai Châu". Names that match nothing stay text. Pure: the caller passes the
 * candidate units (those the user may see and their ancestors).
 */
export interface UnitCandidate {
  id: number;
  code: string;
  name: string;
  abbreviation: string | null;
  kind: UnitKind;
  parentId: number | null;
}

const abbreviations: [RegExp, string][] = [
  [/\bUBND\b/g, 'Ủy ban nhân dân'],
  [/\bHĐND\b/g, 'Hội đồng nhân dân'],
  [/\bMTTQ\b/g, 'Mặt trận Tổ quốc'],
  [/\bVHTTDL\b/g, 'Văn hóa, Thể thao và Du lịch'],
  [/\bVH,?\s*TT\s*(?:&|và)\s*DL\b/g, 'Văn hóa, Thể thao và Du lịch'],
  [/\bTTĐT\b/g, 'Thông tin điện tử'],
  [/\bPT-?TH\b/g, 'Phát thanh, Truyền hình'],
  [/\bBTV\b/g, 'Ban Thường vụ'],
  [/\bBCH\b/g, 'Ban Chấp hành'],
  [/\bĐU\b/g, 'Đảng ủy'],
  [/\bTU\b/g, 'Tỉnh ủy'],
  [/\bVHNT\b/g, 'Văn học - Nghệ thuật'],
  [/\bKH&CN\b/g, 'Khoa học và Công nghệ'],
];

/** Leading words that name an organ of a body rather than the body: "Ban Thường vụ Đảng ủy X" → "Đảng ủy X". */
const organPrefix = /^(?:ban thuong vu|thuong truc|ban chap hanh|tap the lanh dao|lanh dao)\s+(?=\S+\s+\S+)/;
const stopWords = new Set(['va', 'cac', 'cua', 'tinh', 'b/c']);

function keyTokens(text: string): string[] {
  let expanded = text;
  for (const [pattern, replacement] of abbreviations) expanded = expanded.replace(pattern, replacement);
  const key = searchKey(expanded).replace(organPrefix, '');
  return key.split(' ').filter(Boolean);
}

/** Initials of the syllables of a name, skipping "và": "Ban Tuyên giáo và Dân vận Tỉnh ủy" → "BTGDVTU". */
export function acronym(name: string): string {
  return searchKey(name)
    .split(' ')
    .filter((w) => w && w !== 'va')
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}

const compact = (s: string) => searchKey(s).replace(/\s+/g, '').toUpperCase();

function score(mention: string, unit: UnitCandidate): number {
  const m = compact(mention);
  if (unit.abbreviation && m === compact(unit.abbreviation)) return 90;
  if (m === compact(unit.code)) return 95;
  const mTokens = keyTokens(mention).filter((t) => !stopWords.has(t));
  if (mTokens.length === 0) return 0;
  const uTokens = new Set(keyTokens(unit.name));
  if (mTokens.every((t) => uTokens.has(t))) {
    const extra = uTokens.size - new Set(mTokens).size;
    return Math.max(50, 85 - extra * 5);
  }
  if (mTokens.length >= 3 && acronym(mention) === acronym(unit.name)) return 60;
  return 0;
}

function ancestorsOf(id: number, byId: Map<number, UnitCandidate>): number[] {
  const chain: number[] = [];
  for (let u = byId.get(id); u; u = u.parentId === null ? undefined : byId.get(u.parentId)) chain.push(u.id);
  return chain;
}

/** Tree distance from `near` (e.g. the registering unit), to prefer the Lai Châu board over the Lào Cai one. */
function distance(a: number, b: number, byId: Map<number, UnitCandidate>): number {
  const up = ancestorsOf(a, byId);
  const other = ancestorsOf(b, byId);
  const index = new Map(other.map((id, i) => [id, i]));
  for (let i = 0; i < up.length; i++) {
    const j = index.get(up[i] as number);
    if (j !== undefined) return i + j;
  }
  return 1_000;
}

export interface MatchContext {
  candidates: UnitCandidate[];
  /** The unit the directive is registered in; ties go to the unit nearest to it. */
  nearUnitId: number | null;
  /** The place of issue ("Lai Châu"); ties go to units whose name or ancestors' names contain it. */
  place: string | null;
}

/** The best unit for a written name, or null when nothing matches well enough. */
export function matchUnit(name: string, context: MatchContext): UnitCandidate | null {
  const byId = new Map(context.candidates.map((u) => [u.id, u]));
  const placeKey = context.place ? searchKey(context.place) : null;
  let best: { unit: UnitCandidate; rank: number[] } | null = null;
  for (const unit of context.candidates) {
    const s = score(name, unit);
    if (s < 50) continue;
    const inPlace = placeKey && ancestorsOf(unit.id, byId).some((id) => searchKey(byId.get(id)?.name ?? '').includes(placeKey)) ? 1 : 0;
    const near = context.nearUnitId === null ? 0 : -distance(unit.id, context.nearUnitId, byId);
    const rank = [s, inPlace, near];
    if (!best || compareRank(rank, best.rank) > 0) best = { unit, rank };
  }
  return best?.unit ?? null;
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}

/**
 * A group addressee ("Các chi, đảng bộ cơ sở", "Ủy ban nhân dân các xã, phường", "Các Cấp ủy, Chi bộ")
 * names the issuer's subordinate units of some kinds rather than one unit. Returns those units, looked for
 * in the issuer's subtree, then its parent's, then its grandparent's; null when the name is not a group.
 */
export function expandGroup(name: string, issuerUnitId: number | null, candidates: UnitCandidate[]): UnitCandidate[] | null {
  const key = searchKey(name);
  if (!/^(cac|toan the|ubnd cac|uy ban nhan dan cac)\b/.test(key) && !/\bcac (xa|phuong|chi bo|dang bo|co quan|don vi)\b/.test(key)) return null;
  const kinds = new Set<UnitKind>();
  if (/\b(chi bo|dang bo|cap uy|to chuc dang|chi, dang bo)\b/.test(key) || /chi, dang bo/.test(searchKey(name.replace(/,/g, ', ')))) {
    kinds.add('party_cell');
    kinds.add('party_committee');
  }
  if (/\b(xa|phuong)\b/.test(key)) kinds.add('commune');
  if (/\bbao chi\b/.test(key)) kinds.add('press');
  if (issuerUnitId === null) return [];
  const children = new Map<number, UnitCandidate[]>();
  for (const u of candidates) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u);
    children.set(u.parentId, list);
  }
  const byId = new Map(candidates.map((u) => [u.id, u]));
  const subtree = (rootId: number): UnitCandidate[] => {
    const out: UnitCandidate[] = [];
    const stack = [...(children.get(rootId) ?? [])];
    while (stack.length > 0) {
      const u = stack.pop() as UnitCandidate;
      out.push(u);
      // A group of party organisations means the direct ones, not every cell below them.
      if (!(kinds.has('party_cell') && kinds.size === 2)) stack.push(...(children.get(u.id) ?? []));
    }
    return out;
  };
  let root: number | null = issuerUnitId;
  for (let level = 0; level < 3 && root !== null; level++) {
    const found = subtree(root).filter((u) => kinds.size === 0 || kinds.has(u.kind));
    if (found.length > 0) return found.sort((a, b) => a.id - b.id);
    root = byId.get(root)?.parentId ?? null;
  }
  return [];
}
