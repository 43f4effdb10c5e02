/**
 * The four seed documents (copies of ../shared/mission/seeds in test/fixtures/directives), every
 * field checked against values read by hand from the seed text.
 *
 * Decisions recorded here:
 * - A blank number keeps the symbol: Party "-CV/ĐUVP", State "/VHTTDL-TTBCXB"; number null.
 * - The subject is the trích yếu without its "V/v" label.
 * - When the header lost the issuer (001, 004: only the Party star is left; 002: the State header
 *   keeps only the national motto; 003: no header at all), the issuer is the body that speaks in the
 *   opening of the body ("Đảng ủy Văn phòng UBND tỉnh yêu cầu …", "Sở Văn hóa, Thể thao và Du lịch
 *   ban hành Kế hoạch …"). For 004 that is "Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh", which also
 *   matches the signature "T/M BAN THƯỜNG VỤ".
 * - Seed 003 has no number and no header: its convention is read from the signature ("KT." is the
 *   State form, "T/M" the Party form).
 * - "Nơi nhận" keeps every line, "Như trên" and "Lưu …" included, without list dashes, end
 *   punctuation and report marks such as "(b/c)".
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseDirective, toParseJson, type ParseJson } from './index.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/directives');
const SEEDS = {
  s001: path.join(FIXTURES, '001_b52a71c16220c3a6.txt'),
  s002: path.join(FIXTURES, '002_79b257661b1d036b.txt'),
  s003: path.join(FIXTURES, '003_eaac9b6472a047a3.txt'),
  s004: path.join(FIXTURES, '004_a0fd7ee58ac0dcea.txt'),
};
const parseSeed = (file: string) => toParseJson(parseDirective(readFileSync(file, 'utf8')));
const refsOf = (j: ParseJson) => j.references.map(({ numberSymbol, docType, date, issuer, relation }) => ({ numberSymbol, docType, date, issuer, relation }));
const d = (year: number, month: number | null, day: number | null) => ({ year, month, day });

const expected: Record<keyof typeof SEEDS, Omit<ParseJson, 'sections' | 'spans' | 'footnotes' | 'warnings'> & { top: string[] }> = {
  s001: {
    docType: 'Công văn',
    convention: 'party',
    numberSymbol: '-CV/ĐUVP',
    number: null,
    issuer: 'Đảng ủy Văn phòng UBND tỉnh',
    place: 'Sơn La',
    date: d(2026, 1, null),
    subject: 'triển khai đợt cao điểm tuyên truyền Đại hội XIV của Đảng',
    recipients: ['Các Cấp ủy, Chi bộ'],
    distribution: ['Như kính gửi', 'LĐVP UBND tỉnh', 'Các đ/c Ủy viên BCH Đảng bộ', 'Ủy ban kiểm tra Đảng ủy', 'Lưu VT, ĐUV'],
    signer: { authority: 'T/M', body: 'ĐẢNG ỦY', title: 'BÍ THƯ', name: 'Trần Bình Minh' },
    references: [
      { numberSymbol: '167-CV/BTGDVTU', docType: 'Công văn', date: d(2025, 12, 26), issuer: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', relation: 'implements' },
      { numberSymbol: '816-CV/ĐU', docType: 'Công văn', date: d(2025, 12, 30), issuer: 'Ban Thường vụ Đảng ủy UBND tỉnh', relation: 'implements' },
      // "Kế hoạch số 31-KH/ĐU … và Công văn 783-CV/ĐU của Ban Thường vụ …": the issuer is shared.
      { numberSymbol: '31-KH/ĐU', docType: 'Kế hoạch', date: d(2025, 7, 9), issuer: 'Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh', relation: 'cites' },
      { numberSymbol: '783-CV/ĐU', docType: 'Công văn', date: null, issuer: 'Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh', relation: 'cites' },
    ],
    deadlines: [],
    // Item 6- lost its number in conversion and became a "- " bullet under 5-.
    top: ['1-', '2-', '3-', '4-', '5-', '7-', '8-'],
  },
  s002: {
    docType: 'Công văn',
    convention: 'state',
    numberSymbol: '/VHTTDL-TTBCXB',
    number: null,
    issuer: 'Sở Văn hóa, Thể thao và Du lịch',
    place: 'Lào Cai',
    date: d(2025, 8, null),
    subject: 'thực hiện công tác tuyên truyền, thông tin đối ngoại về Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
    recipients: [
      'Các cơ quan báo chí địa phương',
      'Văn phòng đại diện, phóng viên thường trú cơ quan báo chí trên địa bàn tỉnh Lào Cai',
      'Cổng Thông tin điện tử tỉnh Lào Cai',
      'Trung tâm Văn hóa và Điện ảnh tỉnh Lào Cai',
      'Ủy ban nhân dân các xã, phường',
    ],
    distribution: ['Như trên', 'Cục TTCS&TTĐN', 'Ban Tuyên giáo và Dân vận Tỉnh ủy', 'Lãnh đạo Sở', 'Lưu: VT, VP, TTBCXB'],
    signer: { authority: 'KT.', body: 'GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Trần Xuân Huệ' },
    references: [
      // Cited twice; the second time as "công văn số số 21-HD/BTGDVTW": the type code HD wins.
      { numberSymbol: '21-HD/BTGDVTW', docType: 'Hướng dẫn', date: d(2025, 7, 23), issuer: 'Ban Tuyên giáo và Dân vận Trung ương', relation: 'basis' },
      // Split over two lines after the hyphen ("755/TTCSTTĐN-\nĐPTTĐN"); no date, no issuer.
      { numberSymbol: '755/TTCSTTĐN-ĐPTTĐN', docType: 'Công văn', date: null, issuer: null, relation: 'basis' },
    ],
    deadlines: [],
    top: ['I.', 'II.'],
  },
  s003: {
    docType: 'Kế hoạch',
    convention: 'state',
    numberSymbol: null,
    number: null,
    issuer: 'Sở Văn hóa, Thể thao và Du lịch',
    place: null,
    date: null,
    subject: 'Tuyên truyền đại hội đảng bộ các cấp, Đại hội Đảng bộ tỉnh lần thứ XV và Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
    recipients: [],
    distribution: [
      'BTGDVTU',
      'Các sở, ngành tỉnh',
      'UBND các xã, phường',
      'Báo và phát thanh, truyền hình Lai Châu',
      'Hội Văn học - Nghệ thuật',
      'Cổng thông tin điện tử tỉnh',
      'Tạp chí Văn nghệ Lai Châu',
      'Ban giám đốc Sở VHTTDL',
      'Các phòng chuyên môn, đơn vị thuộc Sở',
      'Lưu: VT, TTBCXB',
    ],
    signer: { authority: 'KT.', body: 'GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Trần Quang Kháng' },
    references: [
      { numberSymbol: '37-KH/BTGDVTU', docType: 'Kế hoạch', date: d(2025, 6, 30), issuer: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', relation: 'implements' },
      { numberSymbol: '45-CT/TW', docType: 'Chỉ thị', date: d(2025, 4, 14), issuer: 'Bộ Chính trị', relation: 'cites' },
      { numberSymbol: '336-KH/TU', docType: 'Kế hoạch', date: d(2025, 4, 28), issuer: 'Tỉnh uỷ', relation: 'cites' },
      { numberSymbol: '18-NQ/TW', docType: 'Nghị quyết', date: d(2017, 10, 25), issuer: 'Ban Chấp hành Trung ương', relation: 'cites' },
      { numberSymbol: '805/KH-SVHTTDL', docType: 'Kế hoạch', date: d(2025, 4, 22), issuer: 'Sở Văn hoá, Thể thao và Du lịch', relation: 'cites' },
      // The footnote under "Ban Bí thư1".
      { numberSymbol: '121-KL/TW', docType: 'Kết luận', date: d(2025, 1, 24), issuer: 'Ban Chấp hành Trung ương Đảng', relation: 'cites' },
      { numberSymbol: '126-KL/TW', docType: 'Kết luận', date: d(2025, 2, 14), issuer: 'Bộ Chính trị, Ban Bí thư', relation: 'cites' },
      { numberSymbol: '127-KL/TW', docType: 'Kết luận', date: d(2025, 2, 28), issuer: 'Bộ Chính trị, Ban Bí thư', relation: 'cites' },
      { numberSymbol: '128-KL/TW', docType: 'Kết luận', date: d(2025, 3, 7), issuer: 'Bộ Chính trị', relation: 'cites' },
      { numberSymbol: '137-KL/TW', docType: 'Kết luận', date: d(2025, 3, 28), issuer: 'Bộ Chính trị, Ban Bí thư', relation: 'cites' },
      { numberSymbol: '60-NQ/TW', docType: 'Nghị quyết', date: d(2025, 4, 12), issuer: null, relation: 'cites' },
    ],
    deadlines: [],
    top: ['I.', 'II.', 'III.', 'IV.'],
  },
  s004: {
    docType: 'Công văn',
    convention: 'party',
    numberSymbol: '-CV/ĐU',
    number: null,
    issuer: 'Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh',
    place: 'Lai Châu',
    date: d(2025, 10, null),
    subject:
      'Đẩy mạnh tuyên truyền; tổ chức tốt đợt cao điểm lấy ý kiến, tổng hợp ý kiến góp ý của cán bộ, đảng viên, công chức, viên chức, người lao động vào dự thảo các văn kiện trình Đại hội XIV của Đảng',
    recipients: ['Các chi, đảng bộ cơ sở'],
    distribution: ['Như trên', 'Thường trực Tỉnh ủy', 'Thường trực Đảng ủy', 'Các chi, đảng bộ cơ sở', 'Lưu VPĐU, BTGDVĐU'],
    signer: { authority: 'T/M', body: 'BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', name: 'Tổng Thanh Hải' },
    references: [
      { numberSymbol: '134-CV/TU', docType: 'Công văn', date: d(2025, 10, 21), issuer: 'Ban Thường vụ Tỉnh ủy', relation: 'implements' },
      { numberSymbol: '381-KH/TU', docType: 'Kế hoạch', date: d(2025, 8, 7), issuer: null, relation: 'cites' },
      { numberSymbol: '212-CV/ĐU', docType: 'Công văn', date: d(2025, 10, 22), issuer: null, relation: 'cites' },
    ],
    deadlines: [{ text: "trước 16h00' Thứ tư hằng tuần", rule: { kind: 'weekly', weekday: 3, time: '16:00' } }],
    top: ['1.', '2.'],
  },
};

function checkSeed(j: ParseJson, key: keyof typeof SEEDS): void {
  const { top, references, ...fields } = expected[key];
  for (const [field, value] of Object.entries(fields)) expect({ field, value: j[field as keyof ParseJson] }).toEqual({ field, value });
  expect(refsOf(j)).toEqual(references);
  expect(j.sections.map((s) => s.marker).filter(Boolean)).toEqual(top);
}

describe('the four seeds', () => {
  for (const key of Object.keys(SEEDS) as (keyof typeof SEEDS)[]) {
    it(`reads every field of seed ${key.slice(1)}`, () => checkSeed(parseSeed(SEEDS[key]), key));
  }

  it('keeps the nested structure of seed 003 (I. → 1. → -, a) → -, (1) … (5))', () => {
    const j = parseSeed(SEEDS.s003);
    const [muc1, muc2, , muc4] = j.sections.filter((s) => s.marker);
    expect(muc1?.text).toBe('MỤC ĐÍCH, YÊU CẦU');
    expect(muc1?.children.map((c) => `${c.marker} ${c.text}`)).toEqual(['1. Mục đích', '2. Yêu cầu']);
    expect(muc2?.children[0]?.children.find((c) => c.marker === '-' && c.text.startsWith('Một số quan điểm'))?.children.map((c) => c.marker)).toEqual([
      '(1)',
      '(2)',
      '(3)',
      '(4)',
      '(5)',
    ]);
    expect(muc4?.children[0]?.children.map((c) => c.marker)).toEqual(['a)', 'b)']);
    // The footnote is kept apart and its marker no longer sticks to "Ban Bí thư".
    expect(j.footnotes).toHaveLength(1);
    expect(j.footnotes[0]?.text.startsWith('Kết luận số 121-KL/TW')).toBe(true);
    expect(JSON.stringify(j.sections)).not.toContain('Kết luận số 121-KL/TW');
    expect(JSON.stringify(j.sections)).toContain('Ban Bí thư[1]');
  });

  it('rejoins the page break of seed 001 inside item 1- and puts the lost 6- under 5-', () => {
    const j = parseSeed(SEEDS.s001);
    const item1 = j.sections.find((s) => s.marker === '1-');
    expect(item1?.text).toContain('nâng cao năng lực và sức chiến đấu của Đảng');
    expect(j.sections.find((s) => s.marker === '5-')?.children.map((c) => c.marker)).toEqual(['-']);
  });
});

describe('lantoa directives parse --json', () => {
  const run = promisify(execFile);
  const repo = path.resolve(import.meta.dirname, '../../..');
  for (const key of Object.keys(SEEDS) as (keyof typeof SEEDS)[]) {
    it(`prints exactly one JSON object for seed ${key.slice(1)}`, async () => {
      const { stdout } = await run('node', ['--import', 'tsx', 'src/cli/main.ts', 'directives', 'parse', SEEDS[key], '--json'], { cwd: repo });
      expect(stdout.trim().split('\n')).toHaveLength(1);
      const j = JSON.parse(stdout) as ParseJson;
      for (const k of ['docType', 'convention', 'numberSymbol', 'number', 'issuer', 'place', 'date', 'subject', 'recipients', 'distribution', 'signer', 'references', 'deadlines', 'sections']) {
        expect(j).toHaveProperty(k);
      }
      checkSeed(j, key);
    }, 30_000);
  }

  it('fails with a Vietnamese message and the usage exit code (2) on a missing file', async () => {
    const err = await run('node', ['--import', 'tsx', 'src/cli/main.ts', 'directives', 'parse', 'khong-co-tep.docx'], { cwd: repo }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 2 });
    expect((err as { stderr: string }).stderr).toContain('Không đọc được tệp khong-co-tep.docx: tệp không tồn tại');
    expect((err as { stdout: string }).stdout).toBe('');
  }, 30_000);
});
