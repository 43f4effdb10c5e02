import type { UnitKind } from '../api/types.js';
import { unitKindLabels as sharedUnitKindLabels } from '../../shared/labels.js';

/** The labels of src/shared/labels.ts (the server's exports use the same), typed by the API. */
export const unitKindLabels: Record<UnitKind, string> = sharedUnitKindLabels;

export const unitKindOptions = (Object.keys(unitKindLabels) as UnitKind[]).map((kind) => ({
  value: kind,
  label: unitKindLabels[kind],
}));

export function unitKindLabel(kind: string): string {
  return (unitKindLabels as Record<string, string>)[kind] ?? kind;
}
