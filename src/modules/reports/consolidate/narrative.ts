/**
 * The narrative a receiving unit starts from (pure): for each outline section, its children's texts
 * grouped by section then by child, split into sentences, identical sentences (same platform/vn
 * `dedupKey`: tone style, case, punctuation and spacing aside) merged into one entry that lists every
 * unit that wrote it. The unit edits it before it submits upward.
 */
import { dedupKey } from '../../../platform/vn/index.js';
import type { NarrativeSection } from '../types.js';

export interface ChildNarrative {
  /** The unit's name, as the entry lists it. */
  name: string;
  /** One text per outline section (same order as the outline). */
  narrative: readonly string[];
}

/** Sentences of a text: split after . ! ? … and at line breaks; list markers dropped. */
export function splitSentences(text: string): string[] {
  return text
    .split(/\r?\n|(?<=[.!?…])\s+/)
    .map((s) => s.replace(/^\s*(?:[-–•*+]|\d+[.)])\s+/, '').trim())
    .filter((s) => dedupKey(s) !== '');
}

/** The drafted narrative of a consolidation, one section per outline title. */
export function draftNarrative(outline: readonly string[], children: readonly ChildNarrative[]): NarrativeSection[] {
  return outline.map((title, index) => {
    const entries: NarrativeSection['entries'] = [];
    const byKey = new Map<string, NarrativeSection['entries'][number]>();
    for (const child of children) {
      for (const sentence of splitSentences(child.narrative[index] ?? '')) {
        const key = dedupKey(sentence);
        const seen = byKey.get(key);
        if (seen) {
          if (!seen.units.includes(child.name)) seen.units.push(child.name);
          continue;
        }
        const entry = { text: sentence, units: [child.name] };
        byKey.set(key, entry);
        entries.push(entry);
      }
    }
    return { title, entries };
  });
}

/** A drafted section as the text a unit edits: each sentence followed by its units in brackets. */
export function narrativeText(section: NarrativeSection): string {
  return section.entries.map((e) => `- ${e.text} (${e.units.join(', ')})`).join('\n');
}
