import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { selectUnitsForExport } from './repository.js';
import { serializeUnitsCsv, serializeUnitsXlsx } from './unit-file.js';

/** The actor's visible units, parents before children, as CSV or XLSX (re-importable). */
export async function exportUnits(db: Db, options: { actor: Actor; format: 'csv' | 'xlsx' }): Promise<Buffer> {
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
  return options.format === 'csv' ? Buffer.from(serializeUnitsCsv(rows), 'utf8') : serializeUnitsXlsx(rows);
}
