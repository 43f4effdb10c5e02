import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { Buffer as XlsxBuffer } from 'exceljs';
import ExcelJS from '../../platform/xlsx/exceljs.js';
import { parseUnitFile, type UnitFileRecord, type UnitFileRow } from './unit-file.js';
import { serializeUnitsCsv, serializeUnitsXlsx } from './unit-file-write.js';
import { parseUnitKind, unitKindLabels, unitKinds } from './unit-kinds.js';

const fixture = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`../../../test/fixtures/units/${name}`, import.meta.url)));
const withoutLine = ({ line: _line, ...rest }: UnitFileRow): UnitFileRecord => rest;

describe('parseUnitKind and unitKindLabels', () => {
  it('accepts codes in any case and labels with or without diacritics', () => {
    expect(parseUnitKind('party_committee')).toBe('party_committee');
    expect(parseUnitKind(' PARTY_BOARD ')).toBe('party_board');
    expect(parseUnitKind('Cấp ủy đảng')).toBe('party_committee');
    expect(parseUnitKind('cap uy dang')).toBe('party_committee');
    expect(parseUnitKind('Cấp uỷ Đảng')).toBe('party_committee');
    expect(parseUnitKind('Ủy ban nhân dân')).toBe('people_committee');
    expect(parseUnitKind('so, ban, nganh')).toBe('department');
    expect(parseUnitKind('Tổ chức chính trị - xã hội')).toBe('mass_org');
    expect(parseUnitKind('Khác')).toBe('other');
  });

  it('rejects anything else', () => {
    for (const text of ['', ' ', 'party', 'Cấp ủy', 'ban_khac', 'đảng']) expect(parseUnitKind(text)).toBeNull();
  });

  it('has a Vietnamese label for every kind, each parsing back to its kind', () => {
    for (const kind of unitKinds) {
      expect(unitKindLabels[kind]).toMatch(/\S/);
      expect(parseUnitKind(unitKindLabels[kind])).toBe(kind);
    }
  });
});

describe('parseUnitFile: CSV fixtures', () => {
  it('reads a good list of real bodies', async () => {
    const { rows, errors } = await parseUnitFile(fixture('units-good.csv'), 'units-good.csv');
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(18);
    expect(rows.map((r) => r.line)).toEqual(Array.from({ length: 18 }, (_, i) => i + 2));
    expect(rows.find((r) => r.code === 'LCU-BTGDVTU')).toEqual({
      line: 5,
      code: 'LCU-BTGDVTU',
      name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy Lai Châu',
      kind: 'party_board',
      parentCode: 'LCU-TU',
      abbreviation: 'BTGDVTU',
      sortOrder: 3,
      activeFrom: '2025-03-01',
      activeTo: null,
    });
    const tu = rows.find((r) => r.code === 'LCU-TU');
    expect(tu).toMatchObject({ parentCode: null, kind: 'party_committee', name: 'Tỉnh ủy Lai Châu' });
    expect(rows.find((r) => r.code === 'LCU-BTVTU')?.name).toBe('Ban Thường vụ Tỉnh uỷ Lai Châu');
    expect(rows.find((r) => r.code === 'LCU-SVHTTDL')?.name).toBe('Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu');
    expect(rows.find((r) => r.code === 'LCU-BPTTH')?.activeFrom).toBe('2025-07-01');
    expect(rows.find((r) => r.code === 'SLA-CB-TH')).toMatchObject({ kind: 'party_cell', activeFrom: '2020-01-01', activeTo: '2025-06-30' });
    expect(rows.find((r) => r.code === 'SLA-UBKT')?.parentCode).toBe('SLA-ĐUVP');
  });

  it('reports every problem of a bad file at its physical line', async () => {
    const { rows, errors } = await parseUnitFile(fixture('units-bad.csv'), 'units-bad.csv');
    expect(rows.map((r) => [r.line, r.code])).toEqual([
      [2, 'LCU-TU'],
      [15, 'LCU-X8'],
      [17, 'LCU-X10'],
    ]);
    expect(rows[1]).toMatchObject({ name: 'Ban "Tám"', sortOrder: -1, activeFrom: '2025-07-09' });
    expect(rows[2]?.kind).toBe('party_committee');
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 7, 8, 10, 11, 12, 13, 14, 16, 18, 20, 20, 20]);
    const at = (line: number): string[] => errors.filter((e) => e.line === line).map((e) => e.message);
    expect(at(3)).toEqual(['Thiếu mã đơn vị (cột code).']);
    expect(at(4)).toEqual(['Thiếu tên đơn vị (cột name).']);
    expect(at(5)[0]).toContain('Loại đơn vị "ban_khac" (cột kind) không hợp lệ. Các mã được phép: central, party_committee');
    expect(at(7)).toEqual(['Mã đơn vị "LCU X3" (cột code) không được chứa dấu cách.']);
    expect(at(8)).toEqual(['Mã đơn vị cấp trên "LCU-X4" (cột parent_code) trùng với mã của chính đơn vị.']);
    expect(at(10)).toEqual(['Thứ tự sắp xếp "một" (cột sort_order) phải là số nguyên.']);
    expect(at(11)[0]).toContain('Ngày "2025-02-30" (cột active_from) không hợp lệ');
    expect(at(12)).toEqual(['Ngày kết thúc "2025-01-01" (cột active_to) sớm hơn ngày bắt đầu "2025-06-01" (cột active_from).']);
    expect(at(13)).toEqual(['Mã đơn vị "LCU-TU" (cột code) bị trùng: đã có ở dòng 2.']);
    expect(at(14)[0]).toMatch(/^Mã đơn vị "LCU-A+" \(cột code\) dài quá 64 ký tự\.$/);
    expect(at(16)[0]).toContain('Thiếu loại đơn vị (cột kind). Các mã được phép:');
    expect(at(18)[0]).toContain('Mã đơn vị cấp trên "LCU#1" (cột parent_code) có ký tự không hợp lệ "#"');
    expect(at(20)).toHaveLength(3);
    expect(at(20).join(' ')).toMatch(/"nope".*"LCU-X12".*"1\.5"/);
  });

  it('reads a semicolon file with a BOM, columns in any order and case, day-first dates', async () => {
    const { rows, errors } = await parseUnitFile(fixture('units-semicolon.csv'), 'Đơn vị.CSV');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        code: 'LCU-SVHTTDL',
        name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu',
        kind: 'department',
        parentCode: null,
        abbreviation: null,
        sortOrder: null,
        activeFrom: '2025-02-01',
        activeTo: null,
      },
      expect.objectContaining({ line: 3, code: 'LCU-SVHTTDL-QLVH', name: 'Phòng Quản lý văn hóa, gia đình', kind: 'department' }),
      expect.objectContaining({ line: 4, name: 'Trung tâm "Văn hóa; Điện ảnh"', activeFrom: '2025-01-15', parentCode: 'LCU-SVHTTDL' }),
    ]);
  });
});

describe('parseUnitFile: CSV text, broken files and large files', () => {
  it('normalises text: NFC, odd spaces, trimming; empty optional values become null', async () => {
    const csv = `code,name,kind,parent_code,abbreviation\n ${'LCU-ĐU'.normalize('NFD')} ,\u00A0${'Đảng ủy tỉnh'.normalize('NFD')}\u202F, party_committee ,  ,  \n`;
    const { rows, errors } = await parseUnitFile(Buffer.from(csv), 'a.csv');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, code: 'LCU-ĐU', name: 'Đảng ủy tỉnh', kind: 'party_committee', parentCode: null, abbreviation: null, sortOrder: null, activeFrom: null, activeTo: null },
    ]);
  });

  it('names the missing required columns in one error at line 1', async () => {
    const { rows, errors } = await parseUnitFile(Buffer.from('Code;Tên;Kind\nA;B;other\n'), 'a.csv');
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ line: 1, message: 'Thiếu cột bắt buộc: name, parent_code. Dòng tiêu đề phải có các cột code, name, kind, parent_code.' }]);
  });

  it('rejects unsupported, unreadable and non-UTF-8 files with a clear message', async () => {
    expect(await parseUnitFile(Buffer.from('x'), 'units.xls')).toEqual({ rows: [], errors: [{ line: 0, message: 'Chỉ hỗ trợ tệp .csv hoặc .xlsx.' }] });
    expect(await parseUnitFile(Buffer.from('x'), 'units')).toEqual({ rows: [], errors: [{ line: 0, message: 'Chỉ hỗ trợ tệp .csv hoặc .xlsx.' }] });
    const broken = await parseUnitFile(Buffer.from('not a zip file'), 'units.xlsx');
    expect(broken.errors).toEqual([{ line: 0, message: expect.stringContaining('Không đọc được tệp Excel (.xlsx)') }]);
    const latin1 = Buffer.from('code,name,kind,parent_code\nA,Ph\xf2ng,other,\n', 'latin1');
    expect((await parseUnitFile(latin1, 'a.csv')).errors[0]).toEqual({ line: 2, message: expect.stringContaining('UTF-8: dòng 2') });
  });

  it('reports an unclosed quote at the line where the broken row starts', async () => {
    const csv = 'code,name,kind,parent_code\nA,Một,other,\n\nB,"Hai\nba,other,\n';
    const { rows, errors } = await parseUnitFile(Buffer.from(csv), 'a.csv');
    expect(rows.map((r) => r.code)).toEqual(['A']);
    expect(errors).toEqual([{ line: 4, message: 'Không đọc được tệp CSV từ dòng 4: dấu ngoặc kép (") chưa được đóng.' }]);
  });

  it('reports exactly the bad line among 60,000 rows', async () => {
    const lines = ['code,name,kind,parent_code'];
    for (let i = 2; i <= 60_001; i++) lines.push(i === 50_000 ? `U${i},Đơn vị ${i},loai_la,U2` : `U${i},"Ủy ban nhân dân xã ${i}",commune,${i === 2 ? '' : 'U2'}`);
    const { rows, errors } = await parseUnitFile(Buffer.from(lines.join('\r\n')), 'big.csv');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(50_000);
    expect(errors[0]?.message).toContain('"loai_la"');
    expect(rows).toHaveLength(59_999);
    expect(rows.at(-1)?.line).toBe(60_001);
  });
});

describe('parseUnitFile: XLSX', () => {
  it('reads the first worksheet with typed cells, using worksheet row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    workbook.addWorksheet('Khác').addRow(['code', 'name', 'kind', 'parent_code']);
    sheet.addRow(['Ghi chú', 'CODE', 'Name', 'Kind', 'Parent_Code', 'Sort_Order', 'Active_From', 'Active_To']);
    sheet.addRow(['', 'LCU-TU', 'Tỉnh uỷ Lai Châu', 'party_committee', null, 1, new Date(Date.UTC(2025, 6, 1)), null]);
    sheet.getRow(4).values = ['', 'LCU-BTGDVTU', { richText: [{ text: 'Ban Tuyên giáo ' }, { font: { bold: true }, text: 'và Dân vận' }] }, 'Ban của cấp ủy', 'LCU-TU', 2, '01/03/2025'];
    sheet.getRow(5).values = ['', { formula: '"LCU-"&"F"', result: 'LCU-F' }, 'Công thức', 'other', 'LCU-TU', 2.5];
    sheet.getRow(6).values = ['', 'LCU-TU', 'Trùng', 'other'];
    const data = Buffer.from(await workbook.xlsx.writeBuffer());

    const { rows, errors } = await parseUnitFile(data, 'don-vi.XLSX');
    expect(rows).toEqual([
      { line: 2, code: 'LCU-TU', name: 'Tỉnh uỷ Lai Châu', kind: 'party_committee', parentCode: null, abbreviation: null, sortOrder: 1, activeFrom: '2025-07-01', activeTo: null },
      { line: 4, code: 'LCU-BTGDVTU', name: 'Ban Tuyên giáo và Dân vận', kind: 'party_board', parentCode: 'LCU-TU', abbreviation: null, sortOrder: 2, activeFrom: '2025-03-01', activeTo: null },
    ]);
    expect(errors).toEqual([
      { line: 5, message: 'Thứ tự sắp xếp "2.5" (cột sort_order) phải là số nguyên.' },
      { line: 6, message: 'Mã đơn vị "LCU-TU" (cột code) bị trùng: đã có ở dòng 2.' },
    ]);
  });
});

const serialisationExamples: UnitFileRecord[] = [
  { code: 'LCU-TU', name: 'Tỉnh ủy Lai Châu', kind: 'party_committee', parentCode: null, abbreviation: 'TU', sortOrder: 1, activeFrom: null, activeTo: null, place: 'Lai Châu' },
  { code: 'LCU-SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', kind: 'department', parentCode: 'LCU-TU', abbreviation: '=SUM(A1)', sortOrder: -2, activeFrom: '2025-01-01', activeTo: '2025-12-31', place: null },
];

describe('serialisation', () => {
  const units = serialisationExamples;

  it('writes CSV with a BOM, the fixed header and Vietnamese kind labels, guarding formula-like text', () => {
    const csv = serializeUnitsCsv(units);
    expect(csv.startsWith('\uFEFFcode,name,kind,parent_code,abbreviation,sort_order,active_from,active_to,place,kind_label\r\n')).toBe(true);
    expect(csv).toContain('LCU-TU,Tỉnh ủy Lai Châu,party_committee,,TU,1,,,Lai Châu,Cấp ủy đảng\r\n');
    expect(csv).toContain(`LCU-SVHTTDL,"Sở Văn hóa, Thể thao và Du lịch",department,LCU-TU,'=SUM(A1),-2,2025-01-01,2025-12-31,,"Sở, ban, ngành"\r\n`);
  });

  it('writes XLSX with the same header', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await serializeUnitsXlsx(units)) as unknown as XlsxBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Đơn vị');
    expect(sheet?.getRow(1).values).toEqual([undefined, 'code', 'name', 'kind', 'parent_code', 'abbreviation', 'sort_order', 'active_from', 'active_to', 'place', 'kind_label']);
    expect(sheet?.getRow(2).getCell(9).value).toBe('Lai Châu');
    expect(sheet?.getRow(3).getCell(10).value).toBe('Sở, ban, ngành');
  });

  const syllables = ['Ủy', 'ban', 'nhân', 'dân', 'tỉnh', 'Lai', 'Châu', 'Sở', 'Văn', 'hoá', 'hóa', 'Đảng', 'uỷ', 'Thể', 'thao', 'xã', 'phường', 'Nghệ', 'thuật', 'Hội', 'ĐẢNG', 'CỘNG', 'SẢN'];
  const joiners = [' ', ', ', ' "', '" ', '\n', ' - ', '; ', ',', '""', "'"];
  const textArb = fc
    .array(fc.tuple(fc.constantFrom(...joiners), fc.constantFrom(...syllables)), { minLength: 1, maxLength: 8 })
    .chain((parts) => fc.constantFrom('', '=', '-', '@', "'", '+').map((lead) => lead + parts.map(([j, s], i) => (i === 0 ? s : j + s)).join('')));
  const codeArb = fc.stringMatching(/^[A-Za-zĐđ0-9._-]{1,20}$/);
  const dateArb = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2040, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const parentArb = (others: string[]): fc.Arbitrary<string | null> => (others.length === 0 ? fc.constant(null) : fc.option(fc.constantFrom(...others)));
  const unitsArb = fc.uniqueArray(codeArb, { minLength: 1, maxLength: 12 }).chain((codes) =>
    fc.tuple(
      ...codes.map((code) =>
        fc
          .record({
            name: textArb,
            kind: fc.constantFrom(...unitKinds),
            parentCode: parentArb(codes.filter((c) => c !== code)),
            abbreviation: fc.option(textArb),
            place: fc.option(textArb),
            sortOrder: fc.option(fc.integer({ min: -2147483648, max: 2147483647 })),
            dates: fc.tuple(fc.option(dateArb), fc.option(dateArb)),
          })
          .map(({ dates: [a, b], ...rest }): UnitFileRecord => {
            const [activeFrom, activeTo] = a !== null && b !== null && b < a ? [b, a] : [a, b];
            return { code, ...rest, activeFrom, activeTo };
          }),
      ),
    ),
  );

  it('round-trips through CSV, the machine file and the file for people', async () => {
    await fc.assert(
      fc.asyncProperty(unitsArb, fc.constantFrom('machine' as const, 'people' as const), async (list, variant) => {
        const parsed = await parseUnitFile(Buffer.from(serializeUnitsCsv(list, variant)), 'round.csv');
        expect(parsed.errors).toEqual([]);
        expect(parsed.rows.map(withoutLine)).toEqual(list);
      }),
      { numRuns: 150 },
    );
  });

  it('round-trips through XLSX', async () => {
    await fc.assert(
      fc.asyncProperty(unitsArb, async (list) => {
        const parsed = await parseUnitFile(await serializeUnitsXlsx(list), 'round.xlsx');
        expect(parsed.errors).toEqual([]);
        expect(parsed.rows.map(withoutLine)).toEqual(list);
        expect(parsed.rows.map((r) => r.line)).toEqual(list.map((_, i) => i + 2));
      }),
      { numRuns: 40 },
    );
  });
});

describe('the unit file for people', () => {
  const units = serialisationExamples;
  it('writes the file for people with Vietnamese headers, kind labels and DD/MM/YYYY dates', async () => {
    const csv = serializeUnitsCsv(units, 'people');
    expect(csv.startsWith('\uFEFFMã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên,Tên viết tắt,Thứ tự sắp xếp,Hoạt động từ ngày,Hoạt động đến ngày,Địa danh ghi trên văn bản\r\n')).toBe(true);
    expect(csv).toContain(`LCU-SVHTTDL,"Sở Văn hóa, Thể thao và Du lịch","Sở, ban, ngành",LCU-TU,'=SUM(A1),-2,01/01/2025,31/12/2025,\r\n`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await serializeUnitsXlsx(units, 'people')) as unknown as XlsxBuffer);
    expect(workbook.worksheets[0]?.getRow(1).getCell(1).value).toBe('Mã đơn vị');
    expect(workbook.worksheets[0]?.getRow(2).getCell(3).value).toBe('Cấp ủy đảng');
  });

  it('reads both files back to the same units (the machine file and the file for people)', async () => {
    for (const variant of ['machine', 'people'] as const) {
      const fromCsv = await parseUnitFile(Buffer.from(serializeUnitsCsv(units, variant)), `don-vi.csv`);
      expect(fromCsv.errors, variant).toEqual([]);
      expect(fromCsv.rows.map(withoutLine), variant).toEqual(units);
      const fromXlsx = await parseUnitFile(await serializeUnitsXlsx(units, variant), `don-vi.xlsx`);
      expect(fromXlsx.errors, variant).toEqual([]);
      expect(fromXlsx.rows.map(withoutLine), variant).toEqual(units);
    }
  });
});
