/** The bottom of the document: "Nơi nhận" on the left, the signature block on the right. */
import type { Paragraph, Table } from 'docx';
import { blank, layoutTable, line } from './blocks.js';
import type { LayoutSpec } from './spec.js';
import { clean, distributionLines, signatureHeadLines } from './text.js';
import type { OfficialHeading } from './types.js';

/** Blank lines left for the handwritten signature and the seal. */
const SIGNATURE_SPACE_LINES = 4;

/** "Nơi nhận:" (Party underlined, State bold italic) and its lines; `before` spaces the label (twips). */
export function distributionBlock(d: Pick<OfficialHeading, 'convention' | 'distribution'>, spec: LayoutSpec, before = 0): Paragraph[] {
  const s = spec.size;
  const label =
    d.convention === 'party'
      ? line('Nơi nhận:', { size: s.recipientsLabel, underline: true }, { before })
      : line('Nơi nhận:', { size: s.recipientsLabel, bold: true, italics: true }, { before });
  return [label, ...distributionLines(d.convention, d.distribution).map((e) => line(e, { size: s.distribution }))];
}

function signature(d: OfficialHeading, spec: LayoutSpec): Paragraph[] {
  const size = spec.size.signature;
  const head = signatureHeadLines(d.signer).map((t) => line(t, { size, bold: true }, { align: 'center' }));
  const space = Array.from({ length: SIGNATURE_SPACE_LINES }, () => blank(size));
  return [...head, ...space, line(clean(d.signer.name), { size, bold: true }, { align: 'center' })];
}

export function buildClosing(d: OfficialHeading, spec: LayoutSpec): (Paragraph | Table)[] {
  return [
    line('', { size: spec.size.body }),
    layoutTable([spec.columns.left, spec.columns.right], [[distributionBlock(d, spec), signature(d, spec)]]),
  ];
}
