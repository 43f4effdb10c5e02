import type { Db, Tx } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { requireUnitRole } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { fail } from '../../platform/errors.js';
import { formatMb } from '../../platform/files/limits.js';
import { insertDirectiveFile, selectDirective, selectMatchCandidates } from './repository.js';
import { auditFields, directiveRow, writeDirective } from './write-directive.js';
import { assertNotRegistered } from './registered-check.js';
import { linkImplementedDirective } from './reference-repository.js';
import type { DirectiveInput } from './schemas.js';

const MAX_FILE = 30 * 1024 * 1024;

/** Linked units must be units the person may see or their superiors, never another province's. */
async function assertLinkableUnits(tx: Tx, actor: Actor, input: DirectiveInput): Promise<void> {
  const linked = [input.issuerUnitId, ...input.recipients.map((a) => a.unitId), ...input.distribution.map((a) => a.unitId)].filter(
    (id): id is number => id !== null,
  );
  if (linked.length === 0) return;
  const allowed = new Set((await selectMatchCandidates(tx, actor)).map((u) => u.id));
  const outside = linked.filter((id) => !allowed.has(id));
  if (outside.length > 0) {
    fail('LINKED_UNITS_OUT_OF_SCOPE', { unitIds: outside });
  }
}

/**
 * Registers a reviewed directive in a unit's register (editor or above there), keeps the original
 * file, links and resolves its citations (and earlier citations of it), and audits it. A directive
 * already in that register (same number, issuer and date, or with a blank number the same text) is
 * refused with DIRECTIVE_ALREADY_REGISTERED pointing at it.
 */
export async function registerDirective(
  db: Db,
  options: { actor: Actor; input: DirectiveInput; file?: { data: Buffer; fileName: string; contentType: string } | undefined },
): Promise<number> {
  const { actor, input, file } = options;
  await requireUnitRole(db, actor, [input.ownerUnitId], 'editor');
  if (file && file.data.length > MAX_FILE) fail('FILE_TOO_LARGE', { reason: 'FILE_TOO_LARGE', maxBytes: MAX_FILE }, { params: { maxSize: formatMb(MAX_FILE) } });
  return db.transaction((tx) => writeRegistration(tx, options));
}

/**
 * The registration inside the caller's transaction, after the caller checked the editor role on
 * `input.ownerUnitId`: linked units, no second copy, the directive, its file, its audit row.
 * `implementsDirectiveId` (issuing a draft) links its first "implements" citation to that directive
 * even when the parent has a blank number, which no symbol key could resolve.
 */
export async function writeRegistration(
  tx: Tx,
  options: { actor: Actor; input: DirectiveInput; file?: { data: Buffer; fileName: string; contentType: string } | undefined; implementsDirectiveId?: number },
): Promise<number> {
  const { actor, input, file } = options;
  await assertLinkableUnits(tx, actor, input);
  const row = directiveRow(input);
  await assertNotRegistered(tx, row);
  const id = await writeDirective(tx, null, input, actor.userId, row);
  if (options.implementsDirectiveId !== undefined) await linkImplementedDirective(tx, id, options.implementsDirectiveId);
  if (file) await insertDirectiveFile(tx, id, file);
  await recordAudit(tx, actor, { action: 'directive.register', entityType: 'directive', entityId: id, unitId: input.ownerUnitId, after: auditFields(input) });
  return id;
}

/** Corrects a registered directive (editor of its register unit); the audit row keeps before and after. */
export async function correctDirective(db: Db, options: { actor: Actor; directiveId: number; input: DirectiveInput }) {
  const { actor, directiveId, input } = options;
  const current = await selectDirective(db, directiveId);
  if (!current) fail('DIRECTIVE_NOT_FOUND');
  await requireUnitRole(db, actor, [current.ownerUnitId], 'editor');
  if (input.ownerUnitId !== current.ownerUnitId) await requireUnitRole(db, actor, [input.ownerUnitId], 'editor');
  await db.transaction(async (tx) => {
    await assertLinkableUnits(tx, actor, input);
    const before = await beforeOf(tx, directiveId);
    await writeDirective(tx, directiveId, input, actor.userId);
    await recordAudit(tx, actor, { action: 'directive.correct', entityType: 'directive', entityId: directiveId, unitId: input.ownerUnitId, before, after: auditFields(input) });
  });
}

async function beforeOf(tx: Tx, directiveId: number) {
  const row = await selectDirective(tx, directiveId);
  if (!row) fail('DIRECTIVE_NOT_FOUND');
  return {
    ownerUnitId: row.ownerUnitId,
    docType: row.docType,
    convention: row.convention,
    numberSymbol: row.numberSymbol,
    issuerName: row.issuerName,
    issuerUnitId: row.issuerUnitId,
    place: row.place,
    date: { year: row.issuedYear, month: row.issuedMonth, day: row.issuedDay },
    subject: row.subject,
    signer: row.signer,
  };
}
