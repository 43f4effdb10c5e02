import type { components } from '../../api/schema.js';

/** What the public form's reader shows of a draft (pure: unit-tested). */

export type Section = components['schemas']['PublicDocumentText']['sections'][number];

/** The section `ref` and everything under it (all of the text when `ref` is null), in order. */
export function sectionWithDescendants(sections: readonly Section[], ref: string | null): Section[] {
  if (ref === null) return [...sections];
  const inside = new Set([ref]);
  return sections.filter((s) => {
    if (s.ref === ref || (s.parentRef !== null && inside.has(s.parentRef))) {
      inside.add(s.ref);
      return true;
    }
    return false;
  });
}

/** "I.1. Về đảng viên": a numbered section's reference before its heading, as the section picker shows it. */
export const numbered = (s: Section, text: string) => (/(^|\.)p\d+(-\d+)?$/.test(s.ref) ? text : `${s.ref}. ${text}`);

