import { validateHeaderValue } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentDisposition, safeContentType } from './download.js';

/** The string with lone surrogates replaced by U+FFFD (String.prototype.toWellFormed, ES2024). */
const wellFormed = (s: string) => Buffer.from(s, 'utf8').toString('utf8');

const TCHAR = "[!#$%&'*+.^_`|~0-9A-Za-z-]";

/**
 * A strict RFC 6266 parser: the disposition type, then `; name=value` parameters (token or
 * quoted-string), nothing left over. Returns the parameters in order, names lower-cased.
 */
function parse(header: string): { type: string; params: [string, string][] } {
  const head = new RegExp(`^(${TCHAR}+)`).exec(header);
  if (!head) throw new Error(`no type in ${header}`);
  const params: [string, string][] = [];
  const param = new RegExp(`^[ \\t]*;[ \\t]*(${TCHAR}+)[ \\t]*=[ \\t]*("(?:[^"\\\\]|\\\\.)*"|${TCHAR}+)`);
  let rest = header.slice(head[0].length);
  while (rest !== '') {
    const m = param.exec(rest);
    if (!m) throw new Error(`cannot parse ${JSON.stringify(rest)}`);
    const raw = m[2] as string;
    params.push([(m[1] as string).toLowerCase(), raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw]);
    rest = rest.slice(m[0].length);
  }
  return { type: (head[1] as string).toLowerCase(), params };
}

/** The file name a client reads back: filename* decoded (RFC 8187), the ASCII fallback beside it. */
function readBack(header: string) {
  const { type, params } = parse(header);
  expect(type).toBe('attachment');
  expect(params.map(([name]) => name)).toEqual(['filename', 'filename*']);
  const ext = /^UTF-8''((?:%[0-9A-F]{2}|[A-Za-z0-9!#$&+.^_`|~-])*)$/.exec(params[1]![1]);
  if (!ext) throw new Error(`bad ext-value ${params[1]![1]}`);
  return { fallback: params[0]![1], name: decodeURIComponent(ext[1] as string) };
}

/** Characters that break naive headers: delimiters, escapes, line breaks, marks, emoji, lone surrogates. */
const nasty = ['"', '\\', ';', "'", '%', '*', '(', ')', '=', ',', '\r', '\n', '\t', '\u0000', ' ', 'đ', 'ệ', 'Ư', '😀', '\uD800', '\uDC00'];

const hostile = [
  `a".html; filename*=UTF-8''evil.html`,
  'báo cáo\r\nSet-Cookie: sid=x; tuần 1.docx',
  'Quyết định số 12/QĐ-UBND; "khẩn".pdf',
  'Kế hoạch 📄 triển khai 😀.txt',
  'back\\slash\\"quote.csv',
  "100% 'done' (final)*.xlsx",
  'tab\there\u0000nul\u007fdel.txt',
  '',
];

describe('contentDisposition', () => {
  it.each(hostile)('encodes %j into one attachment with exactly one filename and one filename*, read back intact', (name) => {
    const header = contentDisposition(name);
    expect(() => validateHeaderValue('content-disposition', header)).not.toThrow();
    expect(header).toMatch(/^[\x20-\x7e]*$/);
    const { fallback, name: decoded } = readBack(header);
    expect(decoded).toBe(name);
    expect(fallback).toMatch(/^[\x20-\x7e]+$/);
    expect(fallback).not.toMatch(/["\\;%]/);
  });

  it('keeps a readable ASCII fallback for Vietnamese names', () => {
    expect(readBack(contentDisposition('Báo cáo tuần Đắk Lắk.docx')).fallback).toBe('Bao cao tuan Dak Lak.docx');
  });

  it('reads back any string (lone surrogates as U+FFFD) as one attachment', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom(...nasty), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 40 }), (name) => {
        const header = contentDisposition(name);
        expect(() => validateHeaderValue('content-disposition', header)).not.toThrow();
        expect(readBack(header).name).toBe(wellFormed(name));
      }),
      { numRuns: 200 },
    );
  });
});

describe('safeContentType', () => {
  it('serves allowed types, text with a clean charset, and everything else as a byte stream', () => {
    expect(safeContentType('application/pdf')).toBe('application/pdf');
    expect(safeContentType('Application/PDF; name="x"')).toBe('application/pdf');
    expect(safeContentType('text/plain; charset=utf-8')).toBe('text/plain; charset=utf-8');
    expect(safeContentType('text/csv')).toBe('text/csv; charset=utf-8');
    expect(safeContentType('text/plain; charset="windows-1258"')).toBe('text/plain; charset=windows-1258');
    expect(safeContentType('text/plain; charset=utf-8<script>')).toBe('text/plain; charset=utf-8');
    for (const bad of ['text/html', 'text/html; charset=utf-8', 'image/svg+xml', 'application/xhtml+xml', 'text/xml', 'application/javascript', '', null, 'text/plain\r\nx: y']) {
      expect(safeContentType(bad)).toBe('application/octet-stream');
    }
  });
});
