/** The parser of Vietnamese official documents (core: used by directives and consultation drafts): text (or a file) in, fields with spans out. */
export { parseDirective } from './parse.js';
export { readDeadlines } from './deadlines.js';
export { readDirectiveFile, readDirectiveText, type DirectiveFileText, type ReadFileOptions, type ScanInfo } from './read-file.js';
export { repairOcrText } from './ocr-repair.js';
export { toParseJson, type ParseJson } from './to-json.js';
export type * from './types.js';
