import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWebRoot } from './app.js';

describe('the composition root', () => {
  it('serves the built web app from dist/web at the repository root, wherever app.ts lives', () => {
    // vitest runs at the repository root.
    expect(path.relative(process.cwd(), defaultWebRoot)).toBe(path.join('dist', 'web'));
  });
});
