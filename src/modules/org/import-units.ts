import type { Db, Tx } from '../../platform/db/database.js';
import { isSystemAdmin, roleRank, type Actor, type Role } from '../../platform/access/roles.js';
import { effectiveRoles } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { fail } from '../../platform/errors.js';
import { parseInWorker } from '../../platform/files/parse-in-worker.js';
import type { UnitFileParse, UnitFileRow } from './unit-file.js';
import { selectUnitsByCodes, type UnitRow } from './repository.js';
import { insertAuditRows, lockUnitImports, selectAncestorParentCodes, updateUnitParents, upsertUnits } from './repository-import.js';
import { presentUnit } from './present.js';
import { emitUnitsMoved, readPathsBeforeMove, type UnitMove } from './events.js';
import type { UnitView } from './schemas.js';

export interface ImportError {
  line: number;
  message: string;
}

export interface UnitImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Imports units from a CSV or XLSX file, idempotent by code: a known code is updated, a new one created.
 * Every bad row is reported with its line number and, if there is any, nothing is written.
 */
export async function importUnits(
  db: Db,
  options: { actor: Actor; data: Buffer; fileName: string },
): Promise<UnitImportResult> {
  const { actor } = options;
  // Parsed in a worker thread with memory and time limits: a hostile file cannot stall or sink the server.
  const parsed = await parseInWorker<UnitFileParse>({ module: new URL('./unit-file.js', import.meta.url), exportName: 'parseUnitFile', args: [options.data, options.fileName] });
  const errors: ImportError[] = [...parsed.errors];
  const rows = parsed.rows;

  return db.transaction(async (tx) => {
    // Serialise imports against each other so the tree checked is the tree written.
    await lockUnitImports(tx);
    const referenced = [...new Set(rows.flatMap((r) => (r.parentCode ? [r.code, r.parentCode] : [r.code])))];
    const found = await selectUnitsByCodes(tx, referenced);
    // Units outside the actor's subtrees are treated as unknown: no error says more about them.
    const roles = await effectiveRoles(tx, actor, found.map((u) => u.id));
    const existing = new Map(found.filter((u) => roles.has(u.id)).map((u) => [u.code, u]));
    const hidden = new Set(found.filter((u) => !roles.has(u.id)).map((u) => u.code));
    const inFile = new Map(rows.map((r) => [r.code, r]));

    for (const row of rows) {
      if (hidden.has(row.code)) {
        errors.push({ line: row.line, message: `Mã đơn vị "${row.code}" đã được dùng ngoài phạm vi bạn quản lý; hãy chọn mã khác.` });
      }
      if (row.parentCode && !inFile.has(row.parentCode) && !existing.has(row.parentCode)) {
        errors.push({ line: row.line, message: `Không tìm thấy đơn vị cấp trên có mã "${row.parentCode}" (cột parent_code) trong tệp hay trong hệ thống.` });
      }
    }
    errors.push(...(await findCycles(tx, rows, inFile, existing)));
    if (errors.length === 0) errors.push(...authorise(actor, classify(rows, existing), existing, roles));
    if (errors.length > 0) {
      errors.sort((a, b) => a.line - b.line);
      fail('UNIT_IMPORT_REJECTED', { errors }, { params: { errorCount: errors.length } });
    }

    const changes = classify(rows, existing);
    // A row without sort_order keeps the unit's current order.
    const toWrite = [...changes.created, ...changes.updated].map((r) => ({ ...r, sortOrder: r.sortOrder ?? existing.get(r.code)?.sortOrder ?? 0 }));
    // The ancestors of the units the file may move, read before it does (for `unit.moved`).
    const pathsBefore = await readPathsBeforeMove(tx, changes.updated.flatMap((r) => existing.get(r.code)?.id ?? []));
    const moves = await writeUnits(tx, toWrite);
    await emitUnitsMoved(tx, moves.filter((m) => pathsBefore.has(m.unitId)), pathsBefore);
    await auditChanges(tx, actor, changes, existing);
    await recordAudit(tx, actor, {
      action: 'unit.import',
      entityType: 'unit_file',
      entityId: options.fileName,
      unitId: null,
      after: { created: changes.created.length, updated: changes.updated.length, unchanged: changes.unchanged },
    });
    return { created: changes.created.length, updated: changes.updated.length, unchanged: changes.unchanged };
  });
}

interface Changes {
  created: UnitFileRow[];
  updated: UnitFileRow[];
  unchanged: number;
}

function rowDiffers(row: UnitFileRow, unit: UnitRow, parentCode: string | null): boolean {
  return (
    row.name !== unit.name ||
    row.kind !== unit.kind ||
    row.parentCode !== parentCode ||
    row.abbreviation !== unit.abbreviation ||
    (row.place !== undefined && row.place !== unit.place) ||
    (row.sortOrder !== null && row.sortOrder !== unit.sortOrder) ||
    row.activeFrom !== unit.activeFrom ||
    row.activeTo !== unit.activeTo
  );
}

function classify(rows: UnitFileRow[], existing: Map<string, UnitRow>): Changes {
  const codeById = new Map([...existing.values()].map((u) => [u.id, u.code]));
  const changes: Changes = { created: [], updated: [], unchanged: 0 };
  for (const row of rows) {
    const unit = existing.get(row.code);
    if (!unit) changes.created.push(row);
    else if (rowDiffers(row, unit, unit.parentId === null ? null : (codeById.get(unit.parentId) ?? `#${unit.parentId}`))) changes.updated.push(row);
    else changes.unchanged++;
  }
  return changes;
}

/** Reports rows whose parent chain (through the file and the database) comes back to themselves. */
async function findCycles(tx: Tx, rows: UnitFileRow[], inFile: Map<string, UnitFileRow>, existing: Map<string, UnitRow>): Promise<ImportError[]> {
  // Parents of database units that the file does not mention: load their ancestor codes in one query.
  const outside = [...existing.values()].filter((u) => !inFile.has(u.code)).map((u) => u.id);
  const parentOf = new Map<string, string | null>();
  if (outside.length > 0) {
    for (const r of await selectAncestorParentCodes(tx, outside)) parentOf.set(r.code, r.parent_code);
  }
  for (const row of rows) parentOf.set(row.code, row.parentCode);
  const errors: ImportError[] = [];
  for (const row of rows) {
    const seen = new Set<string>([row.code]);
    let code = row.parentCode;
    while (code) {
      if (seen.has(code)) {
        if (code === row.code) {
          errors.push({ line: row.line, message: `Đơn vị "${row.code}" nằm dưới chính nó qua chuỗi đơn vị cấp trên (vòng lặp).` });
        }
        break;
      }
      seen.add(code);
      code = parentOf.get(code) ?? null;
    }
  }
  return errors;
}

/**
 * Unit admin on every updated unit and on the parent of every new or moved one; system admin for
 * top-level units. Each refusal is a line of the file, naming only codes the file itself gives.
 */
function authorise(actor: Actor, changes: Changes, existing: Map<string, UnitRow>, roles: Map<number, Role>): ImportError[] {
  const errors: ImportError[] = [];
  const administers = (unit: UnitRow | undefined) => unit === undefined || roleRank[roles.get(unit.id) ?? 'viewer'] <= roleRank.unit_admin;
  for (const row of [...changes.created, ...changes.updated]) {
    if (row.parentCode === null && !isSystemAdmin(actor)) {
      errors.push({ line: row.line, message: `Chỉ quản trị hệ thống được tạo hoặc sửa đơn vị cấp cao nhất ("${row.code}" không có parent_code).` });
    } else if (!administers(existing.get(row.code))) {
      errors.push({ line: row.line, message: `Bạn không có quyền quản trị đơn vị "${row.code}".` });
    } else if (row.parentCode !== null && !administers(existing.get(row.parentCode))) {
      errors.push({ line: row.line, message: `Bạn không có quyền quản trị đơn vị cấp trên "${row.parentCode}".` });
    }
  }
  return errors;
}

/** Writes the rows; returns the existing units that got another parent. */
async function writeUnits(tx: Tx, rows: UnitFileRow[]): Promise<UnitMove[]> {
  await upsertUnits(tx, rows);
  return updateUnitParents(tx, rows);
}

async function auditChanges(tx: Tx, actor: Actor, changes: Changes, existing: Map<string, UnitRow>): Promise<void> {
  const touched = [...changes.created, ...changes.updated];
  const after = new Map((await selectUnitsByCodes(tx, touched.map((r) => r.code))).map((u) => [u.code, presentUnit(u)]));
  const entries = touched.map((row) => {
    const before = existing.get(row.code);
    const now = after.get(row.code) as UnitView;
    return {
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: before ? 'unit.update' : 'unit.create',
      entityType: 'unit',
      entityId: String(now.id),
      unitId: now.id,
      before: before ? presentUnit(before) : null,
      after: now,
      ip: actor.ip,
    };
  });
  await insertAuditRows(tx, entries);
}
