import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No import cycles in src/: the relative imports (type-only ones too — a cycle of types is a cycle
 * of meaning) form a graph without any cycle. Each cycle found is listed file by file.
 */

const src = path.dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The files of `files` that `file` imports with a relative specifier (`./x.js` → `./x.ts` or `./x.tsx`). */
function relativeImports(file: string, text: string, files: Set<string>): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles
    .map((i) => i.fileName)
    .filter((spec) => spec.startsWith('./') || spec.startsWith('../'))
    .map((spec) => path.resolve(path.dirname(file), spec))
    .flatMap((target) => [target, target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.tsx'), `${target}.ts`, path.join(target, 'index.ts')].filter((f) => files.has(f)).slice(0, 1));
}

export function importGraph(files: Map<string, string>): Map<string, string[]> {
  const known = new Set(files.keys());
  return new Map([...files].map(([file, text]) => [file, relativeImports(file, text, known)]));
}

/** Strongly connected components of more than one file (or a file importing itself): Tarjan's algorithm. */
export function importCycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file) ?? 0, index.get(target) ?? 0));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      onStack.delete(top);
      component.push(top);
      if (top === file) break;
    }
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

describe('import cycles', () => {
  it('finds a cycle of two files and one through three, and none in a chain', () => {
    const files = new Map([
      ['/s/a.ts', "import { b } from './b.js';"],
      ['/s/b.ts', "import type { A } from './a.js';"],
      ['/s/c.ts', "import { d } from './d/index.js';"],
      ['/s/d/index.ts', "export { e } from '../e.js';"],
      ['/s/e.ts', "import { c } from './c.js';"],
      ['/s/f.ts', "import { a } from './a.js'; import x from 'zod';"],
    ]);
    expect(importCycles(importGraph(files))).toEqual([
      ['/s/a.ts', '/s/b.ts'],
      ['/s/c.ts', '/s/d/index.ts', '/s/e.ts'],
    ]);
    expect(importCycles(importGraph(new Map([['/s/a.ts', "import { b } from './b.js';"], ['/s/b.ts', '']])))).toEqual([]);
  });

  it('has none in src/', () => {
    const files = new Map(sourceFiles(src).map((file) => [file, readFileSync(file, 'utf8')]));
    const cycles = importCycles(importGraph(files)).map((cycle) => cycle.map((file) => path.relative(src, file)).join(' ↔ '));
    expect(cycles).toEqual([]);
  });
});
