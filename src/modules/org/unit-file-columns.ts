import { searchKey } from '../../platform/vn/index.js';

/**
 * The columns of a unit file. Two header rows are read alike: the machine names (`code`, `name`,
 * `parent_code`, … — the default export, stable for scripts) and the Vietnamese headers of the
 * export for people ("Mã đơn vị", "Tên đơn vị", … — `variant=people`), so both files re-import.
 */
export const unitFileColumns = ['code', 'name', 'kind', 'parent_code', 'abbreviation', 'sort_order', 'active_from', 'active_to', 'place'] as const;
export type UnitFileColumn = (typeof unitFileColumns)[number];

/** The header row of the machine file: the columns, then the kind's Vietnamese label (read back as nothing). */
export const machineHeader = [...unitFileColumns, 'kind_label'] as const;

/** Vietnamese headers of the file for people, in the same order as the columns. */
export const peopleHeaders: Readonly<Record<UnitFileColumn, string>> = {
  code: 'Mã đơn vị',
  name: 'Tên đơn vị',
  kind: 'Loại đơn vị',
  parent_code: 'Mã đơn vị cấp trên',
  abbreviation: 'Tên viết tắt',
  sort_order: 'Thứ tự sắp xếp',
  active_from: 'Hoạt động từ ngày',
  active_to: 'Hoạt động đến ngày',
  place: 'Địa danh ghi trên văn bản',
};

const byPeopleHeader = new Map<string, UnitFileColumn>(unitFileColumns.map((c) => [searchKey(peopleHeaders[c]), c]));

/** The column a header cell names: a machine name (any case, `-` or space for `_`) or a Vietnamese header (diacritics and case folded). */
export function columnOfHeader(text: string): UnitFileColumn | undefined {
  const machine = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return unitFileColumns.find((c) => c === machine) ?? byPeopleHeader.get(searchKey(text));
}
