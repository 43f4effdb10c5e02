/**
 * What the directive parser reads from a document. Every extracted field carries the character
 * span of the normalised text it came from (`text` of ParsedDirective), so the review form can
 * highlight it. Spans are [start, end) offsets into `ParsedDirective.text`.
 */
export type Span = [start: number, end: number];

export type Convention = 'party' | 'state';

/** Canonical document types (Vietnamese names as written in titles). */
export type DocType =
  | 'Công văn'
  | 'Kế hoạch'
  | 'Hướng dẫn'
  | 'Chỉ thị'
  | 'Nghị quyết'
  | 'Kết luận'
  | 'Quyết định'
  | 'Quy định'
  | 'Quy chế'
  | 'Thông báo'
  | 'Thông tri'
  | 'Báo cáo'
  | 'Tờ trình'
  | 'Chương trình'
  | 'Đề án'
  | 'Phương án'
  | 'Nghị định'
  | 'Thông tư'
  | 'Thông tư liên tịch'
  | 'Công điện'
  | 'Luật';

export interface PartialDate {
  year: number | null;
  month: number | null;
  day: number | null;
}

export interface Spanned<T> {
  value: T;
  span: Span;
}

export interface Signer {
  /** 'T/M' | 'K/T' | 'T/L' | 'TUQ.' | 'Q.' | 'TM.' | 'KT.' | 'TL.' (as written, canonical spacing) or null */
  authority: string | null;
  /** The body signed for, e.g. "BAN THƯỜNG VỤ" */
  body: string | null;
  /** e.g. "PHÓ BÍ THƯ" */
  title: string | null;
  /** e.g. "Tổng Thanh Hải" */
  name: string | null;
}

export type ReferenceRelation = 'implements' | 'basis' | 'cites';

export interface Reference {
  docType: DocType | null;
  /** Canonical number/symbol, e.g. "167-CV/BTGDVTU", "805/KH-SVHTTDL", "30/2020/NĐ-CP"; null when not given */
  numberSymbol: string | null;
  date: PartialDate | null;
  issuer: string | null;
  relation: ReferenceRelation;
  span: Span;
}

export type DeadlineRule =
  | { kind: 'date'; date: PartialDate; time: string | null }
  | { kind: 'weekly'; weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7; time: string | null } // ISO weekday: 1 = Monday … 7 = Sunday
  | { kind: 'periodic'; period: 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half_year' | 'yearly'; time: string | null }
  | { kind: 'other' };

export interface Deadline {
  text: string;
  rule: DeadlineRule;
  span: Span;
}

export interface Section {
  /** The numbering as written: "I.", "1.", "a)", "1-", "-", "+", "(1)" or "" for an unnumbered paragraph */
  marker: string;
  /** The heading or paragraph text after the marker */
  text: string;
  span: Span;
  children: Section[];
}

export interface Footnote {
  marker: string;
  text: string;
  span: Span;
}

export interface ParsedDirective {
  /** The normalised text all spans refer to (NFC, markdown removed, broken lines rejoined). */
  text: string;
  docType: Spanned<DocType> | null;
  convention: Convention | null;
  /** Canonical number and symbol; a blank number keeps the symbol: "-CV/ĐU" */
  numberSymbol: Spanned<string> | null;
  number: string | null;
  issuer: Spanned<string> | null;
  place: Spanned<string> | null;
  date: Spanned<PartialDate> | null;
  subject: Spanned<string> | null;
  recipients: Spanned<string>[];
  distribution: Spanned<string>[];
  signer: Spanned<Signer> | null;
  references: Reference[];
  deadlines: Deadline[];
  sections: Section[];
  footnotes: Footnote[];
  /** Problems worth showing the reviewer, in Vietnamese (e.g. "Không đọc được ngày ban hành"). */
  warnings: string[];
}
