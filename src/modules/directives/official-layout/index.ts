/** Official-layout DOCX export of a draft directive, and the wording helpers the registry pre-fills drafts with. */
export { officialDocument, renderOfficialDocx } from './render.js';
export { formatVietnameseDate, implementsSentence } from './text.js';
export type { DirectiveDraft, DocumentRef, DraftDate, DraftParagraph, DraftSigner } from './types.js';
