import type { Section } from '../../core/vn-document/types.js';

export interface DocumentSection {
  ref: string;
  parentRef: string | null;
  heading: string | null;
  body: string;
  position: number;
}

const HEADING_LIMIT = 200;

/** "I." → "I", "1." → "1", "a)" → "a", "(2)" → "2", "1-" → "1"; bullets and plain paragraphs have none. */
function markerRef(marker: string): string | null {
  const m = marker.trim().match(/^\(?([0-9]{1,3}|[IVXLC]{1,6}|[a-zđ])[.)-]?\)?$/iu);
  return m?.[1] ?? null;
}

/**
 * Splits a draft's structure (the directive parser's section tree) into sections with stable
 * references built from the numbering: "II", "II.1", "II.1.a"; an item without a number is named by
 * its position under its parent ("II.1.p3"). The same text always yields the same references.
 */
export function sectionsFromTree(tree: Section[]): DocumentSection[] {
  const out: DocumentSection[] = [];
  const walk = (nodes: Section[], parentRef: string | null) => {
    const used = new Set<string>();
    nodes.forEach((node, index) => {
      const own = markerRef(node.marker) ?? `p${index + 1}`;
      let ref = parentRef ? `${parentRef}.${own}` : own;
      for (let n = 2; used.has(ref); n++) ref = `${parentRef ? `${parentRef}.` : ''}${own}-${n}`;
      used.add(ref);
      const text = node.text.trim();
      const isHeading = node.children.length > 0 || text.length <= HEADING_LIMIT;
      out.push({ ref, parentRef, heading: isHeading ? text.slice(0, 500) : null, body: isHeading ? '' : text, position: out.length });
      walk(node.children, ref);
    });
  };
  walk(tree, null);
  return out;
}
