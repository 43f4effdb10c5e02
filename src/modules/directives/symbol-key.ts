/**
 * The key under which a number/symbol is looked up when resolving citations: "167-CV/BTGDVTU",
 * "167 - CV/BTGDVTU" and "167-CV/BTGDVTU" written with an en dash all give the same key.
 * A blank number ("-CV/ĐU", "/VHTTDL-TTBCXB") cannot be cited, so it has no key.
 */
export function symbolKey(numberSymbol: string | null | undefined): string | null {
  if (!numberSymbol) return null;
  const key = numberSymbol
    .normalize('NFC')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase();
  return /^\d/.test(key) ? key : null;
}
