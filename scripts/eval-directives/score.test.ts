/** Scoring: fields right and wrong, references recall and precision on small hand cases, the --min lines. */
import { describe, expect, it } from 'vitest';
import { parseDirective } from '../../src/core/vn-document/index.js';
import type { ExpectedFields } from './corpus.js';
import { textReport } from './report.js';
import { gotFields, linesBelow, scoreCase, summarize, type GotFields } from './score.js';

const expected: ExpectedFields = {
  docType: 'Kế hoạch',
  numberSymbol: '52-KH/TU',
  date: { year: 2025, month: 3, day: 4 },
  issuer: 'Ban Thường vụ Tỉnh ủy',
  subject: 'tuyên truyền Đại hội',
  signer: { authority: 'T/M', title: 'PHÓ BÍ THƯ', name: 'Nguyễn Văn An' },
  references: [
    { docType: 'Chỉ thị', numberSymbol: '45-CT/TW', date: null },
    { docType: 'Hướng dẫn', numberSymbol: '21-HD/BTGDVTW', date: null },
    { docType: 'Nghị định', numberSymbol: '30/2020/NĐ-CP', date: null },
  ],
};
const perfect: GotFields = { ...expected, references: expected.references.map((r) => r.numberSymbol) };
const party = { id: 'p-001-x', convention: 'party' as const, form: 'full' as const, expected };

describe('scoreCase', () => {
  it('a perfect read is right on every field and every reference', () => {
    const s = scoreCase(party, perfect);
    expect(s.misses).toEqual([]);
    expect(Object.values(s.right).every(Boolean)).toBe(true);
    expect(s.refsMissing).toEqual([]);
    expect(s.refsExtra).toEqual([]);
  });

  it('a wrong value is counted wrong and listed as a miss', () => {
    const s = scoreCase(party, { ...perfect, numberSymbol: '52-KH/TƯ', date: { year: 2025, month: 4, day: 3 } });
    expect(s.right.numberSymbol).toBe(false);
    expect(s.right.date).toBe(false);
    expect(s.misses.map((m) => m.field)).toEqual(['numberSymbol', 'date']);
    expect(s.misses[0]).toEqual({ id: 'p-001-x', field: 'numberSymbol', expected: '52-KH/TU', got: '52-KH/TƯ' });
  });

  it('a null expected against a value is wrong (an article timestamp is not the date)', () => {
    const s = scoreCase({ ...party, expected: { ...expected, date: null, signer: null } }, perfect);
    expect(s.right.date).toBe(false);
    expect(s.right['signer.authority']).toBe(false);
    expect(s.right['signer.name']).toBe(false);
  });

  it('no signature expected and none found: the three signer fields are right', () => {
    const s = scoreCase({ ...party, expected: { ...expected, signer: null } }, { ...perfect, signer: null });
    expect([s.right['signer.authority'], s.right['signer.title'], s.right['signer.name']]).toEqual([true, true, true]);
  });

  it('references: matched by number/symbol; missing and extra listed', () => {
    const s = scoreCase(party, { ...perfect, references: ['45-CT/TW', '30/2020/NÐ-CP', '99-CV/TU', '99-CV/TU'] });
    expect(s.refsFound).toEqual(['45-CT/TW', '30/2020/NĐ-CP']);
    expect(s.refsMissing).toEqual(['21-HD/BTGDVTW']);
    expect(s.refsExtra).toEqual(['99-CV/TU']);
  });
});

describe('summarize', () => {
  it('recall and precision over the corpus, per convention and overall', () => {
    const a = scoreCase(party, { ...perfect, references: ['45-CT/TW', '99-CV/TU'] }); // 1 of 3 found, 1 of 2 right
    const stateExpected: ExpectedFields = { ...expected, numberSymbol: '805/KH-SVHTTDL', references: [{ docType: null, numberSymbol: '12/QĐ-UBND', date: null }] };
    const b = scoreCase({ id: 's-001-y', convention: 'state', form: 'news', expected: stateExpected }, { ...perfect, numberSymbol: '805/KH-SVHTTDL', references: ['12/QĐ-UBND'] });
    const sum = summarize([a, b]);
    expect(sum.recall.party).toEqual({ right: 1, total: 3, value: 1 / 3 });
    expect(sum.precision.party).toEqual({ right: 1, total: 2, value: 0.5 });
    expect(sum.recall.state.value).toBe(1);
    expect(sum.recall.overall).toEqual({ right: 2, total: 4, value: 0.5 });
    expect(sum.precision.overall).toEqual({ right: 2, total: 3, value: 2 / 3 });
    expect(sum.cases).toEqual({ party: 1, state: 1, overall: 2 });
    expect(sum.byForm).toEqual({ full: 1, truncated: 0, news: 1, ocr: 0 });
  });

  it('field accuracy and the overall line; --min names the lines below', () => {
    const a = scoreCase(party, { ...perfect, subject: 'khác' });
    const b = scoreCase({ ...party, id: 'p-002-z' }, perfect);
    const sum = summarize([a, b]);
    expect(sum.fields.subject.overall).toEqual({ right: 1, total: 2, value: 0.5 });
    expect(sum.fields.issuer.party.value).toBe(1);
    expect(sum.fields.issuer.state).toEqual({ right: 0, total: 0, value: null });
    expect(sum.overall.overall).toEqual({ right: 15, total: 16, value: 15 / 16 });
    expect(linesBelow(sum, 0.95)).toEqual(['subject party', 'subject overall', 'fields party', 'fields overall']);
    expect(linesBelow(sum, 0.5)).toEqual([]);
    const report = textReport(sum, [a, b]);
    expect(report).toContain('p-001-x');
    expect(report).toMatch(/subject\s+expected "tuyên truyền Đại hội"\s+got "khác"/);
    expect(report).not.toContain('p-002-z');
  });
});

describe('gotFields', () => {
  it('reduces a parse to the scored values; references without a number/symbol are left out', () => {
    const got = gotFields(parseDirective('TỈNH ỦY HẬU GIANG\nSố 52-KH/TU\nHậu Giang, ngày 4 tháng 3 năm 2025\nKẾ HOẠCH\ntuyên truyền Đại hội\nThực hiện Chỉ thị số 45-CT/TW và Nghị quyết Đại hội XIII.'));
    expect(got.numberSymbol).toBe('52-KH/TU');
    expect(got.date).toEqual({ year: 2025, month: 3, day: 4 });
    expect(got.references).toEqual(['45-CT/TW']);
  });
});
