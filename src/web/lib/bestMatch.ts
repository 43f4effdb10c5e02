import { foldQuery } from './fold.js';

/** A choice a picker can match typed text against: its code, name and abbreviation. */
export interface MatchCandidate {
  id: number;
  code: string;
  name: string;
  abbreviation?: string | null;
  disabled?: boolean;
}

/**
 * How well `query` (already folded) names a candidate: 0 the code, name or abbreviation itself;
 * 1 the name starts with it; 2 a word of the name starts with it; 3 it appears in the code, name or
 * abbreviation; null not at all.
 */
function rank(c: MatchCandidate, query: string): number | null {
  const name = foldQuery(c.name);
  const code = foldQuery(c.code);
  const abbreviation = foldQuery(c.abbreviation ?? '');
  if (name === query || code === query || (abbreviation !== '' && abbreviation === query)) return 0;
  if (name.startsWith(query)) return 1;
  if (` ${name}`.includes(` ${query}`)) return 2;
  if (name.includes(query) || code.includes(query) || (abbreviation !== '' && abbreviation.includes(query))) return 3;
  return null;
}

/**
 * The choice Enter should take for what was typed in a unit picker: the best-ranked enabled
 * candidate, then the shortest name (the closest), then the first in the given (tree) order —
 * never a parent shown only as the context of its matching children. Null when nothing matches.
 */
export function bestMatch(candidates: readonly MatchCandidate[], typed: string): number | null {
  const query = foldQuery(typed);
  if (query === '') return null;
  let best: { id: number; rank: number; length: number } | null = null;
  for (const c of candidates) {
    if (c.disabled) continue;
    const r = rank(c, query);
    if (r === null) continue;
    if (!best || r < best.rank || (r === best.rank && c.name.length < best.length)) best = { id: c.id, rank: r, length: c.name.length };
  }
  return best?.id ?? null;
}
