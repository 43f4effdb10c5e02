import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { asCliError, EXIT } from '../../../platform/cli/runtime.js';
import { addProposeCommand } from './propose.js';

const seed003 = new URL('../../../../test/fixtures/directives/003_eaac9b6472a047a3.txt', import.meta.url).pathname;

/** Runs `campaigns <args>` on a throwaway command group; returns what it printed. */
async function run(...args: string[]): Promise<string> {
  const campaigns = new Command('campaigns').exitOverride();
  addProposeCommand(campaigns);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await campaigns.parseAsync(args, { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe('lantoa campaigns propose', () => {
  it('--json prints exactly one object in the issue\'s contract', async () => {
    const out = await run('propose', seed003, '--json');
    expect(out.trim().split('\n')).toHaveLength(1);
    const json = JSON.parse(out) as Record<string, unknown[]>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['phases', 'themes', 'channels', 'assignments']));
    expect(json.phases).toHaveLength(3);
    expect(json.phases?.[0]).toEqual(expect.objectContaining({ title: expect.stringMatching(/^Đợt 1/), starts: { kind: 'text', text: 'Từ nay' } }));
    expect(json.phases?.[2]).toEqual(expect.objectContaining({ ends: null }));
    expect(json.themes?.[0]).toEqual(expect.objectContaining({ phase: 0, title: expect.any(String) }));
    expect(json.assignments).toContainEqual(
      expect.objectContaining({ units: ['UBND các xã, phường'], lead: null, coordinating: [], text: expect.stringContaining('truyền thanh cơ sở'), deadline: null }),
    );
    expect(json.channels).toContainEqual(expect.objectContaining({ channel: 'visual_displays' }));
  });

  it('without --json prints a readable Vietnamese summary', async () => {
    const out = await run('propose', seed003);
    expect(out).toContain('Đợt (3):');
    expect(out).toContain('sau Đại hội Đảng bộ tỉnh lần thứ XV');
    expect(out).toContain('Nội dung tuyên truyền (27):');
    expect(out).toContain('Cổ động trực quan (pano, áp phích, băng rôn, màn hình LED)');
    expect(out).toContain('UBND các xã, phường (nhóm đơn vị)');
  });

  it('a missing file is a usage error (exit 2)', async () => {
    const error = await run('propose', '/nonexistent/plan.txt').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(asCliError(error).exitCode).toBe(EXIT.usage);
    expect(asCliError(error).message).toContain('tệp không tồn tại');
  });

  it('an empty or unreadable file is a usage error too (exit 2), with the reason in Vietnamese', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lantoa-propose-'));
    const empty = path.join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const broken = path.join(dir, 'broken.docx');
    writeFileSync(broken, 'not a zip');
    for (const file of [empty, broken]) {
      const error = await run('propose', file).then(
        () => null,
        (e: unknown) => e,
      );
      expect(asCliError(error).exitCode, file).toBe(EXIT.usage);
      expect(asCliError(error).message).toMatch(/^Lỗi \(VALIDATION_FAILED\): \S.*[^\x20-\x7E]/u);
    }
    rmSync(dir, { recursive: true });
  });
});
