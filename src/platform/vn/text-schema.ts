import { z } from 'zod';
import { NUL_TEXT_MESSAGE, toWellFormed } from './safe-text.js';

/**
 * The string type of every API input (body, query string, path parameter): a string PostgreSQL can
 * store. A lone UTF-16 surrogate (half a character, e.g. an emoji cut in two by a client) becomes
 * U+FFFD; a NUL (U+0000) is refused with a Vietnamese message (safe-text.ts). Chain as `z.string()`:
 * `safeString().trim().min(1).max(300)`. Response schemas keep `z.string()`.
 */
export function safeString() {
  return z
    .string()
    .overwrite(toWellFormed)
    .refine((value) => !value.includes('\u0000'), { message: NUL_TEXT_MESSAGE });
}
