/** Renders an official document (a neutral heading and body paragraphs) to DOCX in the official layout (Decree 30 for State, Guidance 36 for Party). */
import { AlignmentType, Document, Header, Packer, PageNumber, PageOrientation, Paragraph, TextRun, type Table } from 'docx';
import { para, run } from './blocks.js';
import { buildClosing } from './closing.js';
import { buildHeading } from './header.js';
import { A4, BODY_PARAGRAPH, FONT, mmToTwips, specFor, type LayoutSpec } from './spec.js';
import { clean } from './text.js';
import type { OfficialHeading, OfficialParagraph } from './types.js';

function bodyParagraphs(body: OfficialParagraph[], spec: LayoutSpec): Paragraph[] {
  return body
    .filter((p) => clean(p.text).length > 0)
    .map((p) => {
      const level = p.level ?? 0;
      const bold = p.bold ?? level === 1;
      return para([run(clean(p.text), { size: spec.size.body, bold })], {
        align: 'justify',
        firstLine: BODY_PARAGRAPH.firstLine,
        after: BODY_PARAGRAPH.after,
        line: BODY_PARAGRAPH.line,
        keepNext: level === 1 || level === 2,
      });
    });
}

/** Page numbers centred in the top margin, from page 2 (the first page has an empty header). */
function pageNumberHeader(spec: LayoutSpec): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: spec.size.pageNumber * 2 })],
      }),
    ],
  });
}

/**
 * An A4 portrait document in the official layout's page setup: Times New Roman, the convention's
 * margins, page numbers centred in the top margin from page 2. Shared by every official document.
 */
export function officialDocument(options: { title: string; spec: LayoutSpec; children: (Paragraph | Table)[] }): Document {
  const { spec } = options;
  const m = spec.marginsMm;
  return new Document({
    creator: 'Lan Tỏa',
    title: options.title,
    styles: {
      default: {
        document: { run: { font: FONT, size: spec.size.body * 2 } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: mmToTwips(m.top),
              bottom: mmToTwips(m.bottom),
              left: mmToTwips(m.left),
              right: mmToTwips(m.right),
              header: mmToTwips(10),
              footer: mmToTwips(10),
            },
          },
        },
        headers: {
          default: pageNumberHeader(spec),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: options.children,
      },
    ],
  });
}

/** The whole document: heading, body paragraphs, "Nơi nhận" and the signature block. */
export async function renderOfficialDocx(heading: OfficialHeading, body: OfficialParagraph[]): Promise<Buffer> {
  const spec = specFor(heading.convention);
  const doc = officialDocument({
    title: clean(`${heading.docType} ${heading.numberSymbol}`),
    spec,
    children: [...buildHeading(heading, spec), ...bodyParagraphs(body, spec), ...buildClosing(heading, spec)],
  });
  return Packer.toBuffer(doc);
}
