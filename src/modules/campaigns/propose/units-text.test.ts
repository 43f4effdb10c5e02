import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proposeCampaign } from './index.js';
import { dateBounds } from './phases.js';
import { addresseeGroup, coordinatingUnits, leadingUnits, splitUnits } from './units-text.js';

describe('unit names as plans write them', () => {
  it.each([
    ['Báo và Phát thanh, Truyền hình Lai Châu, Cổng thông tin điện tử tỉnh', ['Báo và Phát thanh, Truyền hình Lai Châu', 'Cổng thông tin điện tử tỉnh']],
    ['Sở Văn hóa, Thể thao và Du lịch', ['Sở Văn hóa, Thể thao và Du lịch']],
    ['UBND các xã, phường', ['UBND các xã, phường']],
    ['các Cấp ủy, Chi bộ', ['các Cấp ủy, Chi bộ']],
    ['Văn phòng HĐND và UBND xã', ['Văn phòng HĐND và UBND xã']],
    ['Ủy ban Mặt trận Tổ quốc xã và các đoàn thể chính trị - xã hội', ['Ủy ban Mặt trận Tổ quốc xã', 'các đoàn thể chính trị - xã hội']],
    ['Ban Tuyên giáo Huyện ủy; Phòng Văn hóa và Thông tin', ['Ban Tuyên giáo Huyện ủy', 'Phòng Văn hóa và Thông tin']],
  ])('splitUnits(%s)', (phrase, units) => {
    expect(splitUnits(phrase)).toEqual(units);
  });

  it('reads the unit phrase a task starts with, up to a colon or a verb', () => {
    expect(leadingUnits('Đề nghị UBND các xã, phường')?.units).toEqual(['UBND các xã, phường']);
    expect(leadingUnits('Phòng Tài nguyên và Môi trường huyện: Xây dựng kế hoạch')?.units).toEqual(['Phòng Tài nguyên và Môi trường huyện']);
    expect(leadingUnits('UBND các xã, phường chỉ đạo hệ thống truyền thanh cơ sở')?.units).toEqual(['UBND các xã, phường']);
    expect(leadingUnits('Trung tâm Giáo dục thường xuyên tỉnh tổ chức cuộc thi')?.units).toEqual(['Trung tâm Giáo dục thường xuyên tỉnh']);
    expect(leadingUnits('Hội nghị nghiên cứu, học tập, quán triệt nghị quyết')).toBeNull();
    expect(leadingUnits('Tuyên truyền sâu rộng các phong trào thi đua')).toBeNull();
    expect(coordinatingUnits('Chủ trì, phối hợp với Văn phòng Đảng ủy và Ủy ban Mặt trận Tổ quốc xã hướng dẫn, kiểm tra')).toEqual([
      'Văn phòng Đảng ủy',
      'Ủy ban Mặt trận Tổ quốc xã',
    ]);
  });

  it('tells group addressees from named units, with the kinds of units they mean', () => {
    expect(addresseeGroup('UBND các xã, phường')).toEqual({ text: 'UBND các xã, phường', unitKinds: ['commune'] });
    expect(addresseeGroup('Ủy ban nhân dân các xã')).toEqual({ text: 'Ủy ban nhân dân các xã', unitKinds: ['commune'], nameIncludes: ['Xã'] });
    expect(addresseeGroup('các sở, ngành trên địa bàn tỉnh')?.unitKinds).toEqual(['department']);
    expect(addresseeGroup('Các chi, đảng bộ cơ sở')?.unitKinds).toEqual(['party_committee', 'party_cell']);
    expect(addresseeGroup('các cơ quan báo chí Trung ương thường trú tại tỉnh')?.unitKinds).toEqual(['press']);
    expect(addresseeGroup('các phòng, đơn vị trực thuộc Sở')?.unitKinds).toContain('department');
    expect(addresseeGroup('Hội Văn học - Nghệ thuật tỉnh')).toBeNull();
    expect(addresseeGroup('Sở Văn hóa, Thể thao và Du lịch')).toBeNull();
  });
});

describe('phase bounds written as dates', () => {
  it.each([
    ['từ ngày 01/3/2026 đến ngày 30/4/2026', '2026-03-01', '2026-04-30'],
    ['Từ ngày 01/5 đến ngày 31/5/2026', '2026-05-01', '2026-05-31'],
    ['từ tháng 6 đến tháng 7/2026', '2026-06-01', '2026-07-31'],
    ['từ tháng 12/2025 đến hết tháng 2/2026', '2025-12-01', '2026-02-28'],
  ])('%s', (text, starts, ends) => {
    expect(dateBounds(text)).toEqual({ starts: { kind: 'date', date: starts }, ends: { kind: 'date', date: ends } });
  });
});

describe('proposeCampaign on any text', () => {
  const seed = readFileSync(new URL('../../../../test/fixtures/directives/003_eaac9b6472a047a3.txt', import.meta.url), 'utf8');
  it('never throws, and keeps every span inside the text, on random text and on cut or shuffled plans', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 0, max: seed.length }), fc.integer({ min: 0, max: seed.length }), (noise, a, b) => {
        const text = seed.slice(Math.min(a, b), Math.max(a, b)) + noise;
        const p = proposeCampaign(text);
        for (const part of [...p.phases, ...p.themes, ...p.channels, ...p.assignments]) {
          const [start, end] = part.span ?? [0, 0];
          expect(start).toBeLessThanOrEqual(end);
        }
      }),
      { numRuns: 60 },
    );
  });
});
