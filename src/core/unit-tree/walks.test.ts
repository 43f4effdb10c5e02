import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The unit tree is walked in core/unit-tree only: a module's recursive CTE whose body reads `units`
 * and `parent_id` is a walk of its own and fails here. (platform keeps its own walks in
 * access/scope.ts and audit/audit.ts: platform may not import core.)
 */
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The body of the parenthesis opening at `open`. */
function body(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

/** Names of the CTEs written out literally in the `with recursive` lists of `text` that walk `units.parent_id`. */
function ownTreeWalks(text: string): string[] {
  const walks: string[] = [];
  const cte = /^\s*(\w+)\s*(\([^()]*\))?\s*as\s*(\()/i;
  for (const match of text.matchAll(/with\s+recursive\b/gi)) {
    let at = (match.index ?? 0) + match[0].length;
    for (;;) {
      const m = cte.exec(text.slice(at));
      if (!m || !m[1] || m[3] === undefined) break;
      const open = at + m[0].length - 1;
      const inner = body(text, open);
      if (/\bunits\b/.test(inner) && /\bparent_id\b/.test(inner)) walks.push(m[1]);
      at = open + inner.length + 2;
      const next = /^\s*,/.exec(text.slice(at));
      if (!next) break;
      at += next[0].length;
    }
  }
  return walks;
}

describe('the unit tree is walked in core/unit-tree only', () => {
  it('finds a walk written out in SQL, and not a fragment or a walk over another table', () => {
    expect(ownTreeWalks('with recursive sub(id) as (select 1 union select c.id from units c join sub on c.parent_id = sub.id) select id from sub')).toEqual(['sub']);
    expect(ownTreeWalks('with recursive seen as (select id from units), up(id) as (select parent_id from units where id in (select id from seen)) select 1')).toEqual(['up']);
    expect(ownTreeWalks('with recursive ${subtreeCte("sub", roots)} select id from sub')).toEqual([]);
    expect(ownTreeWalks('with recursive chain(id) as (select id from picks union all select p.id from picks p join chain on p.parent_id = chain.id) select 1')).toEqual([]);
  });

  it('no module has a recursive CTE of its own over units.parent_id', () => {
    const found = files(path.join(src, 'modules')).flatMap((file) => ownTreeWalks(readFileSync(file, 'utf8')).map((name) => `${path.relative(src, file)}: ${name}`));
    expect(found).toEqual([]);
  });
});
