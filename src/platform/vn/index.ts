export { normalizeVi, toneKey, isVietnameseLetter } from './normalize.js';
export { searchKey, matchesSearch, dedupKey, compareVi } from './keys.js';
export { parseViDate, isoDateOf } from './date.js';
export { fastDedupKey, fastNormalizeVi } from './fast-keys.js';
export { hasUnsafeText, toSafeText, toSafeJson, toWellFormed, findUnsafeText, UNSAFE_TEXT_MESSAGE, NUL_TEXT_MESSAGE } from './safe-text.js';
export { safeString } from './text-schema.js';
export { firstInvalidUtf8, incompleteTail, lineOfOffset, countLines, notUtf8Message } from './utf8.js';
