import type { UnitKind } from '../api/types.js';

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

export const unitKindOptions = (Object.keys(unitKindLabels) as UnitKind[]).map((kind) => ({
  value: kind,
  label: unitKindLabels[kind],
}));

export function unitKindLabel(kind: string): string {
  return (unitKindLabels as Record<string, string>)[kind] ?? kind;
}
