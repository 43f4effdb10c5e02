/**
 * Headers of a file download, whatever the file's name and declared type (both may come from an
 * uploader): the name encoded per RFC 6266 / RFC 8187 (ex-5987), the type from an allow-list.
 */

/** Lone UTF-16 surrogates (not encodable as UTF-8) become U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The `filename="…"` fallback: printable ASCII without quote, backslash, `;` or `%`; Vietnamese letters lose their marks. */
export function asciiFileName(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\;%]/gu, '_')
    .trim();
  return ascii === '' ? 'tep' : ascii;
}

/** RFC 8187 value-chars: UTF-8 bytes, everything but attr-char percent-encoded. */
function extValue(fileName: string): string {
  return encodeURIComponent(fileName.replace(LONE_SURROGATE, '\uFFFD')).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded UTF-8>` */
export function contentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${extValue(fileName)}`;
}

/** Types a stored or generated file may be served as; anything else goes out as application/octet-stream. */
const SAFE_TYPES = new Set([
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/rtf',
  'application/zip',
  'text/plain',
  'text/csv',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
]);

/**
 * The type to serve a file as: its declared type when on the allow-list (text keeps a well-formed
 * charset), else application/octet-stream. Never HTML, SVG, XML or script.
 */
export function safeContentType(declared: string | null | undefined): string {
  const [essence = '', ...params] = (declared ?? '').split(';').map((p) => p.trim());
  const type = essence.toLowerCase();
  if (!SAFE_TYPES.has(type)) return 'application/octet-stream';
  if (!type.startsWith('text/')) return type;
  const charset = params.map((p) => /^charset="?([A-Za-z0-9._-]{1,40})"?$/i.exec(p)?.[1]).find(Boolean);
  return `${type}; charset=${charset ?? 'utf-8'}`;
}
