import type { UnitKind } from '../src/platform/db/schema/org.js';

/**
 * A synthetic but realistic organisation tree after the 2025 reorganisation: one central root,
 * 34 provinces (28 provinces and 6 centrally-run cities), 3,321 communes, and village party cells
 * filling the tree up to an exact total. Deterministic for a given seed.
 *
 * Depths (root = 1):
 *   1  Ban Chấp hành Trung ương Đảng
 *   2  central boards; Tỉnh ủy / Thành ủy of each province
 *   3  party boards, two party committees, People's Committee, Fatherland Front, associations
 *   4  departments, press, portal, communes; party cells of departments and boards; mass orgs
 *   5  divisions of departments; party cells of communes; villages / residential groups
 *   6  party cells of villages
 *
 * Ids are assigned level by level, shuffled within each level, so a province's units are spread
 * over the whole table (as after years of edits), not stored next to each other.
 */

export interface UnitSeed {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  abbreviation: string | null;
  parentId: number | null;
  sortOrder: number;
  depth: number;
  /** Index into `provinces` of the province the unit belongs to; -1 for the central level. */
  province: number;
}

export interface GeneratedTree {
  units: UnitSeed[];
  rootId: number;
  /** Id of each province's party committee (Tỉnh ủy / Thành ủy), the root of its subtree. */
  provinceIds: number[];
  provinceNames: string[];
  communeCount: number;
}

interface Node {
  code: string;
  name: string;
  kind: UnitKind;
  abbreviation: string | null;
  parent: Node | null;
  sortOrder: number;
  depth: number;
  province: number;
  id: number;
}

/** The 34 provincial-level units; `weight` is an illustrative commune count, scaled to the total. */
const provinceList: { code: string; name: string; city: boolean; weight: number }[] = [
  { code: 'HNI', name: 'Hà Nội', city: true, weight: 126 },
  { code: 'HCM', name: 'Hồ Chí Minh', city: true, weight: 168 },
  { code: 'HPG', name: 'Hải Phòng', city: true, weight: 114 },
  { code: 'DNG', name: 'Đà Nẵng', city: true, weight: 94 },
  { code: 'HUE', name: 'Huế', city: true, weight: 40 },
  { code: 'CTO', name: 'Cần Thơ', city: true, weight: 103 },
  { code: 'QNH', name: 'Quảng Ninh', city: false, weight: 54 },
  { code: 'LCU', name: 'Lai Châu', city: false, weight: 38 },
  { code: 'DBN', name: 'Điện Biên', city: false, weight: 45 },
  { code: 'SLA', name: 'Sơn La', city: false, weight: 75 },
  { code: 'LSN', name: 'Lạng Sơn', city: false, weight: 65 },
  { code: 'CBG', name: 'Cao Bằng', city: false, weight: 56 },
  { code: 'TQG', name: 'Tuyên Quang', city: false, weight: 124 },
  { code: 'LCA', name: 'Lào Cai', city: false, weight: 99 },
  { code: 'TNN', name: 'Thái Nguyên', city: false, weight: 92 },
  { code: 'PTO', name: 'Phú Thọ', city: false, weight: 148 },
  { code: 'BNH', name: 'Bắc Ninh', city: false, weight: 99 },
  { code: 'HYN', name: 'Hưng Yên', city: false, weight: 104 },
  { code: 'NBH', name: 'Ninh Bình', city: false, weight: 129 },
  { code: 'THA', name: 'Thanh Hóa', city: false, weight: 166 },
  { code: 'NAN', name: 'Nghệ An', city: false, weight: 130 },
  { code: 'HTH', name: 'Hà Tĩnh', city: false, weight: 69 },
  { code: 'QTR', name: 'Quảng Trị', city: false, weight: 78 },
  { code: 'QNI', name: 'Quảng Ngãi', city: false, weight: 96 },
  { code: 'GLI', name: 'Gia Lai', city: false, weight: 135 },
  { code: 'KHA', name: 'Khánh Hòa', city: false, weight: 65 },
  { code: 'LDG', name: 'Lâm Đồng', city: false, weight: 124 },
  { code: 'DLK', name: 'Đắk Lắk', city: false, weight: 102 },
  { code: 'DNI', name: 'Đồng Nai', city: false, weight: 95 },
  { code: 'TNH', name: 'Tây Ninh', city: false, weight: 96 },
  { code: 'VLG', name: 'Vĩnh Long', city: false, weight: 124 },
  { code: 'DTP', name: 'Đồng Tháp', city: false, weight: 102 },
  { code: 'CMU', name: 'Cà Mau', city: false, weight: 64 },
  { code: 'AGG', name: 'An Giang', city: false, weight: 102 },
];

const centralBoards: [string, string, string][] = [
  ['TW-VPTW', 'Văn phòng Trung ương Đảng', 'VPTW'],
  ['TW-BTCTW', 'Ban Tổ chức Trung ương', 'BTCTW'],
  ['TW-BTGDVTW', 'Ban Tuyên giáo và Dân vận Trung ương', 'BTGDVTW'],
  ['TW-UBKTTW', 'Ủy ban Kiểm tra Trung ương', 'UBKTTW'],
  ['TW-BNCTW', 'Ban Nội chính Trung ương', 'BNCTW'],
];

const partyBoards: [string, string, string][] = [
  ['VPTU', 'Văn phòng', 'VP'],
  ['BTC', 'Ban Tổ chức', 'BTC'],
  ['BTGDV', 'Ban Tuyên giáo và Dân vận', 'BTGDV'],
  ['UBKT', 'Ủy ban Kiểm tra', 'UBKT'],
  ['BNC', 'Ban Nội chính', 'BNC'],
];

const departments: [string, string, string][] = [
  ['VPUBND', 'Văn phòng Ủy ban nhân dân', 'VP'],
  ['SNV', 'Sở Nội vụ', 'SNV'],
  ['STC', 'Sở Tài chính', 'STC'],
  ['STP', 'Sở Tư pháp', 'STP'],
  ['SCT', 'Sở Công Thương', 'SCT'],
  ['SNNMT', 'Sở Nông nghiệp và Môi trường', 'SNNMT'],
  ['SXD', 'Sở Xây dựng', 'SXD'],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 'SKHCN'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo', 'SGDĐT'],
  ['SYT', 'Sở Y tế', 'SYT'],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'SVHTTDL'],
  ['TTR', 'Thanh tra', 'TTr'],
  ['SDTTG', 'Sở Dân tộc và Tôn giáo', 'SDTTG'],
  ['SNGV', 'Sở Ngoại vụ', 'SNgV'],
  ['BQLKCN', 'Ban Quản lý các khu công nghiệp', 'BQLKCN'],
  ['TCT', 'Trường Chính trị', 'TCT'],
  ['CA', 'Công an', 'CA'],
  ['BCHQS', 'Bộ Chỉ huy Quân sự', 'BCHQS'],
  ['BQLDA', 'Ban Quản lý dự án đầu tư xây dựng', 'BQLDA'],
  ['QDTPT', 'Quỹ Đầu tư phát triển', 'QĐTPT'],
];

const divisions = ['Văn phòng', 'Phòng Kế hoạch - Tài chính', 'Phòng Nghiệp vụ', 'Trung tâm Dịch vụ công'];

const frontMembers: [string, string][] = [
  ['HND', 'Hội Nông dân'],
  ['HLHPN', 'Hội Liên hiệp Phụ nữ'],
  ['DTN', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh'],
  ['LDLD', 'Liên đoàn Lao động'],
  ['HCCB', 'Hội Cựu chiến binh'],
];

const communeCells: [string, string][] = [
  ['CQ', 'Chi bộ Cơ quan Đảng'],
  ['CA', 'Chi bộ Công an'],
  ['QS', 'Chi bộ Quân sự'],
  ['TH', 'Chi bộ Trường Tiểu học'],
];

const syllables = [
  'An', 'Bình', 'Phú', 'Tân', 'Hòa', 'Thạnh', 'Long', 'Đông', 'Tây', 'Nam', 'Bắc', 'Hưng', 'Thịnh',
  'Phước', 'Mỹ', 'Sơn', 'Thủy', 'Quang', 'Minh', 'Đức', 'Chiềng', 'Mường', 'Nậm', 'Tà', 'Pá', 'Vĩnh',
  'Lộc', 'Hải', 'Trung', 'Yên', 'Đồng', 'Khánh', 'Thuận', 'Lợi', 'Nghĩa', 'Xuân', 'Thu', 'Hạ', 'Cẩm',
  'Kim', 'Ngọc', 'Bảo', 'Quế', 'Sìn', 'Hồ', 'Lũng', 'Phương', 'Điền', 'Giang', 'Tiến',
];

import { seededRandom as prng } from '../src/platform/random.js';

export { prng };

/** Splits `total` into integer parts proportional to `weights` (largest remainder). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (rest-- <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
  }
  return parts;
}

export function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }
}

export function generateTree(options: { total: number; communes: number; seed?: number }): GeneratedTree {
  const random = prng(options.seed ?? 20261122);
  const nodes: Node[] = [];
  const add = (
    parent: Node | null,
    code: string,
    name: string,
    kind: UnitKind,
    abbreviation: string | null,
    sortOrder: number,
    province: number,
  ): Node => {
    const node: Node = { code, name, kind, abbreviation, parent, sortOrder, depth: parent ? parent.depth + 1 : 1, province, id: 0 };
    nodes.push(node);
    return node;
  };

  const root = add(null, 'TW', 'Ban Chấp hành Trung ương Đảng', 'central', 'TW', 1, -1);
  centralBoards.forEach(([code, name, abbr], i) => add(root, code, name, 'central', abbr, i + 1, -1));

  const communesPerProvince = apportion(options.communes, provinceList.map((p) => p.weight));
  const provinceRoots: Node[] = [];
  const communes: Node[] = [];

  provinceList.forEach((p, pi) => {
    const level = p.city ? 'thành phố' : 'tỉnh';
    const committee = p.city ? 'Thành ủy' : 'Tỉnh ủy';
    const pr = add(root, `${p.code}-TU`, `${committee} ${p.name}`, 'party_committee', 'TU', 10 + pi, pi);
    provinceRoots.push(pr);

    const boards = partyBoards.map(([code, name, abbr], i) =>
      add(pr, `${p.code}-${code}`, `${name} ${committee} ${p.name}`, 'party_board', abbr, i + 1, pi),
    );
    const duUbnd = add(pr, `${p.code}-DU-UBND`, `Đảng ủy Ủy ban nhân dân ${level} ${p.name}`, 'party_committee', 'ĐU', 10, pi);
    const duCq = add(pr, `${p.code}-DU-CQD`, `Đảng ủy các cơ quan Đảng ${level} ${p.name}`, 'party_committee', 'ĐUCQ', 11, pi);
    boards.forEach((b, i) => add(duCq, `${b.code}-CB`, `Chi bộ ${b.name}`, 'party_cell', null, i + 1, pi));
    const ubnd = add(pr, `${p.code}-UBND`, `Ủy ban nhân dân ${level} ${p.name}`, 'people_committee', 'UBND', 12, pi);
    const front = add(pr, `${p.code}-MTTQ`, `Ủy ban Mặt trận Tổ quốc Việt Nam ${level} ${p.name}`, 'mass_org', 'MTTQ', 13, pi);
    frontMembers.forEach(([code, name], i) => add(front, `${p.code}-${code}`, `${name} ${level} ${p.name}`, 'mass_org', code, i + 1, pi));
    add(pr, `${p.code}-HVHNT`, `Hội Văn học - Nghệ thuật ${level} ${p.name}`, 'mass_org', 'HVHNT', 14, pi);
    add(pr, `${p.code}-HNB`, `Hội Nhà báo ${level} ${p.name}`, 'mass_org', 'HNB', 15, pi);

    departments.forEach(([code, name, abbr], i) => {
      const dept = add(ubnd, `${p.code}-${code}`, `${name} ${level} ${p.name}`, 'department', abbr, i + 1, pi);
      add(duUbnd, `${p.code}-CB-${code}`, `Chi bộ ${dept.name}`, 'party_cell', null, i + 1, pi);
      divisions.forEach((d, j) => add(dept, `${dept.code}-P${j + 1}`, `${d} - ${dept.name}`, 'other', null, j + 1, pi));
    });
    add(ubnd, `${p.code}-BPTTH`, `Báo và Phát thanh, Truyền hình ${p.name}`, 'press', null, 30, pi);
    add(ubnd, `${p.code}-CTTDT`, `Cổng Thông tin điện tử ${level} ${p.name}`, 'portal', null, 31, pi);

    const used = new Set<string>();
    const count = communesPerProvince[pi] ?? 0;
    for (let c = 0; c < count; c++) {
      let base = '';
      for (let attempt = 0; attempt < 50 && (base === '' || used.has(base)); attempt++) {
        const a = syllables[Math.floor(random() * syllables.length)] ?? 'An';
        const b = syllables[Math.floor(random() * syllables.length)] ?? 'Bình';
        base = a === b ? a : `${a} ${b}`;
      }
      if (used.has(base)) base = `${base} ${c + 1}`;
      used.add(base);
      const ward = random() < (p.city ? 0.7 : 0.2);
      const n = String(c + 1).padStart(3, '0');
      const commune = add(
        ubnd,
        `${p.code}-${ward ? 'P' : 'X'}${n}`,
        `${ward ? 'Phường' : 'Xã'} ${base}`,
        'commune',
        null,
        100 + c,
        pi,
      );
      communes.push(commune);
      const cells = 2 + Math.floor(random() * 3);
      for (let k = 0; k < cells; k++) {
        const [code, name] = communeCells[k] ?? ['CB', 'Chi bộ'];
        add(commune, `${commune.code}-${code}`, `${name} ${commune.name.toLowerCase().startsWith('phường') ? 'phường' : 'xã'} ${base}`, 'party_cell', null, k + 1, pi);
      }
    }
  });

  // Villages / residential groups with their party cells fill the tree up to the exact total.
  const remaining = options.total - nodes.length;
  if (remaining < 0) throw new Error(`the fixed part of the tree already has ${nodes.length} units`);
  const villages = Math.ceil(remaining / 2);
  const withoutCell = villages * 2 - remaining; // 0 or 1
  const perCommune = apportion(villages, communes.map(() => 0.5 + random()));
  let made = 0;
  communes.forEach((commune, ci) => {
    const ward = commune.name.startsWith('Phường');
    const place = commune.name.replace(/^(Phường|Xã) /, '');
    for (let v = 0; v < (perCommune[ci] ?? 0); v++) {
      const label = ward ? `Tổ dân phố ${v + 1}` : `Thôn ${syllables[(ci + v) % syllables.length] ?? 'An'} ${v + 1}`;
      const village = add(
        commune,
        `${commune.code}-T${String(v + 1).padStart(2, '0')}`,
        `${label}, ${ward ? 'phường' : 'xã'} ${place}`,
        'other',
        null,
        10 + v,
        commune.province,
      );
      made++;
      if (made <= withoutCell) continue;
      add(village, `${village.code}-CB`, `Chi bộ ${village.name}`, 'party_cell', null, 1, commune.province);
    }
  });

  // Ids level by level, shuffled within each level: parents always get smaller ids than children.
  const byDepth = new Map<number, Node[]>();
  for (const node of nodes) {
    const level = byDepth.get(node.depth) ?? [];
    level.push(node);
    byDepth.set(node.depth, level);
  }
  let nextId = 1;
  const ordered: Node[] = [];
  for (const depth of [...byDepth.keys()].sort((a, b) => a - b)) {
    const level = byDepth.get(depth) ?? [];
    shuffle(level, random);
    for (const node of level) {
      node.id = nextId++;
      ordered.push(node);
    }
  }

  return {
    units: ordered.map((n) => ({
      id: n.id,
      code: n.code,
      name: n.name,
      kind: n.kind,
      abbreviation: n.abbreviation,
      parentId: n.parent ? n.parent.id : null,
      sortOrder: n.sortOrder,
      depth: n.depth,
      province: n.province,
    })),
    rootId: root.id,
    provinceIds: provinceRoots.map((n) => n.id),
    provinceNames: provinceList.map((p) => p.name),
    communeCount: communes.length,
  };
}
