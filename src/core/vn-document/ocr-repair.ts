/**
 * Repairs the usual damage of Tesseract's Vietnamese output before the parser reads it — by class
 * of damage, never by document:
 * - diacritics: NFD leftovers, a tone mark split from its letter by a space, spacing accents
 *   (´ ` ˜ ˆ) standing for combining ones;
 * - stray marks at line edges (| _ ~ » ' …) and between words, lines of pure noise (a stamp's ring
 *   read as marks), a list dash read as ~ or —;
 * - numbers, symbols and dates: O/o for 0 and l/I/| for 1 among digits, Ư/Ơ/accented letters and 0
 *   inside a symbol's letter code (KH/TƯ → KH/TU), € for c in "(b/c)";
 * - a blank day drawn as a line (ngày ___ tháng, ngày — tháng).
 * Pure; the text keeps its lines (the parser reads the layout).
 */

const VOWEL = 'aeiouyăâêôơưAEIOUYĂÂÊÔƠƯ';
/** Spacing accents Tesseract sometimes prints after a vowel instead of the combining mark. */
const SPACING_TO_COMBINING: Record<string, string> = {
  '\u00B4': '\u0301', // ´ acute → sắc
  '\u02CA': '\u0301',
  '\u0060': '\u0300', // ` grave → huyền
  '\u02CB': '\u0300',
  '\u02DC': '\u0303', // ˜ tilde → ngã
  '\u02C0': '\u0309', // ˀ → hỏi
  '\u02C6': '\u0302', // ˆ circumflex
};

const SPACING = '\\u00B4\\u02CA\\u0060\\u02CB\\u02DC\\u02C0\\u02C6';
const SPACED_ACCENT_WORD = new RegExp(`[\\p{L}\\p{M}]*[${VOWEL}]\\p{M}?[${SPACING}][\\p{L}\\p{M}]*`, 'gu');
/** The five tone marks (in NFD); a syllable carries one at most. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;

/** Re-attaches split and spacing diacritics, then NFC. */
export function repairDiacritics(text: string): string {
  let s = text.normalize('NFD');
  // A combining mark separated from its letter by spaces ("ho ̀a"), or leading a line.
  s = s.replace(/(\p{L}\p{M}*)[ \t]+(\p{M}+)/gu, '$1$2').replace(/(^|[\s])\p{M}+/gmu, '$1');
  // A spacing accent right after a vowel of a word that has no tone mark yet ("Quyê´t").
  s = s.replace(SPACED_ACCENT_WORD, (word: string) => {
    if (TONE_MARKS.test(word)) return word;
    return word.replace(new RegExp(`([${VOWEL}]\\p{M}?)([${SPACING}])`, 'u'), (whole: string, vowel: string, mark: string) => {
      const composed = (vowel + SPACING_TO_COMBINING[mark]!).normalize('NFC');
      return [...composed].length === 1 ? composed : whole;
    });
  });
  return s.normalize('NFC');
}

// ------------------------------------------------------------------ lines

/** Marks that never belong at the edge of a line of an official document. */
const NOISE = '|_~»«ˆ¦\u2018\u2019\u201A`\'';
const LEADING_NOISE = new RegExp(`^([ \\t]*)(?:[${NOISE}]+[ \\t]*)+(?=\\S)`, 'u');
const TRAILING_MARKS = new RegExp(`(?:[ \\t]+[${NOISE}:;\\-—–]{1,3})+[ \\t]*$`, 'u');
const NOISE_CHAR = new RegExp(`[${NOISE}]`, 'u');
const INNER_NOISE = /(?<=[\p{L}\p{N},.;:])[ \t]+[|¦_'\u2018\u2019][ \t]+(?=\p{L})/gu;

/** A line of marks only (a stamp, a smudge read as text): few letters or digits among its characters. */
function isNoiseLine(line: string): boolean {
  const visible = line.replace(/\s+/g, '');
  if (visible.length === 0 || /^\**$/u.test(visible) || visible === './.') return false;
  const alnum = (visible.match(/[\p{L}\p{N}]/gu) ?? []).length;
  if (visible.length <= 2) return alnum === 0 && /[|_~»«¦=^]/u.test(visible);
  return alnum / visible.length < 0.4;
}

/** A list dash read as ~, — or – at the start of a line ("~ LĐVP UBND tỉnh,"). */
const LIST_DASH = /^([ \t]*)[~—–](?=[ \t]+\p{L})/u;

export function repairLine(line: string): string {
  let s = line.replace(LIST_DASH, '$1-').replace(LEADING_NOISE, '$1');
  const tail = TRAILING_MARKS.exec(s);
  // Marks at the end go only when one of them is noise for sure ("Đảng _ :", "thực hiện: |"); a lone
  // dash or colon may be the document's.
  if (tail && NOISE_CHAR.test(tail[0])) s = s.slice(0, tail.index);
  return s.replace(INNER_NOISE, ' ');
}

// ------------------------------------------------------------------ numbers, symbols, dates

const DIGITISH: Record<string, string> = { O: '0', o: '0', l: '1', I: '1', '|': '1' };

/** A run meant as a number: letters that look like digits become digits (only when it has a digit). */
function digits(run: string): string {
  if (!/\d/.test(run)) return run;
  return [...run].map((c) => (/\d/.test(c) ? c : (DIGITISH[c] ?? c))).join('');
}

/** A symbol's letter code: no Vietnamese vowel marks (Ư → U, Ơ → O, Ô → O …; Đ stays), 0 between letters is O. */
function code(run: string): string {
  return run
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .replace(/(?<=\p{L})0(?=\p{L})/gu, 'O');
}

const NUM = "[\\dOolI|]{0,6}\\d[\\dOolI|]{0,6}|[\\dOolI|]{0,5}";
const CODE = '\\p{Lu}[\\p{L}0&]{0,19}';
/** Party: 52-KH/TU, "52 – KH/TƯ", "Số -CV/ĐUVP". */
const PARTY_SYMBOL = new RegExp(`(?<![\\p{L}\\d])(${NUM})([ \\t]*[-–][ \\t]*)(${CODE})([ \\t]*/[ \\t]*)(${CODE}(?:-${CODE})*)(?![\\p{L}\\d])`, 'gu');
/** State: 805/KH-SVHTTDL, "/VHTTDL-TTBCXB", 30/2020/NĐ-CP. */
const STATE_SYMBOL = new RegExp(`(?<![\\p{L}\\d/])(${NUM})((?:/[\\dOolI]{4})?[ \\t]*/[ \\t]*)(${CODE})(-)(${CODE}(?:-${CODE})*)(?![\\p{L}\\d])`, 'gu');

/** A code is a symbol's only if it is written in capitals (QyĐ, CTr, TTr have one small letter). */
const looksLikeCode = (run: string) => (run.match(/\p{Ll}/gu) ?? []).length <= 1 && (run.match(/\p{Lu}/gu) ?? []).length >= 1;

export function repairSymbols(text: string): string {
  const fix = (whole: string, num: string, a: string, type: string, b: string, issuer: string) => {
    if (!looksLikeCode(type) || !issuer.split('-').every(looksLikeCode)) return whole;
    return `${digits(num)}${a}${code(type)}${b}${code(issuer)}`;
  };
  return text.replace(PARTY_SYMBOL, fix).replace(STATE_SYMBOL, (whole, num: string, a: string, type: string, dash: string, issuer: string) => {
    if (!looksLikeCode(type) || !issuer.split('-').every(looksLikeCode)) return whole;
    return `${digits(num)}${a.replace(/[OolI]/g, (c) => DIGITISH[c]!)}${code(type)}${dash}${code(issuer)}`;
  });
}

const D = '[\\dOolI|]';
const NUMERIC_DATE = new RegExp(`(?<![\\p{L}\\d])(${D}{1,2})([/.\\-])(${D}{1,2})\\2((?:19|20|l9|2O)${D}{2})(?![\\p{L}\\d])`, 'gu');
const LONG_DATE = new RegExp(`(ngày[ \\t]+)(${D}{1,2})([ \\t]+tháng[ \\t]+)(${D}{1,2})([ \\t]+năm[ \\t]+)(${D}{4})`, 'gu');
/** A blank day drawn as a line or read as a dash: "ngày ___ tháng 8", "ngày — tháng 8". */
const BLANK_DAY = /(ngày)[ \t]*[—–_\-.…~]+[ \t]*(tháng)/gu;

export function repairDates(text: string): string {
  return text
    .replace(BLANK_DAY, '$1 $2')
    .replace(NUMERIC_DATE, (whole, d: string, sep: string, m: string, y: string) => {
      const fixed = [d, m, y].map(digits);
      return fixed.every((p) => /^\d+$/.test(p)) ? fixed.join(sep) : whole;
    })
    .replace(LONG_DATE, (whole, a: string, d: string, b: string, m: string, c: string, y: string) => `${a}${digits(d)}${b}${digits(m)}${c}${digits(y)}`);
}

// ------------------------------------------------------------------ broken header lines

/** Lines that start another part of the header, never the rest of a trích yếu. */
const HEADER_PART = /^\s*(?:Kính gửi|Số\b|CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐẢNG CỘNG SẢN|\p{Lu}[\p{L} .]{1,30},\s*ngày|[IVX]+\.|\d+[.\-)]|[-+•*])/u;

/**
 * A công văn's trích yếu under "V/v" wraps over up to three more lines in a scan; the parser reads
 * a line that starts with a capital ("Đại hội XIV của Đảng") as a new header line, so the wrapped
 * lines are joined back up to a blank line or the next part of the header.
 */
export function joinSubjectLines(lines: string[]): string[] {
  const out = [...lines];
  const at = out.slice(0, 60).findIndex((l) => /^\s*(?:V\/v|Về việc)\s/u.test(l));
  if (at < 0) return out;
  for (let joined = 0; joined < 3 && at + 1 < out.length; joined++) {
    const next = out[at + 1]!;
    if (next.trim() === '' || HEADER_PART.test(next)) break;
    out[at] = `${out[at]!.trimEnd()} ${next.trim()}`;
    out.splice(at + 1, 1);
  }
  return out;
}

// ------------------------------------------------------------------ authority words

/**
 * A well-known authority word that lost its first letter at the start of a header line (a drop cap or
 * a stamp over it): "Y BAN NHÂN DÂN" is "ỦY BAN NHÂN DÂN", "ẢNG ỦY" is "ĐẢNG ỦY". Only whole caps names
 * whose damaged form is no Vietnamese word are restored.
 */
const LOST_FIRST_LETTER: readonly [RegExp, string][] = [
  [/^[YỶ] BAN (?=NHÂN DÂN|MẶT TRẬN|MTTQ|KIỂM TRA|THƯỜNG VỤ)/u, 'ỦY BAN '],
  [/^ẢNG (?=(?:ỦY|UỶ|BỘ|ĐOÀN)(?![\p{L}]))/u, 'ĐẢNG '],
  [/^ỘI ĐỒNG NHÂN DÂN/u, 'HỘI ĐỒNG NHÂN DÂN'],
  [/^BND (?=TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)/u, 'UBND '],
];

export function repairHeaderWords(line: string): string {
  if (line.length > 120) return line;
  for (const [re, fixed] of LOST_FIRST_LETTER) if (re.test(line)) return line.replace(re, fixed);
  return line;
}

/** "(b/€)" → "(b/c)": € is a misread c next to a slash (report marks, đ/c). */
const EURO_C = /(?<=\/)€|€(?=\/)/gu;

/** The OCR text of a page, repaired for parsing. */
export function repairOcrText(text: string): string {
  const lines = repairDiacritics(text).replace(EURO_C, 'c').split(/\r?\n/);
  const kept = joinSubjectLines(lines.map(repairLine).filter((line) => !isNoiseLine(line)));
  return repairDates(repairSymbols(kept.join('\n')));
}
