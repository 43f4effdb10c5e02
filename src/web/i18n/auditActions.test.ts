import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditActionLabels, entityTypeLabel } from './auditActions.js';

/** The audit page shows every action and every kind of object in Vietnamese (issue 11, item 8). */
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'web' ? [] : sources(full);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}
const code = sources(src).map((f) => readFileSync(f, 'utf8'));
/** Every quoted `x.y` name on a line that sets `action:`, and every quoted name set as `entityType:`. */
const recordedActions = new Set(code.flatMap((text) => [...text.matchAll(/\baction: [^\n]*/g)].flatMap((line) => [...line[0].matchAll(/'([a-z_]+\.[a-z_]+)'/g)].map((m) => m[1] as string))));
const recordedEntityTypes = new Set(code.flatMap((text) => [...text.matchAll(/\bentityType: '([a-z_]+)'/g)].map((m) => m[1] as string)));
/** Vietnamese: a letter with a diacritic somewhere (every label here has one). */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

describe('audit labels', () => {
  it('finds the recorded actions and kinds of object in the source tree', () => {
    expect(recordedActions.size).toBeGreaterThan(20);
    expect([...recordedEntityTypes]).toEqual(expect.arrayContaining(['unit', 'user', 'directive', 'consultation']));
  });

  it('has a Vietnamese label for every action the code records', () => {
    for (const action of recordedActions) {
      expect(auditActionLabel(action), action).not.toBe(action);
      expect(auditActionLabel(action), action).toMatch(VIETNAMESE);
    }
    for (const label of Object.values(auditActionLabels)) expect(label).toMatch(VIETNAMESE);
  });

  it('has a Vietnamese label for every kind of object the code records', () => {
    for (const type of recordedEntityTypes) {
      expect(entityTypeLabel(type), type).not.toBe(type);
      expect(entityTypeLabel(type), type).toMatch(VIETNAMESE);
    }
  });
});
