/**
 * Legacy Vietnamese encodings (docs: shared/domain/vn-documents.md §5.5).
 *
 * TCVN3 (ABC) text read as Windows-1252 shows up as `Céng hoµ x· héi chñ nghÜa ViÖt Nam`. We detect
 * it by the share of characters that TCVN3 uses for Vietnamese letters but that never occur in
 * Unicode Vietnamese, and decode it by re-encoding as windows-1252 and decoding with iconv-lite's
 * `tcvn` table. NFD input needs nothing more than NFC, which `normalizeVi` does.
 */
import iconv from 'iconv-lite';

/**
 * Latin-1/Windows-1252 characters that TCVN3 uses for Vietnamese letters and that are not letters
 * of Unicode Vietnamese (so their presence is a strong signal). Letters shared by both (é, ê, ô …)
 * are left out on purpose.
 */
const TCVN3_MARKERS = new Set([
  ...'©§µ¸ª«®¦¨¬¶·¹»¼½¾ÆÇÈËÎÏÑÖ×ØÜÞßåæçëîïñöøûüþÿ¡¢¤¥',
  '\u00AD', // soft hyphen = ư in TCVN3
  ...'\u2018\u2019\u201C\u201D\u2013\u2014\u0152\u0153\u2020\u2021\u2026\u2030\u0160\u0161\u02C6\u02DC\u203A\u2039\u0178\u017D\u017E',
]);

/** Code points of precomposed letters only Vietnamese Unicode uses (ă, đ, ơ, ư and the tone-marked vowels). */
function isVietnameseUnicodeLetter(cp: number): boolean {
  return (cp >= 0x0102 && cp <= 0x0103) || (cp >= 0x0110 && cp <= 0x0111) || (cp >= 0x01a0 && cp <= 0x01b0) || (cp >= 0x1ea0 && cp <= 0x1ef9);
}

/** True when the text looks like TCVN3 bytes decoded as Windows-1252. */
export function looksLikeTcvn3(s: string): boolean {
  let markers = 0;
  let vietnamese = 0;
  let letters = 0;
  let quotesOnly = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isVietnameseUnicodeLetter(cp)) vietnamese++;
    if (TCVN3_MARKERS.has(ch)) {
      markers++;
      if ('\u2018\u2019\u201C\u201D\u2013\u2014\u2026'.includes(ch)) quotesOnly++;
    }
    if (/\p{L}/u.test(ch)) letters++;
  }
  // Typographic quotes and dashes alone are ordinary punctuation, not evidence.
  const strong = markers - quotesOnly;
  return strong >= 3 && strong >= letters * 0.02 && vietnamese * 4 < strong;
}

/** Every character of `s` has a Windows-1252 byte (otherwise the round trip would lose text). */
function fitsWindows1252(s: string): boolean {
  const back = iconv.decode(iconv.encode(s, 'windows-1252'), 'windows-1252');
  return back === s;
}

/** Decodes TCVN3-as-Windows-1252 text to Unicode (NFC); returns other text unchanged. */
export function decodeLegacyText(s: string): string {
  if (!looksLikeTcvn3(s)) return s;
  if (!fitsWindows1252(s)) {
    // Mixed text: decode only the runs that fit Windows-1252 and carry markers.
    // eslint-disable-next-line no-control-regex -- the Windows-1252 range starts at U+0000 on purpose
    return s.replace(/[\u0000-\u00FF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u2026\u2030\u2039\u203A\u20AC\u2122]+/g, (run) =>
      looksLikeTcvn3(run) && fitsWindows1252(run) ? decodeRun(run) : run,
    );
  }
  return decodeRun(s);
}

function decodeRun(run: string): string {
  return iconv.decode(iconv.encode(run, 'windows-1252'), 'tcvn').normalize('NFC');
}
