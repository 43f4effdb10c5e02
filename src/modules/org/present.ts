import type { UnitRow } from './repository.js';
import type { UnitView } from './schemas.js';

export function presentUnit(row: Pick<UnitRow, keyof UnitView>): UnitView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    abbreviation: row.abbreviation,
    parentId: row.parentId,
    sortOrder: row.sortOrder,
    activeFrom: row.activeFrom,
    activeTo: row.activeTo,
    place: row.place,
    signerAuthority: row.signerAuthority,
    signerTitle: row.signerTitle,
    signerName: row.signerName,
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentUser<T extends { lockedUntil: Date | null; createdAt: Date }>(row: T) {
  return { ...row, lockedUntil: row.lockedUntil && row.lockedUntil > new Date() ? iso(row.lockedUntil) : null, createdAt: row.createdAt.toISOString() };
}

/** The fields that differ between two versions of a record, for audit rows. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] !== undefined && after[key] !== before[key]) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
