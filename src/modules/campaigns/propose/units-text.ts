/**
 * Unit names as a plan writes them: where a unit phrase begins and ends ("Đề nghị UBND các xã,
 * phường", "Phòng Văn hóa và Thông tin chủ trì, phối hợp …"), how a list of units splits
 * ("Báo và Phát thanh, Truyền hình Lai Châu, Cổng thông tin điện tử tỉnh" is two units, "Sở Văn hóa,
 * Thể thao và Du lịch" one), and which names are group addressees. Pure.
 */
import type { UnitKind } from '../../../platform/db/schema/org.js';
import { unitKinds } from '../../../platform/db/schema/org.js';
import { searchKey } from '../../../platform/vn/index.js';
import type { AddresseeGroup } from './types.js';

/** Words a unit's name starts with (capitalised, as names are written). */
const HEAD =
  '(?:UBND|HĐND|MTTQ|Ủy ban|Uỷ ban|Sở|Ban|Phòng|Cổng|Báo|Đài|Hội|Trung tâm|Văn phòng|Công an|Bộ Chỉ huy|Bộ|Đoàn|Tỉnh đoàn|Thành đoàn|Mặt trận|Liên đoàn|Liên hiệp|Tạp chí|Thành ủy|Thành uỷ|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|Đảng ủy|Đảng uỷ|Đảng đoàn|Ban cán sự|Chi bộ|Cấp ủy|Cấp uỷ|Trường|Viện|Cục|Chi cục|Bệnh viện|Thư viện|Bảo tàng|Tuyên huấn|Hội đồng|Công ty|Thanh tra|Cơ quan|Công chức|Thủ trưởng|Trưởng|Chủ tịch|Giám đốc|Bí thư)';
/** What a group addressee names after "các" ("các sở, ngành", "các chi, đảng bộ cơ sở"). */
const GROUP_NOUN =
  '(?:cơ quan|đơn vị|sở|ngành|phòng|ban|xã|phường|thị trấn|huyện|địa phương|chi bộ|chi,\\s*đảng bộ|đảng bộ|đảng ủy|đảng uỷ|cấp ủy|cấp uỷ|tổ chức|hội|đoàn thể|trường|doanh nghiệp|cơ sở|thôn|bản|tổ dân phố|Cấp ủy|Cấp uỷ|Chi bộ|báo|đài|tỉnh|thành phố)';
/** A head that is not a unit: "Hội nghị", "Báo cáo", "Phòng, chống", "Ban hành", "Bộ Chính trị" stays a unit. */
const NOT_UNIT = /^(?:Hội (?:nghị|thi|diễn|chợ|thảo|báo|đồng hương)|Báo cáo|Báo chí(?! \p{Lu})|Phòng,? chống|Ban hành|Đoàn kết|Bộ (?:đội|phận|máy|luật|tiêu chí)|Trường hợp|Cơ quan chức năng(?= \p{Ll}))(?![\p{L}])/u;

const UNIT_START_RE = new RegExp(`^(?:(?:Đề nghị|Giao|Yêu cầu)\\s+)?(?:(?:[Cc]ác|[Tt]oàn thể)\\s+(?:[\\p{L}]+\\s+){0,2}?${GROUP_NOUN}(?![\\p{L}])|${HEAD}(?![\\p{L}]))`, 'u');

/** Lower-case verbs that end a unit phrase: what the unit is asked to do. */
const VERBS = [
  'chủ trì', 'phối hợp', 'chỉ đạo', 'tổ chức', 'xây dựng', 'tăng cường', 'thực hiện', 'triển khai', 'căn cứ', 'có trách nhiệm',
  'tham mưu', 'hướng dẫn', 'theo dõi', 'đẩy mạnh', 'bám sát', 'phát huy', 'mở', 'chủ động', 'tiếp tục', 'quán triệt', 'tuyên truyền',
  'đăng tải', 'biên tập', 'dành', 'bố trí', 'rà soát', 'nắm', 'phân công', 'quan tâm', 'lựa chọn', 'cử', 'báo cáo', 'cung cấp', 'kịp thời',
  'tập trung', 'đôn đốc', 'kiểm tra', 'phản ánh', 'sản xuất', 'treo', 'vận động', 'lãnh đạo', 'trang trí', 'phát hành', 'hưởng ứng',
  'giới thiệu', 'cập nhật', 'duy trì', 'làm tốt', 'đảm bảo', 'bảo đảm', 'định hướng', 'ban hành', 'vừa',
  'đề nghị', 'yêu cầu', 'giao', 'được giao', 'tổng hợp', 'tiếp nhận', 'đề xuất', 'tham gia', 'hỗ trợ', 'bổ sung', 'chuẩn bị', 'phổ biến', 'biên soạn', 'phát sóng', 'ưu tiên', 'gửi', 'thực hiện tốt', 'trân trọng', 'sáng tác', 'biểu diễn', 'chịu trách nhiệm', 'khẩn trương',
];
/** A verb, not the noun after "các" ("các tổ chức chính trị - xã hội"). */
const VERB_RE = new RegExp(`(?<![Cc]ác)\\s(?:${VERBS.join('|')})(?![\\p{L}])`, 'u');

const NEXT_STOP_RE = new RegExp(`\\.(?:\\s|$)|;(?!\\s*(?:(?:[Cc]ác|[Tt]oàn thể)\\s+(?:[\\p{L}]+\\s+){0,2}?${GROUP_NOUN}|${HEAD})(?![\\p{L}]))`, 'u');

export interface UnitPhrase {
  /** The units as written, in order. */
  units: string[];
  /** Where the phrase ends in the text (after any "Đề nghị"). */
  start: number;
  end: number;
}

/**
 * The unit phrase a text starts with, or null: a unit's name (or a group) possibly after "Đề nghị",
 * up to a colon, a verb or (for a short heading) the end.
 */
export function leadingUnits(text: string): UnitPhrase | null {
  const m = UNIT_START_RE.exec(text);
  if (!m) return null;
  const lead = /^(?:Đề nghị|Giao|Yêu cầu)\s+/u.exec(text)?.[0].length ?? 0;
  const rest = text.slice(lead);
  if (NOT_UNIT.test(rest)) return null;
  const stops: number[] = [];
  const colon = rest.search(/[:(]/u);
  if (colon >= 0) stops.push(colon);
  const verb = VERB_RE.exec(rest);
  if (verb) stops.push(verb.index);
  // A ';' ends the phrase unless another unit follows it ("Ban Tuyên giáo các huyện; Tuyên huấn các Đảng ủy …").
  const sentence = rest.search(NEXT_STOP_RE);
  if (sentence >= 0) stops.push(sentence);
  let end = stops.length ? Math.min(...stops) : rest.length;
  if (!stops.length && rest.length > 160) return null;
  while (end > 0 && /[\s,]/u.test(rest[end - 1] ?? '')) end--;
  const phrase = rest.slice(0, end);
  if (!phrase || phrase.split(/\s+/).length > 60) return null;
  const units = splitUnits(phrase);
  return units.length ? { units, start: lead, end: lead + end } : null;
}

const SPLIT_RE = new RegExp(`\\s*;\\s*|(?:,\\s*|(?<!Văn phòng\\s+\\p{Lu}{2,8})\\s+và\\s+|,\\s*và\\s+)(?=(?:[Cc]ác\\s+(?:[\\p{L}]+\\s+){0,2}?${GROUP_NOUN}|${HEAD})(?![\\p{L}])(?!\\s+của))`, 'gu');

/** "A, B và các C" → [A, B, các C], without cutting names that hold a comma ("Sở Văn hóa, Thể thao và Du lịch"). */
export function splitUnits(phrase: string): string[] {
  const pieces = phrase
    .split(SPLIT_RE)
    .map((u) => u.replace(/^(?:[Vv]ới|và)\s+/u, '').replace(/[\s,;.:]+$/u, '').trim())
    .filter((u) => /\p{L}{2}/u.test(u));
  // "các Cấp ủy, Chi bộ" is one group: a bare kind of unit after a group stays with it.
  const out: string[] = [];
  for (const piece of pieces) {
    const prev = out.at(-1);
    const bare = piece.split(/\s+/).length <= 3 && !/\p{Lu}/u.test(piece.slice(1));
    if (prev && /^[Cc]ác\s/u.test(prev) && prev.split(/\s+/).length <= 4 && bare) out[out.length - 1] = `${prev}, ${piece}`;
    else out.push(piece);
  }
  return out;
}

/** "… phối hợp (với) A và B, tham mưu …" → [A, B]. */
export function coordinatingUnits(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![\p{L}])[Pp]hối hợp(?:\s+chặt chẽ)?\s+(?:với\s+)?/gu)) {
    const after = text.slice(m.index + m[0].length);
    const phrase = leadingUnits(after);
    if (phrase) out.push(...phrase.units.filter((u) => !out.includes(u)));
  }
  return out;
}

const ALL_KINDS: UnitKind[] = [...unitKinds];

/** A group addressee and the kinds of units it names in the issuer's subtree; null for one named unit. */
export function addresseeGroup(text: string): AddresseeGroup | null {
  const key = searchKey(text);
  if (!/(?:^|\s)(?:cac|toan the)\s/.test(` ${key}`)) return null;
  const group = (unitKinds: UnitKind[], nameIncludes?: string[]): AddresseeGroup => (nameIncludes ? { text, unitKinds, nameIncludes } : { text, unitKinds });
  if (/\bcac (?:\S+ )?(?:xa|phuong|thi tran)\b/.test(key)) {
    const names = [/\bxa\b/.test(key) ? 'Xã' : null, /\bphuong\b/.test(key) ? 'Phường' : null, /\bthi tran\b/.test(key) ? 'Thị trấn' : null].filter((n): n is string => n !== null);
    return names.includes('Xã') && names.includes('Phường') ? group(['commune']) : group(['commune'], names);
  }
  if (/\b(?:chi bo|dang bo|cap uy|to chuc dang|dang uy)\b/.test(key)) return group(['party_committee', 'party_cell']);
  if (/\bcac (?:so|ban nganh|nganh)\b/.test(key)) return group(['department']);
  if (/\b(?:bao chi|bao dai|co quan bao)\b/.test(key)) return group(['press']);
  if (/\b(?:to chuc chinh tri|doan the)\b/.test(key)) return group(['mass_org']);
  if (/\bcac phong\b/.test(key) && !/\bdon vi\b/.test(key)) return group(['department', 'other'], ['Phòng']);
  if (/\bcac (?:co quan|don vi|phong|dia phuong)\b/.test(key)) return group(ALL_KINDS);
  if (/\bcac huyen\b/.test(key)) return group(['people_committee', 'party_committee']);
  return null;
}
