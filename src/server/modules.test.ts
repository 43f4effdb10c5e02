import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import drizzleConfig from '../../drizzle.config.js';
import { auditActionGroups, periodReportAuditActions, platformAuditActions } from '../shared/audit-actions.js';
import { modules } from './modules.js';

/** "Adding a module is: create its folder, list it once" (issue 10), checked on the tree itself. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const src = path.join(root, 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}
const sources = (dir: string) => filesUnder(dir).filter((f) => /\.tsx?$/.test(f) && !/\.test\.ts$/.test(f));
const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');

/** A drizzle-kit schema glob (`*`, `**`) as a regular expression over paths relative to the root. */
function globRegex(glob: string): RegExp {
  const body = glob
    .replace(/^\.\//, '')
    .split(/(\*\*\/|\*)/)
    .map((part) => (part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}

describe('the module list', () => {
  const folders = readdirSync(path.join(src, 'modules')).filter((name) => statSync(path.join(src, 'modules', name)).isDirectory());

  it('holds every module folder once, each with its module.ts manifest named after the folder', () => {
    expect(modules.map((m) => m.name).sort()).toEqual([...folders].sort());
    for (const folder of folders) expect(statSync(path.join(src, 'modules', folder, 'module.ts')).isFile(), folder).toBe(true);
  });

  it('is the only place that imports a manifest (besides tests)', () => {
    const importers = [...sources(src), ...sources(path.join(root, 'test'))]
      .filter((file) => /from '[^']*modules\/[^/']+\/module\.js'/.test(readFileSync(file, 'utf8')))
      .map(rel);
    expect(importers).toEqual(['src/server/modules.ts']);
  });

  it('gives each module a route plugin under /api/v1 and unique job names', () => {
    for (const m of modules) for (const r of m.routes) expect(r.prefix, m.name).toMatch(/^\/api\/v1/);
    const config = { contactRetentionDays: 365 } as Parameters<(typeof modules)[number]['jobs']>[0];
    const names = modules.flatMap((m) => m.jobs(config).map((j) => j.name));
    expect(new Set(names).size).toBe(names.length);
    for (const m of modules) for (const job of m.jobs(config)) expect(job.name.startsWith(`${m.name}.`), job.name).toBe(true);
  });
});

describe('audit actions come from the manifests, their labels from src/shared', () => {
  /** Audit actions a file records: every quoted `x.y` name on a line that sets `action:`. */
  const recorded = (files: string[]) =>
    new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\baction: [^\n]*/g)].flatMap((line) => [...line[0].matchAll(/'([a-z_]+\.[a-z_]+)'/g)].map((m) => m[1] as string))));

  it('lists in each manifest exactly the actions its module records', () => {
    for (const m of modules) {
      const files = sources(path.join(src, 'modules', m.name));
      expect([...recorded(files)].sort(), m.name).toEqual(Object.keys(m.auditActions).sort());
    }
  });

  it('has platform’s and core’s own groups for what they record, and every group belongs to platform, core or one manifest', () => {
    expect([...recorded(sources(path.join(src, 'platform')))].sort()).toEqual(Object.keys(platformAuditActions).sort());
    expect([...recorded(sources(path.join(src, 'core')))].sort()).toEqual(Object.keys(periodReportAuditActions).sort());
    const owners = [platformAuditActions, periodReportAuditActions, ...modules.map((m) => m.auditActions)];
    for (const group of auditActionGroups) expect(owners.filter((o) => o === group)).toHaveLength(1);
    expect(auditActionGroups).toHaveLength(owners.length);
  });
});

describe('tables are found by folder (drizzle.config.ts), not by a registry', () => {
  it('covers every file that defines a table, and platform’s schema index names no module', () => {
    const globs = [drizzleConfig.schema ?? []].flat().map(globRegex);
    const tableFiles = sources(src).filter((f) => /\bpgTable\(/.test(readFileSync(f, 'utf8'))).map(rel);
    expect(tableFiles).toEqual(expect.arrayContaining(['src/modules/consultation/tables.ts', 'src/modules/directives/tables.ts', 'src/platform/db/schema/org.ts']));
    for (const file of tableFiles) expect(globs.some((g) => g.test(file)), file).toBe(true);
    expect(readFileSync(path.join(src, 'platform/db/schema/index.ts'), 'utf8')).not.toMatch(/modules|core/);
  });

  it('finds a new module’s tables.ts and a core capability’s without any edit', () => {
    const globs = [drizzleConfig.schema ?? []].flat().map(globRegex);
    for (const file of ['src/modules/campaigns/tables.ts', 'src/modules/contests/tables/attempts.ts', 'src/core/period-reports/tables.ts']) {
      expect(globs.some((g) => g.test(file)), file).toBe(true);
    }
  });
});
