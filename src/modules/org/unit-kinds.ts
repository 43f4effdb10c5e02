/** Vietnamese labels for unit kinds, and lenient parsing of a kind typed by a user. */
import { unitKinds, type UnitKind } from '../../platform/db/schema/org.js';
import { searchKey } from '../../platform/vn/index.js';

export { unitKinds, type UnitKind };

export const unitKindLabels: Record<UnitKind, string> = {
  central: 'Cơ quan Trung ương',
  party_committee: 'Cấp ủy đảng',
  party_board: 'Ban của cấp ủy',
  party_cell: 'Chi bộ',
  people_committee: 'Ủy ban nhân dân',
  department: 'Sở, ban, ngành',
  commune: 'Xã, phường',
  press: 'Cơ quan báo chí',
  portal: 'Cổng thông tin điện tử',
  mass_org: 'Tổ chức chính trị - xã hội',
  other: 'Khác',
};

/** searchKey of each code and each label → kind ("party_committee", "PARTY-COMMITTEE", "cap uy dang"). */
const kindByKey = new Map<string, UnitKind>(
  unitKinds.flatMap((kind) => [
    [searchKey(kind), kind],
    [searchKey(unitKindLabels[kind]), kind],
  ]),
);

/**
 * The kind named by `text`: its code in any case, or its Vietnamese label with or without
 * diacritics and in either tone style. Null when nothing matches.
 */
export function parseUnitKind(text: string): UnitKind | null {
  const code = text.trim().toLowerCase();
  const exact = unitKinds.find((k) => k === code);
  if (exact) return exact;
  const key = searchKey(text);
  if (key === '') return null;
  return kindByKey.get(key) ?? null;
}
