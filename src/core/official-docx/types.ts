/**
 * Input of the official-layout renderer. The heading is neutral: it says what any official document
 * says around its body (who issues it, its number, date, subject, addressees, distribution and
 * signer), so directives, weekly reports and next campaign plans build one from their own data.
 */

/** Party documents follow Guidance 36-HD/VPTW, State documents Decree 30/2020/NĐ-CP. */
export type Convention = 'party' | 'state';

/** A date as written on a document; a blank part (to be filled in by hand) is null. */
export interface OfficialDate {
  year: number;
  month: number | null;
  day: number | null;
}

export interface OfficialParagraph {
  text: string;
  /**
   * Outline depth: 0 or absent for a plain paragraph, 1 for a section heading ("I. …"),
   * 2 for "1. …", 3 for "a) …". Level 1 headings are bold unless `bold` is false; levels 1–2
   * are kept on the same page as the paragraph that follows.
   */
  level?: number;
  bold?: boolean;
}

export interface OfficialSigner {
  /** Authority prefix: 'T/M', 'K/T', 'T/L' (Party) or 'TM.', 'KT.', 'TL.', 'TUQ.', 'Q.' (State). */
  authority: string | null;
  /** The body or head signed for: 'BAN THƯỜNG VỤ', 'GIÁM ĐỐC'. */
  body: string | null;
  title: string;
  name: string;
}

export interface OfficialHeading {
  convention: Convention;
  /** 'Công văn', 'Kế hoạch', 'Hướng dẫn', 'Báo cáo', … */
  docType: string;
  /** The superior body line, e.g. 'ĐẢNG BỘ TỈNH LAI CHÂU' / 'UBND TỈNH LÀO CAI'. */
  parentBody: string | null;
  issuingBody: string;
  /** '-CV/ĐU' (blank number), '12-CV/ĐU', '/SVHTTDL-VP', '805/KH-SVHTTDL'. */
  numberSymbol: string;
  place: string;
  date: OfficialDate;
  /** Trích yếu; for a công văn the V/v line. */
  subject: string;
  /** Kính gửi: one is written inline, several as a dashed list. */
  recipients: string[];
  /** Nơi nhận entries without leading dashes or trailing punctuation. */
  distribution: string[];
  signer: OfficialSigner;
}

/** A document cited by another ("Thực hiện Công văn số … ngày … của … về …"). */
export interface DocumentRef {
  docType: string;
  numberSymbol: string | null;
  date: { year: number | null; month: number | null; day: number | null } | null;
  issuer: string | null;
  subject?: string | null;
}
