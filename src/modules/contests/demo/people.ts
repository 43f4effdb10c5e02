/**
 * The demo's synthetic participants (pure, seeded: the same people every time the demo loads):
 * names common in Lai Châu (Kinh, Thái, Mông, Dao families), a unique mobile number each, a unit of
 * the demo tree weighted like a province's participation (communes and wards first, then the party
 * cells, the press, the other provinces' units a little), a participant group that fits the unit,
 * how well they know the congresses, and how many attempts they make each round. A few behave in
 * ways the flags must catch: perfect scores in implausibly short times, and a school's computer
 * room where many people take part from one client address.
 */
import type { ParticipantGroup } from '../types.js';

import { seededRandom } from '../../../platform/random.js';

export { seededRandom };

const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Lò', 'Tòng', 'Lường', 'Đèo', 'Giàng', 'Vàng', 'Thào', 'Sùng', 'Tẩn', 'Phàn'];
const middles = { m: ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'A'], f: ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Mai', 'Thị'] };
const givens = {
  m: ['Anh', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khánh', 'Long', 'Nam', 'Phong', 'Quân', 'Sơn', 'Thắng', 'Tuấn', 'Việt', 'Chinh', 'Páo', 'Sử', 'Lả'],
  f: ['Anh', 'Chi', 'Dung', 'Hà', 'Hằng', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Ngân', 'Nhung', 'Phương', 'Thảo', 'Trang', 'Yến', 'Xuân', 'Mỷ', 'Dợ'],
};

/** Units people pick, with how many of every hundred pick each, and the groups they belong to. */
const unitPicks: { code: string; weight: number; groups: ParticipantGroup[] }[] = [
  { code: 'LCU-P-TANPHONG', weight: 16, groups: ['dang-vien', 'nhan-dan', 'doan-vien-hoi-vien', 'can-bo'] },
  { code: 'LCU-P-DOANKET', weight: 13, groups: ['dang-vien', 'nhan-dan', 'doan-vien-hoi-vien', 'can-bo'] },
  { code: 'LCU-X-TAMDUONG', weight: 9, groups: ['dang-vien', 'nhan-dan', 'can-bo'] },
  { code: 'LCU-X-SINHO', weight: 6, groups: ['dang-vien', 'nhan-dan', 'doan-vien-hoi-vien'] },
  { code: 'LCU-X-PHONGTHO', weight: 7, groups: ['dang-vien', 'nhan-dan', 'can-bo'] },
  { code: 'LCU-CB-SVHTTDL', weight: 6, groups: ['dang-vien', 'cong-chuc'] },
  { code: 'LCU-CB-VPUBND', weight: 7, groups: ['dang-vien', 'cong-chuc'] },
  { code: 'LCU-CB-SKHCN', weight: 4, groups: ['dang-vien', 'cong-chuc'] },
  { code: 'LCU-CB-VPSGDDT', weight: 4, groups: ['dang-vien', 'cong-chuc'] },
  { code: 'LCU-CB-THPTLQD', weight: 9, groups: ['hoc-sinh-sinh-vien', 'vien-chuc', 'dang-vien'] },
  { code: 'LCU-BTGDVTU', weight: 2, groups: ['can-bo', 'dang-vien'] },
  { code: 'LCU-DU-VPDU', weight: 2, groups: ['can-bo', 'dang-vien'] },
  { code: 'LCU-BPTTH', weight: 5, groups: ['vien-chuc', 'nguoi-lao-dong'] },
  { code: 'LCU-CTTDT', weight: 1, groups: ['vien-chuc'] },
  { code: 'LCU-HVHNT', weight: 2, groups: ['doan-vien-hoi-vien'] },
  { code: 'LCA-P-CAMDUONG', weight: 3, groups: ['nhan-dan', 'dang-vien'] },
  { code: 'LCA-X-BATXAT', weight: 2, groups: ['nhan-dan'] },
  { code: 'SLA-P-TOHIEU', weight: 2, groups: ['nhan-dan', 'dang-vien'] },
];

/** The school whose computer room many students use (one client address: the shared-client flag). */
export const DEMO_SCHOOL_CODE = 'LCU-CB-THPTLQD';

export interface DemoPerson {
  index: number;
  name: string;
  phone: string;
  unitCode: string;
  group: ParticipantGroup;
  /** Chance of answering a question right (0–1). */
  skill: number;
  /** Attempts in round 1 and round 2 (0: does not take part that round). */
  attempts: [number, number];
  /** Takes part from the school's computer room (one client address). */
  schoolRoom: boolean;
  /** Answers everything right in well under a minute (the fast-perfect flag). */
  tooFast: boolean;
}

function pickUnit(r: number): (typeof unitPicks)[number] {
  const total = unitPicks.reduce((s, u) => s + u.weight, 0);
  let left = r * total;
  for (const u of unitPicks) {
    left -= u.weight;
    if (left < 0) return u;
  }
  return unitPicks[unitPicks.length - 1] as (typeof unitPicks)[number];
}

const pick = <T>(items: readonly T[], r: number): T => items[Math.floor(r * items.length)] as T;

/** Attempts in a round: most people 1–3, a few use all 7. */
function attemptCount(r: number): number {
  const upTo = [0.35, 0.6, 0.75, 0.85, 0.92, 0.96];
  const n = upTo.findIndex((limit) => r < limit);
  return n === -1 ? 7 : n + 1;
}

/** `count` people; about 60 % of them come back in round 2, and a few take part in round 2 only. */
export function demoPeople(count: number, seed = 20260120): DemoPerson[] {
  const random = seededRandom(seed);
  const people: DemoPerson[] = [];
  for (let index = 0; index < count; index++) {
    const sex = random() < 0.5 ? 'm' : 'f';
    const unit = pickUnit(random());
    const group = pick(unit.groups, random());
    const name = `${pick(families, random())} ${pick(middles[sex], random())} ${pick(givens[sex], random())}`;
    const inFirst = index < Math.floor(count * 0.88);
    const comesBack = !inFirst || random() < 0.6;
    const schoolRoom = unit.code === DEMO_SCHOOL_CODE;
    people.push({
      index,
      name,
      phone: `09${String(12_000_000 + index * 7919).padStart(8, '0')}`,
      unitCode: unit.code,
      group,
      skill: 0.5 + 0.47 * Math.sqrt(random()),
      attempts: [inFirst ? attemptCount(random()) : 0, comesBack ? Math.max(1, attemptCount(random()) - 1) : 0],
      schoolRoom,
      tooFast: index % 97 === 13,
    });
  }
  return people;
}
