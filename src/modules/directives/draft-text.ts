/**
 * The wording a draft implementing directive starts with (issue 11, item 2): its number field, its
 * subject, its opening paragraph and addressees, and the name of its DOCX file. Pure functions.
 */
import { clean, implementsClause, lowerSentenceCapital, type Convention, type DocumentRef } from '../../core/official-docx/index.js';

/**
 * The number field of a new công văn: the number blank for the records clerk, then the issuing
 * unit's abbreviation ("-CV/ĐU", "/SVHTTDL"). A unit without an abbreviation gets an empty field,
 * which the form asks to fill in — never a bare "-CV/" or "/".
 */
export function draftNumberSymbol(convention: Convention, abbreviation: string | null): string {
  const abbr = abbreviation ? clean(abbreviation) : '';
  if (!abbr) return '';
  return convention === 'party' ? `-CV/${abbr}` : `/${abbr}`;
}

/** Openings that already say what is done, so the subject needs no "Triển khai thực hiện" before them. */
const ACTION_OPENINGS = ['triển khai', 'thực hiện', 'tổ chức', 'đẩy mạnh', 'tăng cường', 'tiếp tục', 'tuyên truyền', 'hướng dẫn', 'nâng cao', 'phát động', 'lấy ý kiến'];

/**
 * The subject (trích yếu) of the implementing document, as a sentence drawn from the parent's
 * subject: "V/v triển khai đợt cao điểm …" → "Triển khai đợt cao điểm …", "Đại hội XIV …" →
 * "Triển khai thực hiện Đại hội XIV …". Without a parent subject: "Triển khai thực hiện <type> của <issuer>".
 */
export function draftSubject(parent: Pick<DocumentRef, 'docType' | 'issuer' | 'subject'>): string {
  const raw = parent.subject ? clean(parent.subject).replace(/^v\/v\.?\s*/iu, '').replace(/^về\s+(?:việc\s+)?/iu, '').replace(/[.;:,\s]+$/u, '') : '';
  if (!raw) {
    const type = clean(parent.docType || 'văn bản').toLocaleLowerCase('vi');
    const issuer = parent.issuer ? ` của ${clean(parent.issuer)}` : ' cấp trên';
    return `Triển khai thực hiện ${type}${issuer}`;
  }
  const continued = lowerSentenceCapital(raw);
  const lower = continued.toLocaleLowerCase('vi');
  if (ACTION_OPENINGS.some((a) => lower.startsWith(`${a} `))) return continued.charAt(0).toLocaleUpperCase('vi') + continued.slice(1);
  return `Triển khai thực hiện ${continued}`;
}

/**
 * The opening paragraph and the addressees it speaks to. With child units the body asks them to act
 * and "Kính gửi" lists exactly them; a unit without children implements the parent itself, so the
 * body addresses no one and there is no "Kính gửi" (nor "Như trên" in the distribution).
 */
export function draftOpening(parent: DocumentRef, unitName: string, childNames: string[]): { paragraph: string; recipients: string[] } {
  const clause = implementsClause(parent);
  const unit = clean(unitName);
  if (childNames.length === 0) return { paragraph: `${clause}, ${unit} triển khai thực hiện một số nội dung sau:`, recipients: [] };
  const addressed = childNames.length === 1 ? clean(childNames[0] as string) : 'các đơn vị';
  return { paragraph: `${clause}, ${unit} đề nghị ${addressed} thực hiện một số nội dung sau:`, recipients: childNames.map(clean) };
}

/** The DOCX file name: the number and symbol once the number is filled in, otherwise the subject. */
export function draftFileName(content: { numberSymbol: string; subject: string }): string {
  const symbol = clean(content.numberSymbol).replace(/^số\s*:?\s*/iu, '');
  const base = /^\d/u.test(symbol) ? symbol : clean(content.subject);
  const slug = base.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/gu, '').slice(0, 80).replace(/-+$/u, '');
  return `du-thao-${slug || 'van-ban'}.docx`;
}

/** The place printed before the date: the parent's, else the province named by the unit or its parent. */
export function draftPlace(parentPlace: string | null, unitNames: (string | null)[]): string {
  if (parentPlace && clean(parentPlace)) return clean(parentPlace);
  for (const name of unitNames) {
    const m = name ? /(?:^|\s)(?:tỉnh|thành phố)\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3})$/u.exec(clean(name)) : null;
    if (m?.[1]) return m[1];
  }
  return '';
}
