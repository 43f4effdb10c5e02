/**
 * What an activity's evidence file really is, read from its first bytes (pure): a photo (JPEG, PNG,
 * WebP), a PDF or a Word document (DOCX: a ZIP holding `word/` and `[Content_Types].xml`). The name's
 * extension must agree with the content, so a text file renamed `.png` is refused; the type kept and
 * served is the one read here, never the uploader's declared type.
 */
export interface EvidenceType {
  contentType: string;
  extensions: readonly string[];
}

const JPEG: EvidenceType = { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] };
const PNG: EvidenceType = { contentType: 'image/png', extensions: ['png'] };
const WEBP: EvidenceType = { contentType: 'image/webp', extensions: ['webp'] };
const PDF: EvidenceType = { contentType: 'application/pdf', extensions: ['pdf'] };
const DOCX: EvidenceType = { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] };

const startsWith = (data: Buffer, bytes: readonly number[], at = 0) => data.length >= at + bytes.length && bytes.every((b, i) => data[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

function contentTypeOf(data: Buffer): EvidenceType | null {
  if (startsWith(data, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8)) return WEBP;
  if (startsWith(data, ascii('%PDF-'))) return PDF;
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) && data.includes('[Content_Types].xml', 0, 'latin1') && data.includes('word/', 0, 'latin1')) return DOCX;
  return null;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The file's type when its content is an accepted kind and its name's extension says the same; otherwise null. */
export function evidenceTypeOf(data: Buffer, fileName: string): EvidenceType | null {
  const type = contentTypeOf(data);
  if (!type) return null;
  return type.extensions.includes(extensionOf(fileName)) ? type : null;
}
