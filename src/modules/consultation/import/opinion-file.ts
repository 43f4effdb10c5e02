/**
 * Opinion files in the interchange format (README "Interchange format"): row-by-row validation of
 * the records `opinion-file-read.ts` reads, with the physical line number and a Vietnamese reason.
 * Pure: no database; the caller loads the unit and document maps once.
 *
 * Decisions: `opinion_text` may be empty only with stance `agree` (a bare "Tán thành"); `disagree`
 * needs its reason, `partial` its text and `none` is nothing but its text. `section_ref` is optional.
 * `submitted_at` follows the staff form's rule (`enteredInstantProblem`): from the consultation's
 * opening, before its closing, not in the future. Rows of one `submission_id` must agree on
 * `submitted_at` (the same instant), `unit_code`, `channel`, `contributor_group` and the contact
 * details (a row may leave all three contact cells empty; rows that give them give the same); the
 * first row sets the reference and every disagreeing row is reported. A row holding a NUL or a lone
 * surrogate in a stored column is rejected (safe-text.ts). An XLSX date cell for `submitted_at`
 * (no zone) is read as Vietnam time (UTC+7); text cells must carry their offset.
 */
import { channels, contributorGroups, stances, type Channel, type ContributorGroup, type Stance } from '../tables.js';
import { fastDedupKey, fastNormalizeVi, hasUnsafeText, normalizeVi, toSafeText } from '../../../platform/vn/index.js';
import { enteredInstantProblem, type ConsultationWindow } from '../intake/instant.js';
import { OpinionFileError, type RawRecord } from './opinion-file-read.js';
import { invariant } from '../../../platform/errors.js';

export const requiredOpinionColumns = ['submission_id', 'submitted_at', 'unit_code', 'channel', 'contributor_group', 'document_code', 'section_ref', 'stance', 'opinion_text'] as const;
export const optionalOpinionColumns = ['contributor_name', 'contributor_phone', 'contributor_id_number'] as const;
type Column = (typeof requiredOpinionColumns)[number] | (typeof optionalOpinionColumns)[number];
const knownColumns: readonly Column[] = [...requiredOpinionColumns, ...optionalOpinionColumns];

export const maxOpinionTextLength = 20_000;
const maxIdLength = 128;
const maxSectionRefLength = 64;

export interface OpinionRow {
  line: number;
  submissionId: string;
  submittedAt: Date;
  unitId: number;
  channel: Channel;
  contributorGroup: ContributorGroup;
  documentId: number;
  sectionRef: string | null;
  stance: Stance;
  /** NFC, look-alikes replaced, trimmed. */
  text: string;
  /** dedupKey of the text. */
  textKey: string;
  /** Contact details as given (the import seals them per submission into submission_contacts). */
  contact: { name: string; phone: string; idNumber: string } | null;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * An ISO 8601 instant with its offset (`2025-10-15T08:30:00+07:00`, `…:00.5Z`, `… 08:30+0700`), in
 * milliseconds since the epoch (fractions of a millisecond cut off), or null when it is not one.
 */
export function parseInstant(text: string): number | null {
  const m = ISO_RE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > days || hour > 23 || minute > 59 || second > 59) return null;
  const zone = m[8] ?? 'Z';
  let offset = 0;
  if (zone !== 'Z') {
    const zoneHours = Number(zone.slice(1, 3));
    const zoneMinutes = Number(zone.slice(-2));
    if (zoneHours > 14 || zoneMinutes > 59) return null;
    offset = (zone.startsWith('-') ? -1 : 1) * (zoneHours * 60 + zoneMinutes) * 60_000;
  }
  const fraction = m[7] === undefined ? 0 : Number(m[7].slice(1, 4).padEnd(3, '0'));
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  at.setUTCHours(hour, minute, second, fraction);
  return at.getTime() - offset;
}

function show(value: string): string {
  const chars = [...toSafeText(value)];
  return `"${chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : value}"`;
}

/**
 * A copy of a cell's text that does not keep the chunk of the file it was cut from alive (V8 cuts
 * strings of 13 characters or more as views of their parent; slicing a concatenation copies it
 * first). For what is kept per submission.
 */
function detached(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/** True for the characters `String.prototype.trim` removes (ECMAScript WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 5760 || (c >= 8192 && c <= 8202) || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288 || c === 65279;
}

/** `s.trim()`, without the call when there is nothing to trim (the usual case). */
function clean(s: string | undefined): string {
  if (s === undefined || s === '') return '';
  return isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(s.length - 1)) ? s.trim() : s;
}

/** True when an id holds a control character (Unicode Cc: U+0000–001F, U+007F–009F). */
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

/** Each allowed value (and its upper-case spelling) → the value, so rows keep no piece of the file. */
function canonical(values: readonly string[]): ReadonlyMap<string, string> {
  return new Map(values.flatMap((v) => [[v, v] as const, [v.toUpperCase(), v] as const]));
}
const channelValues = canonical(channels);
const groupValues = canonical(contributorGroups);
const stanceValues = canonical(stances);

/** The allowed value a cell holds (in any case), or null. */
function allowed(cell: string, values: ReadonlyMap<string, string>): string | null {
  return values.get(cell) ?? values.get(cell.toLowerCase()) ?? null;
}

/** What the validator knows of a submission_id of the file. */
export interface SubmissionInfo {
  /** The submission_id. */
  id: string;
  /** Line of its first row. */
  line: number;
  at: number | null;
  unitCode: string | null;
  /** Channel and contributor group of its first row that gave a valid one. */
  channelSeen: string | null;
  groupSeen: string | null;
  /** Its contact details (name, phone, id number joined by NUL) as first given, and on which line. */
  contactSeen: string | null;
  contactLine: number;
}

export interface OpinionMaps {
  /** unit code → id, of the units that may receive opinions of this consultation. */
  units: ReadonlyMap<string, number>;
  /** document code → id, of the consultation's documents. */
  documents: ReadonlyMap<string, number>;
  /** The consultation's window: a row's submitted_at follows the staff form's rule against it and `now`. */
  window: ConsultationWindow;
  /** The import's "now" (submitted_at may not lie after it). */
  now: Date;
}

type ColumnIndex = Record<Column, number>;

/** The columns whose text is stored as given (the others must match a code, a value or a date). */
const storedColumns: readonly Column[] = ['submission_id', 'section_ref', 'opinion_text', 'contributor_name', 'contributor_phone', 'contributor_id_number'];

/**
 * Validates the records of one file in order: first the header, then each row against the maps and
 * against the earlier rows of its submission.
 */
export class OpinionValidator<T extends SubmissionInfo = SubmissionInfo> {
  private index: ColumnIndex | null = null;
  /** Where the stored columns are in a record. */
  private stored: { column: Column; at: number }[] = [];
  private readonly submissions = new Map<string, T>();
  /** The last `submitted_at` text read and its instant (rows of a submission repeat it). */
  private lastAtText = '';
  private lastAt: Date | null = null;
  /** Why the last instant is refused by the staff form's rule, or null. */
  private lastAtProblem: string | null = null;
  private lastSubmission: T | null = null;

  /**
   * `create` makes the record kept for each submission_id met, from what the validator knows of it
   * (a caller keeps its own fields there too, one object per submission).
   */
  constructor(
    private readonly maps: OpinionMaps,
    private readonly create: (info: SubmissionInfo) => T = (info) => info as T,
  ) {}

  get hasHeader(): boolean {
    return this.index !== null;
  }

  /** Reads the header; throws OpinionFileError when a required column is missing or doubled. */
  header(record: RawRecord): void {
    const index = Object.fromEntries(knownColumns.map((c) => [c, -1])) as ColumnIndex;
    const problems: string[] = [];
    record.cells.forEach((cell, i) => {
      const key = normalizeVi(cell).trim().toLowerCase().replace(/[\s-]+/g, '_');
      const column = knownColumns.find((c) => c === key);
      if (!column) return;
      if (index[column] !== -1) problems.push(`Cột "${column}" xuất hiện nhiều lần trong dòng tiêu đề.`);
      else index[column] = i;
    });
    const missing = requiredOpinionColumns.filter((c) => index[c] === -1);
    if (missing.length > 0) problems.push(`Thiếu cột bắt buộc: ${missing.join(', ')}. Dòng tiêu đề phải có các cột ${requiredOpinionColumns.join(',')}.`);
    if (problems.length > 0) throw new OpinionFileError({ line: record.line, message: problems.join(' ') });
    this.index = index;
    this.stored = storedColumns.filter((c) => index[c] !== -1).map((column) => ({ column, at: index[column] }));
  }

  /**
   * A problem when a stored column holds a NUL or a lone surrogate, which PostgreSQL cannot store
   * (safe-text.ts); null for the usual row (one quick scan of each of these cells).
   */
  private unsafeText(cells: string[]): string | null {
    let bad: Column[] | null = null;
    for (const { column, at } of this.stored) {
      const cell = cells[at];
      if (cell !== undefined && cell !== '' && hasUnsafeText(cell)) (bad ??= []).push(column);
    }
    if (bad === null) return null;
    return `Có ký tự không hợp lệ (ký tự rỗng U+0000 hoặc ký tự Unicode bị hỏng) ở cột ${bad.join(', ')}; hãy xóa ký tự đó.`;
  }

  /** The trimmed text of one column of a record ('' when absent). */
  cell(record: RawRecord, column: Column): string {
    const i = this.index?.[column] ?? -1;
    return i === -1 ? '' : clean(record.cells[i]);
  }

  /** The instant of a `submitted_at` text (the last one is remembered), or null when it is not valid. */
  private instant(text: string): Date | null {
    if (text !== this.lastAtText) {
      const ms = parseInstant(text);
      this.lastAtText = text;
      this.lastAt = ms === null ? null : new Date(ms);
      this.lastAtProblem = this.lastAt === null ? null : enteredInstantProblem(this.maps.window, this.lastAt, this.maps.now);
    }
    return this.lastAt;
  }

  /**
   * Validates one data row: the row, or the reasons it is bad (joined into one sentence list); with
   * either, the submission it names (null when it names none).
   */
  row(record: RawRecord): { row: OpinionRow; problem: null; submission: T } | { row: null; problem: string; submission: T | null } {
    const index = this.index;
    invariant(index, 'header() first');
    const { cells, line } = record;
    const problems: string[] = [];
    const unsafe = this.unsafeText(cells);
    if (unsafe !== null) problems.push(unsafe);

    const submissionId = clean(cells[index.submission_id]);
    if (submissionId === '') problems.push('Thiếu mã lượt góp ý (cột submission_id).');
    else if (submissionId.length > maxIdLength || hasControl(submissionId)) problems.push(`Mã lượt góp ý ${show(submissionId)} (cột submission_id) dài quá ${maxIdLength} ký tự hoặc có ký tự điều khiển.`);

    const atText = clean(cells[index.submitted_at]);
    const submittedAt = atText === '' ? null : this.instant(atText);
    if (atText === '') problems.push('Thiếu thời điểm gửi (cột submitted_at).');
    else if (!submittedAt) problems.push(`Thời điểm gửi ${show(atText)} (cột submitted_at) không hợp lệ; cần dạng ISO 8601 có múi giờ, ví dụ 2025-10-15T08:30:00+07:00.`);
    else if (this.lastAtProblem !== null) problems.push(`Thời điểm gửi ${show(atText)} (cột submitted_at) không được nhận: ${this.lastAtProblem}`);

    const unitCode = clean(cells[index.unit_code]);
    const unitId = this.maps.units.get(unitCode);
    if (unitCode === '') problems.push('Thiếu mã đơn vị tiếp nhận (cột unit_code).');
    else if (unitId === undefined) problems.push(`Không tìm thấy đơn vị có mã ${show(unitCode)} (cột unit_code) tham gia đợt lấy ý kiến.`);

    const channelCell = clean(cells[index.channel]);
    const channel = allowed(channelCell, channelValues);
    if (channel === null) problems.push(`Kênh ${show(channelCell.toLowerCase())} (cột channel) không hợp lệ. Các giá trị được phép: ${channels.join(', ')}.`);
    const groupCell = clean(cells[index.contributor_group]);
    const group = allowed(groupCell, groupValues);
    if (group === null) problems.push(`Đối tượng ${show(groupCell.toLowerCase())} (cột contributor_group) không hợp lệ. Các giá trị được phép: ${contributorGroups.join(', ')}.`);

    const documentCode = clean(cells[index.document_code]);
    const documentId = this.maps.documents.get(documentCode);
    if (documentCode === '') problems.push('Thiếu mã dự thảo (cột document_code).');
    else if (documentId === undefined) problems.push(`Không có dự thảo mã ${show(documentCode)} (cột document_code) trong đợt lấy ý kiến này.`);

    const sectionRef = clean(cells[index.section_ref]);
    if (sectionRef.length > maxSectionRefLength) problems.push(`Mục ${show(sectionRef)} (cột section_ref) dài quá ${maxSectionRefLength} ký tự.`);

    const stanceCell = clean(cells[index.stance]);
    const stance = allowed(stanceCell, stanceValues);
    if (stance === null) problems.push(`Ý kiến ${show(stanceCell.toLowerCase())} (cột stance) không hợp lệ. Các giá trị được phép: ${stances.join(', ')}.`);
    const rawText = clean(cells[index.opinion_text]);
    const normal = fastNormalizeVi(rawText);
    const text = normal === rawText ? normal : normal.trim();
    if (text === '' && stance !== null && stance !== 'agree') {
      problems.push(stance === 'disagree' ? 'Ý kiến không tán thành cần nêu lý do (cột opinion_text trống).' : 'Thiếu nội dung ý kiến (cột opinion_text trống).');
    }
    if (text.length > maxOpinionTextLength) problems.push(`Nội dung ý kiến dài quá ${maxOpinionTextLength.toLocaleString('vi-VN')} ký tự (cột opinion_text).`);

    const name = clean(cells[index.contributor_name]);
    const phone = clean(cells[index.contributor_phone]);
    const idNumber = clean(cells[index.contributor_id_number]);
    const contact = name || phone || idNumber ? `${name}\u0000${phone}\u0000${idNumber}` : null;
    const submission = submissionId === '' ? null : this.checkSubmission(submissionId, line, { at: submittedAt, unitCode, channel, group, contact }, problems);

    if (problems.length > 0 || !submission || !submittedAt || unitId === undefined || documentId === undefined || channel === null || group === null || stance === null) return { row: null, problem: problems.join(' '), submission };
    return {
      row: {
        line,
        submissionId,
        submittedAt,
        unitId,
        channel: channel as Channel,
        contributorGroup: group as ContributorGroup,
        documentId,
        sectionRef: sectionRef === '' ? null : sectionRef,
        stance: stance as Stance,
        text,
        textKey: fastDedupKey(text),
        // Kept per submission by the import until sealed: copies, not views of the file's text.
        contact: name || phone || idNumber ? { name: detached(name), phone: detached(phone), idNumber: detached(idNumber) } : null,
      },
      problem: null,
      submission,
    };
  }

  /** What the validator knows of a submission_id met so far. */
  submission(id: string): T | undefined {
    return this.submissions.get(id);
  }

  private checkSubmission(id: string, line: number, given: RowOfSubmission, problems: string[]): T {
    const { at, unitCode, channel, group, contact } = given;
    // Rows of a submission usually follow each other: the last one met is checked first.
    const last = this.lastSubmission;
    const seen = last !== null && last.id === id ? last : this.submissions.get(id);
    if (seen) this.lastSubmission = seen;
    const time = at ? at.getTime() : null;
    if (!seen) {
      const info = this.create({
        id: detached(id),
        line,
        at: time,
        unitCode: unitCode === '' ? null : detached(unitCode),
        channelSeen: channel,
        groupSeen: group,
        contactSeen: contact === null ? null : detached(contact),
        contactLine: line,
      });
      this.submissions.set(info.id, info);
      this.lastSubmission = info;
      return info;
    }
    this.checkAgreement(seen, line, given, problems);
    if (seen.at === null) seen.at = time;
    else if (time !== null && time !== seen.at) {
      problems.push(`Các dòng của lượt góp ý ${show(id)} phải cùng thời điểm gửi: dòng này khác với dòng ${seen.line} (cột submitted_at).`);
    }
    if (seen.unitCode === null) seen.unitCode = unitCode === '' ? null : unitCode;
    else if (unitCode !== '' && unitCode !== seen.unitCode) {
      problems.push(`Các dòng của lượt góp ý ${show(id)} phải cùng đơn vị tiếp nhận: dòng này ghi ${show(unitCode)}, dòng ${seen.line} ghi ${show(seen.unitCode)} (cột unit_code).`);
    }
    return seen;
  }

  /** Rows of one submission agree on channel, contributor group and contact details (as the staff form takes them once). */
  private checkAgreement(seen: T, line: number, given: RowOfSubmission, problems: string[]): void {
    const { channel, group, contact } = given;
    const id = seen.id;
    if (seen.channelSeen === null) seen.channelSeen = channel;
    else if (channel !== null && channel !== seen.channelSeen) {
      problems.push(`Các dòng của lượt góp ý ${show(id)} phải cùng kênh: dòng này ghi ${show(channel)}, dòng ${seen.line} ghi ${show(seen.channelSeen)} (cột channel).`);
    }
    if (seen.groupSeen === null) seen.groupSeen = group;
    else if (group !== null && group !== seen.groupSeen) {
      problems.push(`Các dòng của lượt góp ý ${show(id)} phải cùng đối tượng góp ý: dòng này ghi ${show(group)}, dòng ${seen.line} ghi ${show(seen.groupSeen)} (cột contributor_group).`);
    }
    if (contact === null) return;
    if (seen.contactSeen === null) {
      seen.contactSeen = detached(contact);
      seen.contactLine = line;
    } else if (contact !== seen.contactSeen) {
      problems.push(
        `Các dòng của lượt góp ý ${show(id)} ghi thông tin liên hệ khác nhau: dòng này khác dòng ${seen.contactLine} (cột contributor_name, contributor_phone, contributor_id_number; các dòng sau có thể để trống).`,
      );
    }
  }
}

/** What a row says of its submission, checked against the submission's earlier rows. */
interface RowOfSubmission {
  at: Date | null;
  unitCode: string;
  channel: string | null;
  group: string | null;
  contact: string | null;
}

/** True when a record holds nothing but empty cells (such rows are skipped). */
export function isBlank(record: RawRecord): boolean {
  for (const c of record.cells) if (clean(c) !== '') return false;
  return true;
}
