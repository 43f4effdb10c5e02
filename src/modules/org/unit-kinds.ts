/** Vietnamese labels for unit kinds, and lenient parsing of a kind typed by a user. */
import { unitKinds, type UnitKind } from '../../platform/db/schema/org.js';
import { searchKey } from '../../platform/vn/index.js';
import { unitKindLabels as sharedUnitKindLabels } from '../../shared/labels.js';

export { unitKinds, type UnitKind };

/** The labels of src/shared/labels.ts, checked here against the schema's kinds. */
export const unitKindLabels: Record<UnitKind, string> = sharedUnitKindLabels;

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
