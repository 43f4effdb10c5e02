/**
 * Where LibreOffice is installed, the produced DOCX is converted to PDF and its pages must be A4
 * (595.3 × 841.9 pt). Without LibreOffice the test is skipped with a message.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { partyCongVan, stateKeHoach } from '../../../test/fixtures/official-layout/drafts.js';
import { renderOfficialDocx } from './index.js';

const run = promisify(execFile);

function findOnPath(names: string[]): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

const soffice = findOnPath(['soffice', 'libreoffice']);
if (!soffice) {
  console.log('LibreOffice is not installed (no soffice or libreoffice on PATH): skipping the DOCX → PDF A4 page-size check.');
}

/** Every page's MediaBox as [width, height] in points. */
function mediaBoxes(pdf: string): [number, number][] {
  return [...pdf.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe('official layout through LibreOffice', () => {
  it.skipIf(!soffice)(
    'converts the Party công văn and the State kế hoạch to A4 PDF pages',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'lantoa-official-layout-'));
      try {
        const files = [join(dir, 'party-cong-van.docx'), join(dir, 'state-ke-hoach.docx')];
        await writeFile(files[0] ?? '', await renderOfficialDocx(partyCongVan, partyCongVan.body));
        await writeFile(files[1] ?? '', await renderOfficialDocx(stateKeHoach, stateKeHoach.body));
        const profile = pathToFileURL(join(dir, 'profile')).href;
        await run(soffice ?? 'soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
          timeout: 120_000,
        });
        for (const name of ['party-cong-van.pdf', 'state-ke-hoach.pdf']) {
          const pdf = (await readFile(join(dir, name))).toString('latin1');
          expect(pdf.startsWith('%PDF-')).toBe(true);
          const boxes = mediaBoxes(pdf);
          expect(boxes.length).toBeGreaterThan(0);
          for (const [w, h] of boxes) {
            expect(Math.floor(w)).toBe(595);
            expect(Math.floor(h)).toBe(841);
          }
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    150_000,
  );
});
