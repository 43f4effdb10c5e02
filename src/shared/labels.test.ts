import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels, contributorGroups, stances } from '../modules/consultation/tables.js';
import { unitKinds } from '../platform/db/schema/org.js';
import { channelLabels, contributorGroupLabels, indicatorTypeLabels, reportStatusLabels, stanceLabels, unitKindLabels } from './labels.js';
import { indicatorTypes } from './report-form.js';

const src = path.resolve(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

const tables = { unitKindLabels, channelLabels, contributorGroupLabels, stanceLabels, reportStatusLabels };
/** Words too common to stand for a copy of a table ("Khác", "Thư" appear in other sentences). */
const common = new Set(['Khác', 'Thư']);
/** The same words meaning something else: an account's e-mail field, the expansion of "UBND" in unit matching. */
const otherMeaning: Record<string, string[]> = {
  'web/features/auth/CreateUserModal.tsx': ['Thư điện tử'],
  'web/features/auth/EditUserDrawer.tsx': ['Thư điện tử'],
  'web/routes/ProfilePage.tsx': ['Thư điện tử'],
  'web/i18n/auditActions.ts': ['Thư điện tử'],
  'core/unit-match/match-units.ts': ['Ủy ban nhân dân'],
};

describe('shared labels', () => {
  it('label exactly the values the database knows', () => {
    expect(Object.keys(unitKindLabels).sort()).toEqual([...unitKinds].sort());
    expect(Object.keys(channelLabels).sort()).toEqual([...channels].sort());
    expect(Object.keys(contributorGroupLabels).sort()).toEqual([...contributorGroups].sort());
    expect(Object.keys(stanceLabels).sort()).toEqual([...stances].sort());
    expect(Object.keys(indicatorTypeLabels).sort()).toEqual([...indicatorTypes].sort());
  });

  it('exist once: no other file in src writes one of these labels as a string', () => {
    const labels = Object.values(tables).flatMap((table) => Object.values(table) as string[]).filter((label) => !common.has(label));
    const escaped = labels.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    // A whole string literal ('…', `…`) or a JSX attribute (="…"); a label quoted inside a sentence is not a copy.
    const quoted = new RegExp(`(?:'(${escaped})'|\`(${escaped})\`|="(${escaped})")`, 'u');
    const copies = files(src)
      .filter((file) => !file.startsWith(path.join(src, 'shared') + path.sep))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${path.relative(src, file)}:${i + 1}` }))
          .filter(({ line }) => !/^\s*(\*|\/\/|\/\*)/.test(line))
          .filter(({ line }) => {
            const m = quoted.exec(line);
            return m !== null && !(otherMeaning[path.relative(src, file)] ?? []).includes(m[1] ?? m[2] ?? m[3] ?? '');
          })
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(copies).toEqual([]);
  });

  it('are used by the server’s exports and the web pages alike, and import nothing', () => {
    for (const user of ['modules/org/unit-kinds.ts', 'modules/consultation/report/labels.ts', 'web/i18n/unitKinds.ts', 'web/i18n/consultation.ts', 'web/i18n/consultation-report.ts']) {
      expect(readFileSync(path.join(src, user), 'utf8'), user).toMatch(/from '(\.\.\/)+shared\/labels\.js'/);
    }
    for (const file of files(path.join(src, 'shared'))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/^\s*import\s/m);
    }
  });
});
