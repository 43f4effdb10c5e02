import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { selectUnitsForExport } from './repository.js';
import { serializeUnitsCsv, serializeUnitsXlsx, type UnitFileVariant } from './unit-file-write.js';

/** The actor's visible units, parents before children, as CSV or XLSX, for machines or for people (both re-importable). */
export async function exportUnits(db: Db, options: { actor: Actor; format: 'csv' | 'xlsx'; variant?: UnitFileVariant }): Promise<Buffer> {
  const rows = (await selectUnitsForExport(db, options.actor)).map((r) => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    parentCode: r.parent_code,
    abbreviation: r.abbreviation,
    sortOrder: r.sort_order,
    activeFrom: r.active_from,
    activeTo: r.active_to,
    place: r.place,
  }));
  const variant = options.variant ?? 'machine';
  return options.format === 'csv' ? Buffer.from(serializeUnitsCsv(rows, variant), 'utf8') : serializeUnitsXlsx(rows, variant);
}
