/** `lantoa directives parse SCAN.pdf`: progress on stderr, exactly one JSON object on stdout. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../../../..');
const run = promisify(execFile);

describe('lantoa directives parse on a scanned PDF', () => {
  it('prints the progress of the OCR on stderr and only the JSON on stdout', async () => {
    const file = 'test/fixtures/directives/scanned/004_a0fd7ee58ac0dcea.pdf';
    const { stdout, stderr } = await run('node', ['--import', 'tsx', 'src/cli/main.ts', 'directives', 'parse', file, '--json'], { cwd: repo });
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toMatchObject({ numberSymbol: '-CV/ĐU', signer: { name: 'Tổng Thanh Hải' } });
    expect(stderr).toContain('Đang nhận dạng trang 1/2…');
    expect(stderr).toContain('Đang nhận dạng trang 2/2…');
    expect(stderr).toContain('Đã nhận dạng xong 2 trang.');
  }, 120_000);

  it('prints only the JSON on stdout for a PDF with a text layer (pdf.js warnings go to stderr)', async () => {
    const { stdout } = await run('node', ['--import', 'tsx', 'src/cli/main.ts', 'directives', 'parse', 'test/fixtures/directives/text-layer.pdf', '--json'], { cwd: repo });
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toHaveProperty('references');
  }, 60_000);
});
