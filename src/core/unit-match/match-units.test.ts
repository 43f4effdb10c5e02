import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { demoUnitsCsv } from '../../core/unit-tree/demo-units.js';
import { acronym, expandGroup, matchUnit, type UnitCandidate } from './match-units.js';

// The demo hierarchy (bodies named in the seeds) as match candidates, ids in file order.
const rows: { code: string; name: string; kind: string; parent_code: string; abbreviation: string }[] = parse(demoUnitsCsv, { columns: true, skip_empty_lines: true, trim: true });
const idOf = new Map(rows.map((r, i) => [r.code, i + 1]));
const candidates: UnitCandidate[] = rows.map((r, i) => ({
  id: i + 1,
  code: r.code,
  name: r.name,
  abbreviation: r.abbreviation || null,
  kind: r.kind as UnitCandidate["kind"],
  parentId: r.parent_code ? (idOf.get(r.parent_code) ?? null) : null,
}));
const code = (u: UnitCandidate | null) => u?.code ?? null;
const near = (c: string, place: string | null = null) => ({ candidates, nearUnitId: idOf.get(c) ?? null, place });

describe('matchUnit', () => {
  it('links a body written without its province to the one nearest the registering unit', () => {
    expect(code(matchUnit('Ban Tuyên giáo và Dân vận Tỉnh ủy', near('LCU-DU-UBND')))).toBe('LCU-BTGDVTU');
    expect(code(matchUnit('Ban Tuyên giáo và Dân vận Tỉnh uỷ', near('LCA-SVHTTDL')))).toBe('LCA-BTGDVTU');
  });

  it('understands abbreviations and the organ-of-a-body prefix', () => {
    expect(code(matchUnit('BTGDVTU', near('LCU-UBND')))).toBe('LCU-BTGDVTU');
    expect(code(matchUnit('Ban Thường vụ Đảng ủy UBND tỉnh', near('LCU-CB-SVHTTDL')))).toBe('LCU-DU-UBND');
    expect(code(matchUnit('Sở VHTTDL', near('LCU-UBND')))).toBe('LCU-SVHTTDL');
    expect(code(matchUnit('Cổng Thông tin điện tử tỉnh Lào Cai', near('LCA-SVHTTDL')))).toBe('LCA-CTTDT');
  });

  it('uses the place of issue to choose between provinces when nothing else tells', () => {
    expect(code(matchUnit('Sở Văn hóa, Thể thao và Du lịch', { candidates, nearUnitId: null, place: 'Lào Cai' }))).toBe('LCA-SVHTTDL');
  });

  it('leaves names that match nothing as text', () => {
    expect(matchUnit('Văn phòng đại diện, phóng viên thường trú cơ quan báo chí trên địa bàn tỉnh', near('LCA-SVHTTDL'))).toBeNull();
    expect(matchUnit('Như trên', near('LCU-TU'))).toBeNull();
  });
});

describe('expandGroup', () => {
  it('expands "Các chi, đảng bộ cơ sở" to the issuer’s party organisations', () => {
    const units = expandGroup('Các chi, đảng bộ cơ sở', idOf.get('LCU-DU-UBND') ?? null, candidates)?.map((u) => u.code);
    expect(units).toEqual(['LCU-CB-SVHTTDL', 'LCU-CB-VPUBND', 'LCU-CB-SKHCN', 'LCU-DU-SGDDT']);
  });

  it('expands "Ủy ban nhân dân các xã, phường" to the communes of the issuer’s province', () => {
    const units = expandGroup('Ủy ban nhân dân các xã, phường', idOf.get('LCA-SVHTTDL') ?? null, candidates)?.map((u) => u.code);
    expect(units).toEqual(['LCA-P-CAMDUONG', 'LCA-P-LAOCAI', 'LCA-X-BATXAT']);
  });

  it('is null for a single named body', () => {
    expect(expandGroup('Cổng Thông tin điện tử tỉnh Lào Cai', 1, candidates)).toBeNull();
  });
});

describe('acronym', () => {
  it('builds the symbol abbreviation of a body', () => {
    expect(acronym('Ban Tuyên giáo và Dân vận Tỉnh ủy')).toBe('BTGDVTU');
    expect(acronym('Sở Văn hóa, Thể thao và Du lịch')).toBe('SVHTTDL');
  });
});
