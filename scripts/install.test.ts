import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npm ci` on the oldest Node the README promises prints no EBADENGINE warning and no
 * "install scripts not yet covered by allowScripts" warning: every locked package accepts that Node,
 * and every package with an install script is explicitly allowed or denied in package.json.
 */
const semver = createRequire(import.meta.url)('semver') as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
};
const root = path.resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; hasInstallScript?: boolean }>;
};
const packageName = (key: string) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);

describe('installation on the promised Node', () => {
  const oldest = semver.minVersion(manifest.engines.node)?.version ?? '';

  it('every locked package accepts the oldest Node the README promises', () => {
    expect(oldest).toBe('20.19.0');
    const refusing = Object.entries(lock.packages)
      .filter(([key, p]) => key !== '' && !Array.isArray(p.engines) && p.engines?.node && !semver.satisfies(oldest, p.engines.node))
      .map(([key, p]) => `${packageName(key)}@${p.version} needs node ${(p.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });

  it('every package with an install script is explicitly allowed or denied (allowScripts)', () => {
    const unreviewed = Object.entries(lock.packages)
      .filter(([key, p]) => key !== '' && p.hasInstallScript && manifest.allowScripts?.[packageName(key)] === undefined)
      .map(([key]) => packageName(key));
    expect(unreviewed).toEqual([]);
  });
});
