import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Repositories own SQL: in src/modules, only repository files (`repository.ts`,
 * `repository-*.ts`, `<capability>-repository.ts`) and drizzle table files (`tables.ts`) may run
 * a statement (`db|tx|client.select/insert/update/delete/execute(…)`, the receiver and the call may
 * be on different lines) or write a `sql` template. Operations keep their transactions
 * (`db.transaction(…)`) and pass `tx` to repository functions. Each offence is listed as file:line.
 */

const modulesDir = path.dirname(fileURLToPath(import.meta.url));

/** A drizzle or pg statement on a connection, a transaction or a client. */
const STATEMENT = /\b(?:db|tx|trx|client|conn)\s*\.\s*(?:select|selectDistinct|selectDistinctOn|insert|update|delete|execute|query)\s*\(/g;
/** A `sql` template (with or without a result type) or one of drizzle's `sql.raw/join/identifier`. */
const SQL_TEMPLATE = /\bsql\s*(?:<[^`;]*?>)?\s*`|\bsql\.(?:raw|join|identifier)\s*\(/g;

/** Comments replaced by blanks, line breaks kept, so that a match's offset still gives its line. */
export function withoutComments(text: string): string {
  const blank = (s: string): string => s.replace(/[^\n]/g, ' ');
  return text.replace(/\/\*[\s\S]*?\*\//g, blank).replace(/(^|\s)\/\/[^\n]*/g, blank);
}

/** Lines (1-based) of `text` that run SQL: a statement's receiver, a template's `sql`. */
export function sqlLines(text: string): number[] {
  const code = withoutComments(text);
  const lines = new Set<number>();
  for (const pattern of [STATEMENT, SQL_TEMPLATE]) {
    for (const match of code.matchAll(pattern)) lines.add(code.slice(0, match.index).split('\n').length);
  }
  return [...lines].sort((a, b) => a - b);
}

/** Files that may hold SQL: repository files and drizzle tables. Tests are not scanned. */
export function isExempt(file: string): boolean {
  const name = path.basename(file);
  return name.endsWith('.test.ts') || name === 'tables.ts' || /(^|-)repository(-[\w-]+)?\.ts$/.test(name);
}

function moduleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return moduleFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

describe('the SQL finder', () => {
  it('finds statements (a chained one on the line of its receiver) and sql templates', () => {
    const text = [
      'const a = await db.select().from(units);',
      'await tx',
      '  .insert(users)',
      '  .values(row);',
      "const b = await client.execute(sql`select 1`);",
      'const c = sql<number>`count(*)::int`;',
      'await tx.delete(roleGrants).where(eq(roleGrants.id, id));',
      'await tx.update(users).set({ at: now });',
    ].join('\n');
    expect(sqlLines(text)).toEqual([1, 2, 5, 6, 7, 8]);
  });

  it('ignores maps, route registrations, progress bars, transactions and comments', () => {
    const text = [
      'byCode.delete(code);',
      "r.delete('/users/:id', handler);",
      'bar.update(p.bytesRead, payload);',
      'return db.transaction(async (tx) => work(tx));',
      '// db.select() is in the repository',
      '/* tx.insert(users) */',
      "const url = 'https://example.vn/sql';",
      'const sqlText = mySql(query);',
    ].join('\n');
    expect(sqlLines(text)).toEqual([]);
  });

  it('exempts repository files, tables and tests only', () => {
    expect(['repository.ts', 'repository-demo.ts', 'extension-repository.ts', 'reference-repository.ts', 'tables.ts', 'x.test.ts'].map(isExempt)).toEqual([true, true, true, true, true, true]);
    expect(['history.ts', 'load-demo.ts', 'repositoryish.ts', 'drafts.ts'].map(isExempt)).toEqual([false, false, false, false]);
  });
});

describe('src/modules', () => {
  it('runs SQL only in repository files', () => {
    const offences = moduleFiles(modulesDir)
      .filter((file) => !isExempt(file))
      .flatMap((file) => sqlLines(readFileSync(file, 'utf8')).map((line) => `${path.relative(modulesDir, file)}:${line}`));
    expect(offences).toEqual([]);
  });
});
