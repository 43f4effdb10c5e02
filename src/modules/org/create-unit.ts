import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { requireSystemAdmin, requireUnitRole } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { fail } from '../../platform/errors.js';
import { normalizeVi } from '../../platform/vn/index.js';
import { insertUnit, selectUnitsByCodes, unitSearchKey } from './repository.js';
import { presentUnit } from './present.js';
import type { CreateUnitInput } from './schemas.js';

/** Adds a unit under a parent the actor administers (a top-level unit needs a system admin). */
export async function createUnit(db: Db, options: { actor: Actor; input: CreateUnitInput }) {
  const { actor } = options;
  const input = { ...options.input, ...signingSettings(options.input), name: normalizeVi(options.input.name), code: normalizeVi(options.input.code) };
  if (input.parentId === null) requireSystemAdmin(actor);
  else await requireUnitRole(db, actor, [input.parentId], 'unit_admin');
  assertActiveRange(input.activeFrom ?? null, input.activeTo ?? null);
  return db.transaction(async (tx) => {
    if ((await selectUnitsByCodes(tx, [input.code])).length > 0) {
      fail('UNIT_CODE_TAKEN', { field: 'code', code: input.code });
    }
    const row = await insertUnit(tx, {
      code: input.code,
      name: input.name,
      kind: input.kind,
      abbreviation: input.abbreviation ?? null,
      parentId: input.parentId,
      sortOrder: input.sortOrder ?? 0,
      activeFrom: input.activeFrom ?? null,
      activeTo: input.activeTo ?? null,
      place: input.place ?? null,
      signerAuthority: input.signerAuthority ?? null,
      signerTitle: input.signerTitle ?? null,
      signerName: input.signerName ?? null,
      searchKey: unitSearchKey(input),
    });
    if (!row) fail('UNEXPECTED');
    const unit = presentUnit(row);
    await recordAudit(tx, actor, { action: 'unit.create', entityType: 'unit', entityId: row.id, unitId: row.id, after: unit });
    return unit;
  });
}

const SIGNING_FIELDS = ['place', 'signerAuthority', 'signerTitle', 'signerName'] as const;

/** The place and signer fields given, normalised; a blank one is null (the place is then inherited). */
export function signingSettings(input: Partial<Pick<CreateUnitInput, (typeof SIGNING_FIELDS)[number]>>) {
  const out: Partial<Record<(typeof SIGNING_FIELDS)[number], string | null>> = {};
  for (const field of SIGNING_FIELDS) {
    const value = input[field];
    if (value !== undefined) out[field] = value === null || value.trim() === '' ? null : normalizeVi(value.trim());
  }
  return out;
}

export function assertActiveRange(from: string | null, to: string | null): void {
  if (from && to && to < from) {
    fail('UNIT_ACTIVE_RANGE_INVALID', [
      { path: ['activeTo'], message: 'Phải sau ngày bắt đầu hiệu lực' },
    ]);
  }
}
