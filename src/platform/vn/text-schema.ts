import { z } from 'zod';
import { hasUnsafeText, UNSAFE_TEXT_MESSAGE } from './safe-text.js';

/**
 * The string type of every API input (body, query string, path parameter): a string PostgreSQL can
 * store, i.e. without NUL (U+0000) or lone UTF-16 surrogates (safe-text.ts). Chain as `z.string()`:
 * `safeString().trim().min(1).max(300)`. Response schemas keep `z.string()`.
 */
export function safeString() {
  return z.string().refine((value) => !hasUnsafeText(value), { message: UNSAFE_TEXT_MESSAGE });
}
