/**
 * Benchmark: the cascade of a directive sent to all 3,321 communes (issue 3, point 9: "renders its
 * summary in under 300 ms").
 *
 *   npx tsx bench/directive-cascade.ts
 *
 * Builds the 100,000-unit tree of bench/units-tree.ts, then a directive register around one national
 * directive (21-HD/BTGDVTW) addressed to every commune: 34 provincial directives and 900 communal ones
 * implement it (three levels), 1,200 communes acknowledged it, and ~5,000 unrelated directives fill
 * the tables. Measures the application's own `getCascade` (and the serialisation of its result) for a
 * system admin and for a province admin. Uses the server at DATABASE_URL (in a fresh database) or an
 * embedded server in a temporary directory, as bench/units-tree.ts does.
 * Exits with code 1 when the target is missed or the cascade's summary is wrong.
 */
import { performance } from 'node:perf_hooks';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { Database } from '../src/platform/db/database.js';
import * as schema from '../src/platform/db/schema/index.js';
import type { Actor } from '../src/platform/access/roles.js';
import { getCascade } from '../src/modules/directives/get-cascade.js';
import { isDirectiveVisible, selectImplementing, selectUnitStatuses, selectVisibleIds } from '../src/modules/directives/repository.js';
import { cascadeSchema, type CascadeNode } from '../src/modules/directives/schemas.js';
import { symbolKey } from '../src/modules/directives/symbol-key.js';
import { searchKey } from '../src/platform/vn/index.js';
import { generateTree, prng, shuffle, type GeneratedTree, type UnitSeed } from './generate-tree.js';
import {
  explain,
  formatMs,
  insertUnits,
  loadAverage,
  logMachine,
  openBenchDatabase,
  percentile,
  provinceAdmin,
  runBenchmark,
  type BenchDatabase,
} from './harness.js';

const TOTAL_UNITS = 100_000;
const COMMUNES = 3_321;
const ACKNOWLEDGED = 1_200;
const IMPLEMENTING = 900;
const UNRELATED = 5_000;
const WARMUP = 5;
const RUNS = 30;
const TARGET_MS = 300;
const NATIONAL_SYMBOL = '21-HD/BTGDVTW';
const CHUNK = 2_000;
const PROFILE_RUNS = 10;

const log = (msg: string) => console.log(msg);

const systemAdmin: Actor = { userId: null, username: 'bench', ip: null, grants: [{ id: 0, role: 'system_admin', unitId: null }] };

// ---------------------------------------------------------------------------------------------
// The register (deterministic)

interface Reference {
  relation: 'implements' | 'basis' | 'cites';
  docType: string;
  numberSymbol: string;
  issuerName: string;
  date: { year: number; month: number; day: number };
  /** The registered directive it resolves to; null for a document not registered. */
  target: DirectiveSeed | null;
}

interface DirectiveSeed {
  id: number;
  ownerUnitId: number;
  issuerUnitId: number | null;
  issuerName: string;
  docType: string;
  convention: 'party' | 'state';
  numberSymbol: string;
  place: string;
  date: { year: number; month: number; day: number };
  subject: string;
  /** Kính gửi, linked to units. */
  recipients: number[];
  /** Kính gửi entries that are plain text (not linked). */
  recipientTexts: string[];
  /** Nơi nhận. */
  distribution: { name: string; unitId: number | null }[];
  references: Reference[];
  acknowledgedBy: number[];
  /** Target length of the body text, in characters. */
  length: number;
}

interface Register {
  directives: DirectiveSeed[];
  national: DirectiveSeed;
  /** Provincial implementing directive of each province (index as in `tree.provinceIds`). */
  provincial: DirectiveSeed[];
  communal: DirectiveSeed[];
  /** Communes whose own directive implements the national one directly. */
  directNational: Set<number>;
  /** Communes whose own directive implements their province's directive. */
  viaProvince: Set<number>;
  nationalAcks: Set<number>;
  communesByProvince: UnitSeed[][];
}

const SUBJECT_NATIONAL = 'Hướng dẫn công tác thông tin đối ngoại về Đại hội đại biểu toàn quốc lần thứ XIV của Đảng';

const filler = [
  'Tuyên truyền lịch sử 95 năm hình thành, phát triển của Đảng Cộng sản Việt Nam; quá trình phát triển tư duy, chủ trương, đường lối của Đảng qua các kỳ đại hội.',
  'Giới thiệu toàn diện quá trình và công tác chuẩn bị đại hội đảng bộ các cấp, Đại hội XIV của Đảng; những quyết sách quan trọng, nhất là việc triển khai đồng bộ bốn chính sách “trụ cột”.',
  'Tuyên truyền chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước về đối ngoại; khẳng định vai trò của Đảng trong lãnh đạo đường lối đối ngoại độc lập, tự chủ, đa phương hóa, đa dạng hóa.',
  'Các cơ quan, đơn vị chủ động xây dựng kế hoạch, bố trí nhân lực, kinh phí triển khai thực hiện; báo cáo kết quả về Ban Tuyên giáo và Dân vận trước 16h00’ Thứ tư hằng tuần.',
  'Đẩy mạnh tuyên truyền trên Cổng Thông tin điện tử, các nền tảng mạng xã hội; kịp thời phát hiện, đấu tranh, phản bác các quan điểm sai trái, thù địch.',
  'Định kỳ 6 tháng, các đơn vị tổng hợp, đánh giá kết quả thực hiện, gửi báo cáo bằng văn bản và qua hệ thống quản lý văn bản điều hành trước ngày 25/12/2025.',
  'Phát huy vai trò của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội trong việc tuyên truyền, vận động nhân dân tham gia đóng góp ý kiến vào dự thảo văn kiện.',
  'Tổ chức các hoạt động văn hóa, văn nghệ, thể dục thể thao, trang trí cổ động trực quan tại các tuyến đường, khu dân cư, nơi công cộng.',
];

const sectionTitles = ['Mục đích, yêu cầu', 'Nội dung tuyên truyền', 'Hình thức tuyên truyền', 'Tổ chức thực hiện'];

function fmtDate(d: { year: number; month: number; day: number }): string {
  return `${d.day}/${d.month}/${d.year}`;
}

/** Body text, section tree and a parser-like output (with spans) of the size a real directive has. */
function documentOf(d: DirectiveSeed, recipientNames: string[], random: () => number) {
  const lines: string[] = [];
  const spans: Record<string, [number, number]> = {};
  let text = '';
  const push = (line: string, field?: string) => {
    if (field) spans[field] = [text.length, text.length + line.length];
    text += line + '\n';
    lines.push(line);
  };
  push(d.issuerName.toUpperCase(), 'issuer');
  push(`Số ${d.numberSymbol}`, 'numberSymbol');
  push(d.convention === 'party' ? 'ĐẢNG CỘNG SẢN VIỆT NAM' : 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  push(`${d.place}, ngày ${d.date.day} tháng ${d.date.month} năm ${d.date.year}`, 'date');
  push(`${d.docType.toUpperCase()}`, 'docType');
  push(d.subject, 'subject');
  push('Kính gửi:', 'recipients');
  for (const name of recipientNames.slice(0, 8)) push(`- ${name};`);
  const refs = d.references.map((r) => ({
    ...r,
    sentence: `${r.relation === 'implements' ? 'Thực hiện' : r.relation === 'basis' ? 'Căn cứ' : 'Theo'} ${r.docType} số ${r.numberSymbol} ngày ${fmtDate(r.date)} của ${r.issuerName}`,
  }));
  const referenceSpans: [number, number][] = [];
  for (const r of refs) {
    referenceSpans.push([text.length, text.length + r.sentence.length]);
    push(`${r.sentence};`);
  }
  const sections: { label: string; title: string; children: { label: string; text: string }[] }[] = [];
  let s = 0;
  while (text.length < d.length) {
    const title = sectionTitles[s % sectionTitles.length] as string;
    const label = `${['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'][s % 8] ?? 'I'}.`;
    push(`${label} ${title}`);
    const children: { label: string; text: string }[] = [];
    const items = 2 + Math.floor(random() * 4);
    for (let i = 0; i < items; i++) {
      const sentence = filler[Math.floor(random() * filler.length)] as string;
      push(`${i + 1}. ${sentence}`);
      children.push({ label: `${i + 1}.`, text: sentence.slice(0, 80) });
    }
    sections.push({ label, title, children });
    s++;
  }
  push('Nơi nhận:', 'distribution');
  for (const e of d.distribution) push(`- ${e.name},`);
  push('T/M BAN THƯỜNG VỤ', 'signer');
  const parsed = {
    docType: d.docType,
    convention: d.convention,
    numberSymbol: d.numberSymbol,
    issuer: d.issuerName,
    place: d.place,
    date: d.date,
    subject: d.subject,
    recipients: recipientNames.slice(0, 8),
    distribution: d.distribution.map((e) => e.name),
    signer: { authority: 'T/M', body: 'BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', name: null },
    references: refs.map((r, i) => ({
      docType: r.docType,
      numberSymbol: r.numberSymbol,
      date: r.date,
      issuer: r.issuerName,
      relation: r.relation,
      span: referenceSpans[i],
    })),
    deadlines: [{ text: 'trước 16h00’ Thứ tư hằng tuần', rule: { kind: 'weekly', weekday: 3, time: '16:00' } }],
    sections,
    spans,
    text,
  };
  return { text, sections, parsed };
}

function buildRegister(tree: GeneratedTree): Register {
  const random = prng(3321);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('empty list');
    return item;
  };
  const byId = new Map(tree.units.map((u) => [u.id, u]));
  const childrenOf = new Map<number, UnitSeed[]>();
  for (const u of tree.units) {
    if (u.parentId === null) continue;
    const list = childrenOf.get(u.parentId) ?? [];
    list.push(u);
    childrenOf.set(u.parentId, list);
  }
  const unit = (id: number) => byId.get(id) as UnitSeed;
  const byCode = new Map(tree.units.map((u) => [u.code, u]));
  const root = unit(tree.rootId);
  const centralBoards = (childrenOf.get(root.id) ?? []).filter((u) => u.kind === 'central');
  const btgdvtw = byCode.get('TW-BTGDVTW') as UnitSeed;
  const communesByProvince = tree.provinceIds.map(() => [] as UnitSeed[]);
  const departmentsByProvince = tree.provinceIds.map(() => [] as UnitSeed[]);
  for (const u of tree.units) {
    if (u.kind === 'commune') communesByProvince[u.province]?.push(u);
    if (u.kind === 'department') departmentsByProvince[u.province]?.push(u);
  }
  const provinceRoot = (pi: number) => unit(tree.provinceIds[pi] as number);
  const provinceBoard = (pi: number) => (childrenOf.get(provinceRoot(pi).id) ?? []).find((u) => u.code.endsWith('-BTGDV')) as UnitSeed;
  const provinceName = (pi: number) => tree.provinceNames[pi] ?? '?';
  const placeOf = (u: UnitSeed) => (u.province < 0 ? 'Hà Nội' : u.kind === 'commune' ? u.name.replace(/^(Xã|Phường) /, '') : provinceName(u.province));
  const partyCellsOf = (id: number) => (childrenOf.get(id) ?? []).filter((u) => u.kind === 'party_cell');

  const all: DirectiveSeed[] = [];
  const make = (d: Omit<DirectiveSeed, 'id' | 'acknowledgedBy' | 'recipientTexts' | 'length'> & Partial<DirectiveSeed>): DirectiveSeed => {
    const seed: DirectiveSeed = { id: 0, acknowledgedBy: [], recipientTexts: [], length: 2_500 + Math.floor(random() * 3_500), ...d };
    all.push(seed);
    return seed;
  };
  const ref = (relation: Reference['relation'], target: DirectiveSeed): Reference => ({
    relation,
    docType: target.docType,
    numberSymbol: target.numberSymbol,
    issuerName: target.issuerName,
    date: target.date,
    target,
  });
  const day = (year: number, fromMonth: number, toMonth: number) => ({
    year,
    month: fromMonth + Math.floor(random() * (toMonth - fromMonth + 1)),
    day: 1 + Math.floor(random() * 28),
  });
  const asText = (names: string[]) => names.map((name) => ({ name, unitId: null }));

  // The national directive, to every commune.
  const allCommunes = communesByProvince.flat();
  const national = make({
    ownerUnitId: root.id,
    issuerUnitId: btgdvtw.id,
    issuerName: btgdvtw.name,
    docType: 'Hướng dẫn',
    convention: 'party',
    numberSymbol: NATIONAL_SYMBOL,
    place: 'Hà Nội',
    date: { year: 2025, month: 7, day: 23 },
    subject: SUBJECT_NATIONAL,
    recipients: allCommunes.map((c) => c.id),
    recipientTexts: ['Các tỉnh ủy, thành ủy'],
    distribution: asText(['Như trên', 'Lưu Văn phòng Ban']),
    references: [],
    length: 9_000,
  });

  // 34 provincial plans implementing it, each to the province's communes.
  const provincial = tree.provinceIds.map((_, pi) => {
    const board = provinceBoard(pi);
    return make({
      ownerUnitId: board.id,
      issuerUnitId: board.id,
      issuerName: board.name,
      docType: 'Kế hoạch',
      convention: 'party',
      numberSymbol: `${30 + Math.floor(random() * 120)}-KH/BTGDVTU`,
      place: provinceName(pi),
      date: day(2025, 8, 8),
      subject: `Thực hiện công tác thông tin đối ngoại về Đại hội đại biểu toàn quốc lần thứ XIV của Đảng trên địa bàn ${provinceName(pi)}`,
      recipients: (communesByProvince[pi] ?? []).map((c) => c.id),
      distribution: asText(['Như trên', 'Ban Tuyên giáo và Dân vận Trung ương (để báo cáo)', 'Lưu Văn phòng']),
      references: [ref('implements', national)],
    });
  });

  // 900 communes issue their own directive: half implement the national one, half their province's plan.
  const order = [...allCommunes];
  shuffle(order, random);
  const implementers = order.slice(0, IMPLEMENTING);
  const directNational = new Set<number>();
  const viaProvince = new Set<number>();
  const communal = implementers.map((c, i) => {
    const parent = i % 2 === 0 ? national : (provincial[c.province] as DirectiveSeed);
    (parent === national ? directNational : viaProvince).add(c.id);
    const cells = partyCellsOf(c.id);
    return make({
      ownerUnitId: c.id,
      issuerUnitId: c.id,
      issuerName: `Đảng ủy ${c.name.toLowerCase().startsWith('phường') ? 'phường' : 'xã'} ${placeOf(c)}`,
      docType: 'Kế hoạch',
      convention: 'party',
      numberSymbol: `${1 + Math.floor(random() * 200)}-KH/ĐU`,
      place: placeOf(c),
      date: day(2025, 8, 9),
      subject: 'Triển khai công tác thông tin đối ngoại về Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
      recipients: cells.map((u) => u.id),
      distribution: asText(['Như trên', 'Lưu Văn phòng Đảng ủy']),
      // The ones under a provincial plan also cite the national guidance as a basis (not an implementation).
      references: parent === national ? [ref('implements', national)] : [ref('implements', parent), ref('basis', national)],
    });
  });

  // 1,200 communes acknowledged the national directive (some of them also implement it).
  shuffle(order, random);
  const nationalAcks = new Set(order.slice(0, ACKNOWLEDGED).map((c) => c.id));
  national.acknowledgedBy = [...nationalAcks];
  for (const [pi, p] of provincial.entries()) {
    p.acknowledgedBy = (communesByProvince[pi] ?? []).filter(() => random() < 0.35).map((c) => c.id);
  }
  for (const d of communal) d.acknowledgedBy = d.recipients.filter(() => random() < 0.5);

  // ~5,000 unrelated directives: other national ones, provincial ones, communal and departmental ones.
  const unregistered = (relation: Reference['relation']): Reference => {
    const kinds: [string, string, string][] = [
      ['Nghị quyết', 'NQ/TW', 'Ban Chấp hành Trung ương'],
      ['Kết luận', 'KL/TW', 'Bộ Chính trị'],
      ['Chỉ thị', 'CT/TW', 'Ban Bí thư'],
      ['Nghị định', 'NĐ-CP', 'Chính phủ'],
    ];
    const [docType, suffix, issuerName] = pick(kinds);
    const n = 1 + Math.floor(random() * 200);
    return {
      relation,
      docType,
      numberSymbol: suffix === 'NĐ-CP' ? `${n}/2024/${suffix}` : `${n}-${suffix}`,
      issuerName,
      date: day(2024, 1, 12),
      target: null,
    };
  };
  const otherNational: DirectiveSeed[] = [];
  for (let i = 0; i < 16; i++) {
    const board = pick(centralBoards);
    const toCommunes = i < 4;
    otherNational.push(
      make({
        ownerUnitId: root.id,
        issuerUnitId: board.id,
        issuerName: board.name,
        docType: pick(['Hướng dẫn', 'Công văn', 'Kế hoạch']),
        convention: 'party',
        numberSymbol: `${100 + i * 7}-${pick(['HD', 'CV', 'KH'])}/${board.abbreviation ?? 'TW'}`,
        place: 'Hà Nội',
        date: day(2025, 1, 12),
        subject: `Hướng dẫn số ${i + 1} về công tác tuyên truyền năm 2025`,
        recipients: toCommunes ? allCommunes.map((c) => c.id) : tree.provinceIds,
        distribution: [...centralBoards.filter((b) => b.id !== board.id).map((b) => ({ name: b.name, unitId: b.id })), { name: 'Lưu Văn phòng', unitId: null }],
        references: [unregistered('basis')],
      }),
    );
  }
  const otherProvincial: DirectiveSeed[][] = tree.provinceIds.map(() => []);
  const perProvince = 22;
  for (let pi = 0; pi < tree.provinceIds.length; pi++) {
    for (let k = 0; k < perProvince; k++) {
      const issuer = random() < 0.5 ? provinceBoard(pi) : provinceRoot(pi);
      const toCommunes = random() < 0.5;
      const d = make({
        ownerUnitId: issuer.id,
        issuerUnitId: issuer.id,
        issuerName: issuer.name,
        docType: pick(['Công văn', 'Kế hoạch', 'Hướng dẫn', 'Thông báo']),
        convention: 'party',
        numberSymbol: `${1 + Math.floor(random() * 400)}-${pick(['CV', 'KH', 'HD', 'TB'])}/${issuer.abbreviation ?? 'TU'}`,
        place: provinceName(pi),
        date: day(random() < 0.5 ? 2025 : 2026, 1, 12),
        subject: `Về việc triển khai nhiệm vụ số ${k + 1} trên địa bàn ${provinceName(pi)}`,
        recipients: toCommunes ? (communesByProvince[pi] ?? []).map((c) => c.id) : (departmentsByProvince[pi] ?? []).map((u) => u.id),
        distribution: [{ name: 'Thường trực Tỉnh ủy', unitId: provinceRoot(pi).id }, { name: 'Lưu Văn phòng', unitId: null }],
        references: random() < 0.5 ? [ref('implements', pick(otherNational)), unregistered('cites')] : [unregistered(pick(['implements', 'basis', 'cites']))],
      });
      otherProvincial[pi]?.push(d);
    }
  }
  while (all.length < 1 + provincial.length + communal.length + UNRELATED) {
    const pi = Math.floor(random() * tree.provinceIds.length);
    const commune = random() < 0.7;
    const issuer = commune ? pick(communesByProvince[pi] ?? []) : pick(departmentsByProvince[pi] ?? []);
    const parent = random() < 0.6 ? pick(otherProvincial[pi] ?? []) : null;
    const abbr = issuer.abbreviation ?? 'VP';
    make({
      ownerUnitId: issuer.id,
      issuerUnitId: issuer.id,
      issuerName: commune ? `Đảng ủy ${issuer.name}` : issuer.name,
      docType: pick(['Công văn', 'Kế hoạch', 'Báo cáo', 'Thông báo']),
      convention: commune ? 'party' : 'state',
      numberSymbol: commune ? `${1 + Math.floor(random() * 300)}-CV/ĐU` : `${1 + Math.floor(random() * 2000)}/${pick(['KH', 'BC', 'TB'])}-${abbr}`,
      place: placeOf(issuer),
      date: day(random() < 0.5 ? 2025 : 2026, 1, 12),
      subject: `Về việc thực hiện nhiệm vụ thường xuyên tại ${issuer.name}`,
      recipients: commune ? partyCellsOf(issuer.id).map((u) => u.id) : (childrenOf.get(issuer.id) ?? []).map((u) => u.id),
      distribution: [{ name: 'Như trên', unitId: null }, { name: 'Lưu VT', unitId: null }],
      references: [
        ...(parent ? [ref('implements', parent)] : []),
        ...(random() < 0.3 ? [unregistered(pick(['basis', 'cites']))] : []),
      ],
    });
  }
  for (const d of all.slice(1 + provincial.length + communal.length)) d.acknowledgedBy = d.recipients.filter(() => random() < 0.35);

  // Ids in registration order, mixed: the register grew over time, not cascade by cascade.
  const ordered = [...all];
  shuffle(ordered, random);
  ordered.forEach((d, i) => (d.id = i + 1));
  return { directives: ordered, national, provincial, communal, directNational, viaProvince, nationalAcks, communesByProvince };
}

// ---------------------------------------------------------------------------------------------
// Bulk insert

async function insertRegister(pool: pg.Pool, tree: GeneratedTree, register: Register): Promise<Record<string, number>> {
  const random = prng(96);
  const names = new Map(tree.units.map((u) => [u.id, u.name]));
  const list = register.directives;
  for (let offset = 0; offset < list.length; offset += CHUNK) {
    const chunk = list.slice(offset, offset + CHUNK);
    const docs = chunk.map((d) => documentOf(d, [...d.recipientTexts, ...d.recipients.map((id) => names.get(id) ?? '')], random));
    await pool.query(
      `insert into directives (id, owner_unit_id, doc_type, convention, number_symbol, number, symbol_key, issuer_name, issuer_unit_id,
         place, issued_year, issued_month, issued_day, subject, signer, deadlines, sections, body_text, parsed, search_key, created_at)
       overriding system value
       select id, owner, doc_type, convention, number_symbol, number, symbol_key, issuer_name, issuer_unit_id, place, y, m, d, subject,
         '{"authority":"T/M","body":"BAN THƯỜNG VỤ","title":"PHÓ BÍ THƯ","name":null}'::jsonb,
         '[{"text":"trước 16h00’ Thứ tư hằng tuần","rule":{"kind":"weekly","weekday":3,"time":"16:00"}}]'::jsonb,
         sections::jsonb, body_text, parsed::jsonb, search_key, make_date(y, m, d)::timestamptz + interval '3 days'
       from unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::text[],
         $11::smallint[], $12::smallint[], $13::smallint[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[])
         as t(id, owner, doc_type, convention, number_symbol, number, symbol_key, issuer_name, issuer_unit_id, place, y, m, d, subject,
           sections, body_text, parsed, search_key)`,
      [
        chunk.map((d) => d.id),
        chunk.map((d) => d.ownerUnitId),
        chunk.map((d) => d.docType),
        chunk.map((d) => d.convention),
        chunk.map((d) => d.numberSymbol),
        chunk.map((d) => d.numberSymbol.match(/^(\d+)/)?.[1] ?? null),
        chunk.map((d) => symbolKey(d.numberSymbol)),
        chunk.map((d) => d.issuerName),
        chunk.map((d) => d.issuerUnitId),
        chunk.map((d) => d.place),
        chunk.map((d) => d.date.year),
        chunk.map((d) => d.date.month),
        chunk.map((d) => d.date.day),
        chunk.map((d) => d.subject),
        docs.map((x) => JSON.stringify(x.sections)),
        docs.map((x) => x.text),
        docs.map((x) => JSON.stringify(x.parsed)),
        chunk.map((d) => searchKey([d.subject, d.issuerName, d.numberSymbol, d.docType].join(' '))),
      ],
    );
  }
  await pool.query(`select setval(pg_get_serial_sequence('directives', 'id'), (select max(id) from directives))`);

  const addressees = list.flatMap((d) => [
    ...d.recipientTexts.map((name) => ({ d: d.id, role: 'recipient', name, unitId: null as number | null })),
    ...d.recipients.map((id) => ({ d: d.id, role: 'recipient', name: names.get(id) ?? '', unitId: id as number | null })),
    ...d.distribution.map((e) => ({ d: d.id, role: 'distribution', name: e.name, unitId: e.unitId })),
  ]);
  // Positions count within each directive, as replaceAddressees numbers them.
  const positions = new Map<number, number>();
  const withPosition = addressees.map((a) => {
    const p = positions.get(a.d) ?? 0;
    positions.set(a.d, p + 1);
    return { ...a, position: p };
  });
  const big = 20_000;
  for (let offset = 0; offset < withPosition.length; offset += big) {
    const chunk = withPosition.slice(offset, offset + big);
    await pool.query(
      `insert into directive_addressees (directive_id, role, position, name, unit_id)
       select * from unnest($1::int[], $2::text[], $3::int[], $4::text[], $5::int[])`,
      [chunk.map((a) => a.d), chunk.map((a) => a.role), chunk.map((a) => a.position), chunk.map((a) => a.name), chunk.map((a) => a.unitId)],
    );
  }

  const references = list.flatMap((d) => d.references.map((r, position) => ({ d: d.id, position, r })));
  for (let offset = 0; offset < references.length; offset += big) {
    const chunk = references.slice(offset, offset + big);
    await pool.query(
      `insert into directive_references (directive_id, position, relation, doc_type, number_symbol, symbol_key, issuer_name, ref_year, ref_month, ref_day, target_id)
       select * from unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::smallint[], $9::smallint[], $10::smallint[], $11::int[])`,
      [
        chunk.map((x) => x.d),
        chunk.map((x) => x.position),
        chunk.map((x) => x.r.relation),
        chunk.map((x) => x.r.docType),
        chunk.map((x) => x.r.numberSymbol),
        chunk.map((x) => symbolKey(x.r.numberSymbol)),
        chunk.map((x) => x.r.issuerName),
        chunk.map((x) => x.r.date.year),
        chunk.map((x) => x.r.date.month),
        chunk.map((x) => x.r.date.day),
        chunk.map((x) => x.r.target?.id ?? null),
      ],
    );
  }

  const acks = list.flatMap((d) => d.acknowledgedBy.map((unitId) => ({ d: d.id, unitId, hours: 1 + Math.floor(random() * 24 * 20) })));
  for (let offset = 0; offset < acks.length; offset += big) {
    const chunk = acks.slice(offset, offset + big);
    await pool.query(
      `insert into directive_acknowledgements (directive_id, unit_id, at)
       select a.d, a.u, make_date(x.issued_year, x.issued_month, x.issued_day)::timestamptz + a.h * interval '1 hour'
       from unnest($1::int[], $2::int[], $3::int[]) as a(d, u, h) join directives x on x.id = a.d`,
      [chunk.map((a) => a.d), chunk.map((a) => a.unitId), chunk.map((a) => a.hours)],
    );
  }
  await pool.query('analyze');
  const counts = await pool.query<Record<string, number>>(`select
      (select count(*)::int from directives) as directives,
      (select count(*)::int from directive_addressees) as addressees,
      (select count(*)::int from directive_references) as "references",
      (select count(*)::int from directive_references where relation = 'implements') as implements,
      (select count(*)::int from directive_references where target_id is null) as unresolved,
      (select count(*)::int from directive_acknowledgements) as acknowledgements,
      (select pg_size_pretty(pg_total_relation_size('directives'))) as directives_size,
      (select round(avg(pg_column_size(d.*)))::int from directives d) as avg_row_bytes`);
  return counts.rows[0] ?? {};
}

// ---------------------------------------------------------------------------------------------
// Measurement

interface Expected {
  /** The node whose summary is checked (the top of the tree). */
  topId: number;
  addressed: number;
  implemented: number;
  acknowledged: number;
  none: number;
  nodes: number;
  currentId: number;
}

interface Case {
  name: string;
  actor: Actor;
  directiveId: number;
  targeted: boolean;
  expected: Expected;
}

interface CaseResult {
  c: Case;
  cascade: number[];
  stringify: number[];
  serializer: number[];
  total: number[];
  nodes: number;
  statuses: number;
  jsonBytes: number;
  errors: string[];
}

function walk(nodes: CascadeNode[], visit: (n: CascadeNode) => void): void {
  for (const n of nodes) {
    visit(n);
    walk(n.children, visit);
  }
}

function check(c: Case, roots: CascadeNode[]): string[] {
  const errors: string[] = [];
  const e = c.expected;
  if (roots.length !== 1) errors.push(`expected 1 root, got ${roots.length}`);
  const top = roots[0];
  if (!top || top.directiveId !== e.topId) errors.push(`top node is directive ${top?.directiveId ?? 'none'}, expected ${e.topId}`);
  else {
    const s = top.summary;
    for (const key of ['addressed', 'implemented', 'acknowledged', 'none'] as const) {
      if (s[key] !== e[key]) errors.push(`top summary.${key} = ${s[key]}, expected ${e[key]}`);
    }
    if (s.addressed !== top.units.length) errors.push(`top summary.addressed ${s.addressed} ≠ ${top.units.length} unit statuses`);
  }
  let nodes = 0;
  let current = 0;
  walk(roots, (n) => {
    nodes++;
    if (n.isCurrent) current = n.directiveId ?? -1;
  });
  if (nodes !== e.nodes) errors.push(`${nodes} nodes, expected ${e.nodes}`);
  if (current !== e.currentId) errors.push(`current node is ${current}, expected ${e.currentId}`);
  return errors;
}

async function runCase(db: Database['db'], c: Case): Promise<CaseResult> {
  const serialize = serializerCompiler({ schema: cascadeSchema, method: 'GET', url: '/api/directives/:id/cascade', httpStatus: '200' });
  const r: CaseResult = { c, cascade: [], stringify: [], serializer: [], total: [], nodes: 0, statuses: 0, jsonBytes: 0, errors: [] };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const t0 = performance.now();
    const result = await getCascade(db, { actor: c.actor, directiveId: c.directiveId });
    const t1 = performance.now();
    const json = JSON.stringify(result);
    const t2 = performance.now();
    const body = serialize(result);
    const t3 = performance.now();
    if (i === 0) {
      r.errors = check(c, result.roots);
      walk(result.roots, (n) => {
        r.nodes++;
        r.statuses += n.units.length;
      });
      r.jsonBytes = Buffer.byteLength(json);
      if (body.length !== json.length) r.errors.push(`route serialiser output (${body.length} chars) differs from JSON.stringify (${json.length})`);
    }
    if (i < WARMUP) continue;
    r.cascade.push(t1 - t0);
    r.stringify.push(t2 - t1);
    r.serializer.push(t3 - t2);
    r.total.push(t1 - t0 + (t3 - t2));
  }
  return r;
}

function stats(timings: number[]) {
  const sorted = [...timings].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? NaN };
}

function table(results: CaseResult[]): string {
  const lines = [
    '| Case | Step | Runs | p50 ms | p95 ms | max ms | Nodes | Unit statuses |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const steps: [string, number[]][] = [
      ['`getCascade`', r.cascade],
      [`\`JSON.stringify\` (${(r.jsonBytes / 1024).toFixed(0)} KiB)`, r.stringify],
      ['route serialiser (zod parse + stringify)', r.serializer],
      [`**getCascade + route serialiser**${r.c.targeted ? ` (target p95 < ${TARGET_MS} ms)` : ''}`, r.total],
    ];
    for (const [step, timings] of steps) {
      const s = stats(timings);
      lines.push(`| ${r.c.name} | ${step} | ${timings.length} | ${formatMs(s.p50)} | ${formatMs(s.p95)} | ${formatMs(s.max)} | ${r.nodes} | ${r.statuses} |`);
    }
  }
  return lines.join('\n');
}

/** Which repository function sent a statement (getCascade's queries, recognised by their SQL). */
function queryName(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.startsWith('with addressed as')) return '`selectUnitStatuses`';
  if (t.startsWith('select r.target_id as parent_id')) return '`selectImplementing`';
  if (/^select .* from "directive_references" where/.test(t)) return '`selectImplementsRefs`';
  if (/^select "id" from "directives" where \("directives"\."id" = \$1/.test(t)) return '`isDirectiveVisible`';
  if (/^select "id" from "directives" where \("directives"\."id" in/.test(t)) return '`selectVisibleIds`';
  if (/^select "id", "owner_unit_id".* from "directives" where "directives"\."id" in/.test(t)) return '`selectDirectivesByIds` (whole rows)';
  return t.slice(0, 40);
}

/**
 * Where the time of one getCascade call goes: each statement it sends, timed at the driver (network,
 * server and pg's row parsing, including JSON.parse of jsonb columns), and the rest (drizzle's row
 * mapping and building the tree) as the difference. Median over `runs` calls.
 */
async function profile(pool: pg.Pool, actor: Actor, directiveId: number, runs: number): Promise<string[]> {
  let current: { name: string; ms: number; rows: number }[] = [];
  const timed = Object.create(pool) as pg.Pool;
  const query = pool.query.bind(pool) as (config: { text: string } | string, values?: unknown[]) => Promise<pg.QueryResult>;
  (timed as unknown as { query: typeof query }).query = async (config, values) => {
    const start = performance.now();
    const result = await query(config, values);
    current.push({ name: queryName(typeof config === 'string' ? config : config.text), ms: performance.now() - start, rows: result.rowCount ?? 0 });
    return result;
  };
  const db = drizzle(timed, { schema });
  const calls: { total: number; queries: typeof current }[] = [];
  for (let i = 0; i < runs + 2; i++) {
    current = [];
    const start = performance.now();
    await getCascade(db, { actor, directiveId });
    const total = performance.now() - start;
    if (i >= 2) calls.push({ total, queries: current });
  }
  const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
  const first = calls[0]?.queries ?? [];
  const lines = ['| Step | Rows | p50 ms |', '|---|---:|---:|'];
  first.forEach((q, k) => lines.push(`| ${q.name} | ${q.rows} | ${formatMs(median(calls.map((c) => c.queries[k]?.ms ?? NaN)))} |`));
  lines.push(`| rest: drizzle row mapping + building the tree in JS | | ${formatMs(median(calls.map((c) => c.total - c.queries.reduce((n, q) => n + q.ms, 0))))} |`);
  lines.push(`| **getCascade total** | | **${formatMs(median(calls.map((c) => c.total)))}** |`);
  return lines;
}

/** The same rows getCascade needs, with only the columns it reads (a proposal, timed for comparison). */
async function narrowSelect(pool: pg.Pool, ids: number[], runs: number): Promise<number> {
  const timings: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const start = performance.now();
    await pool.query(
      `select id, doc_type, number_symbol, issuer_name, issued_year, issued_month, issued_day, subject from directives where id = any($1::int[])`,
      [ids],
    );
    if (i >= 2) timings.push(performance.now() - start);
  }
  return percentile(timings.sort((a, b) => a - b), 50);
}

/** EXPLAIN output with long id arrays shortened. */
function shortPlan(plan: string): string {
  return plan.replace(/'\{([^}']{60,})\}'/g, (_, list: string) => `'{${list.slice(0, 30)}… ${list.split(',').length} values}'`);
}

async function main(): Promise<number> {
  log(`# Directive cascade benchmark: ${NATIONAL_SYMBOL} to ${COMMUNES.toLocaleString('en')} communes`);
  log('');
  logMachine(log);

  let bench: BenchDatabase | null = null;
  try {
    bench = await openBenchDatabase(log);
    const { database } = bench;
    const { pool, db } = database;

    const buildStart = performance.now();
    const tree = generateTree({ total: TOTAL_UNITS, communes: COMMUNES });
    await insertUnits(pool, tree.units);
    const unitsBuilt = performance.now();
    const register = buildRegister(tree);
    const counts = await insertRegister(pool, tree, register);
    const built = performance.now();
    const communeCount = register.communesByProvince.reduce((n, l) => n + l.length, 0);
    log(`Tree: ${tree.units.length} units (${communeCount} communes, ${tree.provinceIds.length} provinces); inserted in ${((unitsBuilt - buildStart) / 1000).toFixed(1)} s`);
    log(
      `Register: ${counts.directives} directives (${counts.directives_size}, average row ${counts.avg_row_bytes} bytes), ${counts.addressees} addressees, ` +
        `${counts.references} references (${counts.implements} 'implements', ${counts.unresolved} unresolved), ${counts.acknowledgements} acknowledgements; ` +
        `built and analyzed in ${((built - unitsBuilt) / 1000).toFixed(1)} s`,
    );
    if (communeCount !== COMMUNES) throw new Error(`expected ${COMMUNES} communes, found ${communeCount}`);

    const { national, provincial, communal, directNational, viaProvince, nationalAcks, communesByProvince } = register;
    log(
      `Cascade of ${NATIONAL_SYMBOL} (directive ${national.id}): ${provincial.length} provincial plans, ${communal.length} communal plans ` +
        `(${directNational.size} implement it directly, ${viaProvince.size} implement their province's plan); ${nationalAcks.size} communes acknowledged it`,
    );

    // The largest province: the heaviest province admin.
    const sizes = communesByProvince.map((l) => l.length);
    const pi = sizes.indexOf(Math.max(...sizes));
    const provinceCommunes = new Set((communesByProvince[pi] ?? []).map((c) => c.id));
    const plan = provincial[pi] as DirectiveSeed;
    const summaryOf = (addressed: Set<number>, implemented: Set<number>, acks: Set<number>) => {
      const impl = [...addressed].filter((u) => implemented.has(u)).length;
      const ack = [...addressed].filter((u) => !implemented.has(u) && acks.has(u)).length;
      return { addressed: addressed.size, implemented: impl, acknowledged: ack, none: addressed.size - impl - ack };
    };
    const allCommunes = new Set(communesByProvince.flat().map((c) => c.id));
    const nationalSummary = summaryOf(allCommunes, directNational, nationalAcks);
    const provinceNationalSummary = summaryOf(provinceCommunes, directNational, nationalAcks);
    const planImplementers = new Set(communal.filter((d) => d.references[0]?.target === plan).map((d) => d.issuerUnitId as number));
    const provinceNodes = 2 + communal.filter((d) => provinceCommunes.has(d.issuerUnitId as number)).length;
    const allNodes = 1 + provincial.length + communal.length;
    log(
      `Expected at the top for a system admin: ${JSON.stringify(nationalSummary)}; province admin of ${tree.provinceNames[pi] ?? '?'} ` +
        `(${provinceCommunes.size} communes, plan ${plan.numberSymbol} = directive ${plan.id}): ${JSON.stringify(provinceNationalSummary)}`,
    );
    if (nationalSummary.implemented !== directNational.size || nationalSummary.addressed !== COMMUNES) throw new Error('inconsistent generated register');

    const admin = provinceAdmin(tree.provinceIds[pi] as number);
    const cases: Case[] = [
      {
        name: `System admin, national ${NATIONAL_SYMBOL}`,
        actor: systemAdmin,
        directiveId: national.id,
        targeted: true,
        expected: { topId: national.id, ...nationalSummary, nodes: allNodes, currentId: national.id },
      },
      {
        name: `Province admin (${tree.provinceNames[pi] ?? '?'}), national ${NATIONAL_SYMBOL}`,
        actor: admin,
        directiveId: national.id,
        targeted: true,
        expected: { topId: national.id, ...provinceNationalSummary, nodes: provinceNodes, currentId: national.id },
      },
      {
        name: `Province admin (${tree.provinceNames[pi] ?? '?'}), provincial ${plan.numberSymbol}`,
        actor: admin,
        directiveId: plan.id,
        targeted: false,
        expected: { topId: national.id, ...provinceNationalSummary, nodes: provinceNodes, currentId: plan.id },
      },
      {
        name: `System admin, provincial ${plan.numberSymbol}`,
        actor: systemAdmin,
        directiveId: plan.id,
        targeted: false,
        expected: { topId: national.id, ...nationalSummary, nodes: allNodes, currentId: plan.id },
      },
    ];

    const results: CaseResult[] = [];
    for (const c of cases) results.push(await runCase(db, c));
    // The provincial plan's own summary (second level), checked once.
    const planErrors: string[] = [];
    {
      const result = await getCascade(db, { actor: admin, directiveId: plan.id });
      let node: CascadeNode | null = null;
      walk(result.roots, (n) => {
        if (n.directiveId === plan.id) node = n;
      });
      const expected = summaryOf(provinceCommunes, planImplementers, new Set(plan.acknowledgedBy));
      const found = (node as CascadeNode | null)?.summary;
      if (JSON.stringify(found) !== JSON.stringify(expected)) planErrors.push(`provincial plan summary ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`);
    }

    log('');
    log(`Warm-up ${WARMUP} runs, then ${RUNS} measured runs per case (one call at a time, pool of 4 connections).`);
    log('');
    log(table(results));
    log('');
    const allIds = [national, ...provincial, ...communal].map((d) => d.id);
    log(`Where the time goes in one getCascade call, ${PROFILE_RUNS} calls per case (statements timed at the driver):`);
    log('');
    log(`System admin, national ${NATIONAL_SYMBOL}:`);
    log('');
    for (const line of await profile(pool, systemAdmin, national.id, PROFILE_RUNS)) log(line);
    log('');
    log(`Province admin (${tree.provinceNames[pi] ?? '?'}), national ${NATIONAL_SYMBOL}:`);
    log('');
    for (const line of await profile(pool, admin, national.id, PROFILE_RUNS)) log(line);
    log('');
    log(
      `For comparison (not application code): the same ${allIds.length} directives with only the columns the cascade reads ` +
        `(id, doc_type, number_symbol, issuer_name, issued_*, subject): p50 ${formatMs(await narrowSelect(pool, allIds, PROFILE_RUNS))} ms.`,
    );

    const visibleToAdmin = [...(await selectVisibleIds(db, admin, allIds))];
    log('');
    log(`EXPLAIN (ANALYZE, BUFFERS) of selectUnitStatuses for a system admin (${allIds.length} directives of the cascade):`);
    log('');
    log(shortPlan(await explain(pool, (d) => selectUnitStatuses(d, systemAdmin, allIds))));
    log('');
    log(`EXPLAIN (ANALYZE, BUFFERS) of selectUnitStatuses for the province admin (${visibleToAdmin.length} visible directives):`);
    log('');
    log(shortPlan(await explain(pool, (d) => selectUnitStatuses(d, admin, visibleToAdmin))));
    const level1 = [...provincial.map((p) => p.id), ...communal.filter((d) => d.references[0]?.target === national).map((d) => d.id)];
    log('');
    log(`EXPLAIN (ANALYZE, BUFFERS) of selectImplementing for the second level (${level1.length} directives):`);
    log('');
    log(shortPlan(await explain(pool, (d) => selectImplementing(d, level1, []))));

    log('');
    log(`EXPLAIN (ANALYZE, BUFFERS) of isDirectiveVisible (one directive) for a system admin:`);
    log('');
    log(shortPlan(await explain(pool, (d) => isDirectiveVisible(d, systemAdmin, national.id))));
    log('');
    log(`Load average at end (1/5/15 min): ${loadAverage()}`);
    log('');
    let failed = false;
    for (const r of results) {
      if (r.errors.length > 0) {
        failed = true;
        for (const e of r.errors) log(`WRONG RESULT (${r.c.name}): ${e}`);
      }
    }
    for (const e of planErrors) {
      failed = true;
      log(`WRONG RESULT (provincial plan): ${e}`);
    }
    if (!failed) log('Summaries checked: top node (addressed / implemented / acknowledged / none), node counts, current node, provincial plan summary.');
    for (const r of results.filter((x) => x.c.targeted)) {
      const total = stats(r.total).p95;
      const cascade = stats(r.cascade).p95;
      if (!(total < TARGET_MS)) {
        failed = true;
        log(
          `TARGET FAILED (${r.c.name}): getCascade + serialisation p95 ${formatMs(total)} ms ≥ ${TARGET_MS} ms ` +
            `(getCascade alone p95 ${formatMs(cascade)} ms, route serialiser p95 ${formatMs(stats(r.serializer).p95)} ms)`,
        );
      } else {
        log(`Target met (${r.c.name}): getCascade + serialisation p95 ${formatMs(total)} ms < ${TARGET_MS} ms`);
      }
    }
    return failed ? 1 : 0;
  } finally {
    await bench?.close();
  }
}

runBenchmark(main, log);
