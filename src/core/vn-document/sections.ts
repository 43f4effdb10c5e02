/**
 * The numbered structure of the body as a tree (§1.3, pitfall 9). Levels are assigned in the order
 * the kinds of numbering first appear, which covers both State (I., 1., a), -, +) and Party (1-, -)
 * habits; a lost number (an item that became a "- " bullet) then lands one level down rather than
 * breaking the tree. Unnumbered paragraphs hang under the item they follow; a closing paragraph
 * ("Trên đây là …", "… ./.") goes back to the top.
 */
import { sectionMarker, type MarkerKind } from './line-kinds.js';
import { toLines } from './layout.js';
import type { Section } from './types.js';

interface Open {
  kind: MarkerKind;
  node: Section;
}

const CLOSING_RE = /\.\/\.\s*$|^Trên đây là(?![\p{L}\d])|^Nơi nhận(?![\p{L}\d])/u;

export function readSections(text: string, from: number, to: number): Section[] {
  const roots: Section[] = [];
  const stack: Open[] = [];
  for (const line of toLines(text, from, to)) {
    const raw = line.text;
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const marker = sectionMarker(trimmed);
    const textStart = line.start + lead + (marker ? trimmed.indexOf(marker.marker.slice(-1)) + 1 : 0);
    let s = textStart;
    while (s < line.end && /\s/.test(text[s] ?? '')) s++;
    let e = line.end;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    const node: Section = { marker: marker?.marker ?? '', text: text.slice(s, e), span: [s, e], children: [] };
    if (!marker) {
      const parent = stack.at(-1);
      if (parent && !CLOSING_RE.test(trimmed)) parent.node.children.push(node);
      else {
        roots.push(node);
        stack.length = 0;
      }
      continue;
    }
    const level = stack.findIndex((o) => o.kind === marker.kind);
    if (level >= 0) stack.length = level;
    const parent = stack.at(-1);
    (parent ? parent.node.children : roots).push(node);
    stack.push({ kind: marker.kind, node });
  }
  return roots;
}
