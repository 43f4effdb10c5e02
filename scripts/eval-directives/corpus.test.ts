/**
 * The directive corpus is well formed: every case has both files, valid keys, a known DocType,
 * canonical numbers/symbols and an id equal to its file name (test/fixtures/directives-corpus/README.md).
 * The checks themselves are tested on broken cases first, so that they can fail.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseProblems, isCanonicalSymbol, listCaseFiles, loadCorpus } from './corpus.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.join(ROOT, 'test/fixtures/directives-corpus');
const SAMPLE = path.join(ROOT, 'test/fixtures/directives-corpus-sample');

const good = JSON.parse(readFileSync(path.join(SAMPLE, 'p-001-sample-party-cv.json'), 'utf8')) as Record<string, unknown> & { expected: Record<string, unknown> };
const withExpected = (patch: Record<string, unknown>) => ({ ...good, expected: { ...good.expected, ...patch } });

describe('case checks', () => {
  it('accept a good case', () => {
    expect(caseProblems(good, 'p-001-sample-party-cv')).toEqual([]);
  });

  it('refuse an id that differs from the file name, unknown or missing keys', () => {
    expect(caseProblems(good, 'p-002-other')).toEqual([expect.stringContaining('differs from the file name')]);
    expect(caseProblems({ ...good, url: 'x' }, good.id as string)).toEqual(['case: unknown key "url"']);
    const { hard: _hard, ...noHard } = good;
    expect(caseProblems(noHard, good.id as string)).toContain('case: missing key "hard"');
    expect(caseProblems(withExpected({ signer: { authority: 'T/M', title: 'X', name: 'Y', body: 'Z' } }), good.id as string)).toEqual(['expected.signer: unknown key "body"']);
  });

  it('refuse an unknown DocType, a non-canonical number/symbol, a bad date, a duplicated or self reference', () => {
    expect(caseProblems(withExpected({ docType: 'Công Văn' }), good.id as string)).toEqual(['expected.docType: unknown docType "Công Văn"']);
    for (const bad of ['15 - HD/BTGTU', '15–HD/BTGTU', 'Số 15-HD/BTGTU', '805/KH - SVHTTDL', '15-HD/btgtu', '15-HD', '15-HD/', '15-HD//TU', '15-HD/BTGTU.']) {
      expect(caseProblems(withExpected({ numberSymbol: bad }), good.id as string)).toHaveLength(1);
    }
    expect(caseProblems(withExpected({ date: { year: 2023, month: 13, day: 1 } }), good.id as string)).toEqual(['expected.date: year/month/day out of range']);
    const ref = { docType: null, numberSymbol: '45-CT/TW', date: null };
    expect(caseProblems(withExpected({ references: [ref, ref] }), good.id as string)).toEqual(['expected.references[1]: 45-CT/TW listed twice']);
    expect(caseProblems(withExpected({ references: [{ ...ref, numberSymbol: '15-HD/BTGTU' }] }), good.id as string)).toEqual(['expected.references[0]: the document itself']);
  });

  it('know the canonical shapes of the README', () => {
    for (const s of ['52-KH/TU', '-CV/ĐU', '805/KH-SVHTTDL', '/UBND-VX', '30/2020/NĐ-CP', '01/2015/TTLT-BNV-BTC', '45/2019/QH14', '1909/QĐ-TTg', '12-QĐi/TW', '310/SVHTTDL-VP', '-/ĐU', '30c/NQ-CP', '01/QCPH/UBND-UBMTTQ', '47/2011/TTLT/BGDĐT-BNV']) {
      expect(isCanonicalSymbol(s), s).toBe(true);
    }
  });
});

describe('the directive corpus', () => {
  const { ids, unpaired } = listCaseFiles(CORPUS);

  it('every case has its .txt and its .json', () => {
    expect(unpaired).toEqual([]);
  });

  it.each(ids.length > 0 ? ids : ['(no case yet)'])('%s is a valid case', (id) => {
    if (ids.length === 0) return;
    const raw = JSON.parse(readFileSync(path.join(CORPUS, `${id}.json`), 'utf8')) as Record<string, unknown>;
    expect(caseProblems(raw, id)).toEqual([]);
    expect(id).toMatch(/^[ps]-\d{3}-[a-z0-9][a-z0-9-]*$/);
    expect(id.startsWith('p-') ? 'party' : 'state').toBe(raw.convention);
    expect(raw.issuedYear).toBeGreaterThanOrEqual(2010);
    expect(raw.issuedYear).toBeLessThanOrEqual(2026);
    expect(readFileSync(path.join(CORPUS, `${id}.txt`), 'utf8').trim()).not.toBe('');
  });

  it('ids are unique across the corpus (numbers included)', () => {
    const numbers = ids.map((id) => id.slice(0, 5));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('the sample corpus of the script loads', () => {
    expect(loadCorpus([SAMPLE]).map((c) => c.id)).toEqual(['p-001-sample-party-cv', 's-001-sample-state-news', 's-002-sample-state-cv']);
  });
});
