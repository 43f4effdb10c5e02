import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { letOthersTraverse } from './embedded.js';

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

describe('letOthersTraverse', () => {
  it('lets others pass through every closed parent (as in a checkout under mktemp -d), without letting them list it', async () => {
    const top = await mkdtemp(path.join(os.tmpdir(), 'lantoa-traverse-'));
    made.push(top);
    const inner = path.join(top, 'c', 'node_modules');
    await mkdir(inner, { recursive: true });
    await chmod(top, 0o700);
    await chmod(path.join(top, 'c'), 0o750);
    const said: string[] = [];
    await letOthersTraverse(path.join(inner, 'embedded-postgres'), (m) => said.push(m));
    expect((await stat(top)).mode & 0o777).toBe(0o701);
    expect((await stat(path.join(top, 'c'))).mode & 0o777).toBe(0o751);
    expect(said).toEqual([expect.stringContaining(path.join(top, 'c')), expect.stringContaining(top)]);
    // A second call finds nothing left to open.
    said.length = 0;
    await letOthersTraverse(path.join(inner, 'embedded-postgres'), (m) => said.push(m));
    expect(said).toEqual([]);
  });
});
