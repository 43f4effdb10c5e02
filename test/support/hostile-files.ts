/**
 * Files built to be expensive to read: ZIP bombs (DOCX), spreadsheets with too many rows, PDFs with
 * a stream bomb, a huge page count or deep nesting. Each is small to send and cheap to build.
 */
import zlib from 'node:zlib';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';

const MB = 1024 * 1024;

/** A ZIP entry: its name and its bytes, or raw deflate data standing for `size` bytes. */
type ZipInput = ({ name: string; data: Buffer } | { name: string; deflated: Buffer; size: number }) & {
  /** Write the unpacked size ZIP64 style: 0xFFFFFFFF in the headers, the size in an extra field. */
  zip64?: boolean;
};

/**
 * A ZIP archive (deflate, no data descriptors) written with node:zlib, far faster than jszip for
 * large entries. Entries given as `deflated` keep a zero CRC: readers that check it do so only
 * after inflating, which is what a bomb is about.
 */
export function buildZip(entries: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const deflated = 'data' in entry ? zlib.deflateRawSync(entry.data) : entry.deflated;
    const size = 'data' in entry ? entry.data.length : entry.size;
    const crc = 'data' in entry ? zlib.crc32(entry.data) : 0;
    const extra = entry.zip64 ? Buffer.alloc(12) : Buffer.alloc(0);
    if (entry.zip64) {
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
    }
    const declared = entry.zip64 ? 0xffffffff : size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, extra, deflated);
    centrals.push(central, name, extra);
    offset += local.length + name.length + extra.length + deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * Raw deflate data of `megabytes` MB of one repeated byte, built from one compressed megabyte
 * repeated (each block ends on a full flush, so blocks can follow one another): instant to build.
 */
export function deflatedRepeat(megabytes: number, byte: string, options: { zlibWrapper?: boolean; head?: string; tail?: string } = {}): Buffer {
  const block = zlib.deflateRawSync(Buffer.alloc(MB, byte), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const first = zlib.deflateRawSync(Buffer.from(options.head ?? ''), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const last = zlib.deflateRawSync(Buffer.from(options.tail ?? '')); // the final block
  const body = [first, ...Array.from({ length: megabytes }, () => block), last];
  return options.zlibWrapper ? Buffer.concat([Buffer.from([0x78, 0x9c]), ...body, Buffer.alloc(4)]) : Buffer.concat(body);
}

async function docxEntries(): Promise<{ name: string; data: Buffer }[]> {
  const zip = await JSZip.loadAsync(await buildDocx(['Văn bản thử']));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
  return Promise.all(names.map(async (name) => ({ name, data: await (zip.file(name) as JSZip.JSZipObject).async('nodebuffer') })));
}

const DOCUMENT_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>';

const DOCUMENT_TAIL = '</w:t></w:r></w:p></w:body></w:document>';

/**
 * A DOCX whose word/document.xml unpacks to `megabytes` MB of one repeated letter inside one run
 * (about 1 KB compressed per MB). With `declaredKb` its directory and local headers lie: they
 * claim the entry unpacks to that many KB.
 */
export async function buildDocxBomb(megabytes: number, options: { declaredKb?: number } = {}): Promise<Buffer> {
  const entries: ZipInput[] = (await docxEntries()).filter((e) => e.name !== 'word/document.xml');
  const deflated = deflatedRepeat(megabytes, 'a', { head: DOCUMENT_HEAD, tail: DOCUMENT_TAIL });
  const size = options.declaredKb === undefined ? DOCUMENT_HEAD.length + megabytes * MB + DOCUMENT_TAIL.length : options.declaredKb * 1024;
  entries.push({ name: 'word/document.xml', deflated, size });
  return buildZip(entries);
}

export async function buildDocx(lines: string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] });
  return Buffer.from(await Packer.toBuffer(doc));
}

const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal XLSX (inline strings, one worksheet) with a header row and `rows` unit rows. */
export function buildUnitsXlsx(rows: number): Buffer {
  const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const lines = [`<row r="1">${cell('A1', 'code')}${cell('B1', 'name')}${cell('C1', 'kind')}${cell('D1', 'parent_code')}</row>`];
  for (let i = 2; i <= rows + 1; i++) lines.push(`<row r="${i}">${cell(`A${i}`, `X${i}`)}${cell(`B${i}`, `Đơn vị ${i}`)}${cell(`C${i}`, 'other')}</row>`);
  const file = (name: string, text: string) => ({ name, data: Buffer.from(text) });
  const types =
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
  return buildZip([
    file('[Content_Types].xml', `${xml}${types}`),
    file('_rels/.rels', `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    file('xl/workbook.xml', `${xml}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="Đơn vị" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    file('xl/_rels/workbook.xml.rels', `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    file('xl/worksheets/sheet1.xml', `${xml}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${lines.join('')}</sheetData></worksheet>`),
  ]);
}

/** A PDF from object bodies (object n is `objects[n - 1]`), with a correct cross-reference table. */
export function buildPdf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  objects.forEach((body, i) => {
    offsets.push(length);
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(body) ? body : Buffer.from(body), Buffer.from('\nendobj\n')]);
    parts.push(part);
    length += part.length;
  });
  const entries = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const page = (contents: string) => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${contents} >>`;

/** One page whose content stream inflates to `megabytes` MB of spaces. */
export function buildPdfStreamBomb(megabytes: number): Buffer {
  const content = deflatedRepeat(megabytes, ' ', { zlibWrapper: true });
  const stream = Buffer.concat([Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`), content, Buffer.from('\nendstream')]);
  return buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page('4 0 R'), stream]);
}

/** `pages` pages that all share one small content stream. */
export function buildPdfManyPages(pages: number): Buffer {
  const text = 'BT /F1 12 Tf 72 720 Td (Trang van ban thu nghiem) Tj ET';
  const kids = Array.from({ length: pages }, (_, i) => `${i + 4} 0 R`).join(' ');
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`, `<< /Length ${text.length} >>\nstream\n${text}\nendstream`];
  for (let i = 0; i < pages; i++) objects.push(page('3 0 R'));
  return buildPdf(objects);
}

/** One page whose content stream opens `depth` nested arrays. */
export function buildPdfDeepNesting(depth: number): Buffer {
  const text = `${'['.repeat(depth)}${']'.repeat(depth)} pop`;
  const stream = `<< /Length ${text.length} >>\nstream\n${text}\nendstream`;
  return buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page('4 0 R'), stream]);
}
