/**
 * Official-layout DOCX (core): the Party layout of Guidance 36-HD/VPTW and the State layout of
 * Decree 30/2020/NĐ-CP, built from a neutral heading. Used by directive drafts and the
 * consultation's weekly report; documents with a body of their own (a report with tables) take the
 * page setup, the header table, the blocks and the "Nơi nhận" block and lay out the rest.
 */
export { officialDocument, renderOfficialDocx } from './render.js';
export { buildHeading, officialHeader } from './header.js';
export { buildClosing, distributionBlock } from './closing.js';
export { layoutTable, line, lines, para, rule, run, type RunStyle } from './blocks.js';
export { BODY_PARAGRAPH, PARTY_SPEC, STATE_SPEC, specFor, type LayoutSpec } from './spec.js';
export { clean, congVanSubject, formatVietnameseDate, implementsClause, implementsSentence, lowerSentenceCapital, signatureHeadLines, subjectAfterVe } from './text.js';
export { conventionOfUnitKind } from './convention.js';
export type { Convention, DocumentRef, OfficialDate, OfficialHeading, OfficialParagraph, OfficialSigner } from './types.js';
export { selectIssuingUnit, type IssuingUnit } from './repository-issuer.js';
