/**
 * Sizes (points) and margins (millimetres) of the two official layouts:
 * State documents per Decree 30/2020/NĐ-CP (Phụ lục I), Party documents per Guidance 36-HD/VPTW.
 */
import type { Convention } from './types.js';

export const FONT = 'Times New Roman';

/** A4 portrait in twips (w:pgSz). */
export const A4 = { width: 11906, height: 16838 } as const;

export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

export function cmToTwips(cm: number): number {
  return mmToTwips(cm * 10);
}

export interface LayoutSpec {
  marginsMm: { top: number; bottom: number; left: number; right: number };
  /** Column widths of the header and signature tables, twips; their sum is the text width. */
  columns: { left: number; right: number };
  size: {
    parentBody: number;
    issuingBody: number;
    heading: number; // ĐẢNG CỘNG SẢN VIỆT NAM / CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    motto: number; // Độc lập - Tự do - Hạnh phúc (State only)
    number: number;
    congVanSubject: number;
    placeDate: number;
    typeName: number;
    subject: number;
    body: number;
    recipientsLabel: number;
    distribution: number;
    signature: number;
    pageNumber: number;
  };
}

const MARGINS = { top: 20, bottom: 20, left: 30, right: 15 };
const TEXT_WIDTH = A4.width - mmToTwips(MARGINS.left) - mmToTwips(MARGINS.right);

export const PARTY_SPEC: LayoutSpec = {
  marginsMm: MARGINS,
  columns: { left: 4800, right: TEXT_WIDTH - 4800 },
  size: {
    parentBody: 14,
    issuingBody: 14,
    heading: 15,
    motto: 14,
    number: 14,
    congVanSubject: 12,
    placeDate: 14,
    typeName: 16,
    subject: 14,
    body: 14,
    recipientsLabel: 14,
    distribution: 12,
    signature: 14,
    pageNumber: 14,
  },
};

export const STATE_SPEC: LayoutSpec = {
  marginsMm: MARGINS,
  columns: { left: 4000, right: TEXT_WIDTH - 4000 },
  size: {
    parentBody: 13,
    issuingBody: 13,
    heading: 12,
    motto: 13,
    number: 13,
    congVanSubject: 12,
    placeDate: 14,
    typeName: 14,
    subject: 14,
    body: 14,
    recipientsLabel: 12,
    distribution: 11,
    signature: 14,
    pageNumber: 13,
  },
};

export function specFor(convention: Convention): LayoutSpec {
  return convention === 'party' ? PARTY_SPEC : STATE_SPEC;
}

/** Body paragraphs: first-line indent 1.27 cm, 6 pt after, line spacing 1.15. */
export const BODY_PARAGRAPH = { firstLine: 720, after: 120, line: 276 } as const;
