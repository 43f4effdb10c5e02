import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderSchema, schemaFile } from './generate-api-client.js';

describe('generated API client', () => {
  it('is up to date with the server’s OpenAPI document (run `npm run api:client` if not)', async () => {
    expect(await readFile(schemaFile, 'utf8')).toBe(await renderSchema());
  }, 30_000);
});
