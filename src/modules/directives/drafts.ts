import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { effectiveRoles, requireUnitRole } from '../../platform/access/scope.js';
import { roleRank } from '../../platform/access/roles.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { fail } from '../../platform/errors.js';
import { vietnamToday } from '../../platform/time/vietnam.js';
import { conventionOfUnitKind, renderOfficialDocx, type DocumentRef, type OfficialHeading } from '../../core/official-docx/index.js';
import { draftFileName, draftNumberSymbol, draftOpening, draftPlace, draftSubject } from './draft-text.js';
import { isDirectiveVisible, selectDirective } from './repository.js';
import { insertDraft, selectDraft, selectDraftsForParent, updateDraftContent, type DraftRow } from './draft-repository.js';
import { selectUnitName, selectUnitWithChildren } from './unit-repository.js';
import type { DraftContent } from './schemas.js';
import type { DraftView } from './draft-schemas.js';

async function unitWithChildren(db: Db, unitId: number) {
  const found = await selectUnitWithChildren(db, unitId);
  if (!found) fail('UNIT_NOT_FOUND');
  return found;
}

/**
 * Starts the implementing directive of a unit from the directive it implements: the "Thực hiện …"
 * sentence, the unit as issuer, its child units as addressees, today's month in Vietnam time
 * (wording: draft-text.ts). When the unit already has a draft for that directive, answers
 * DRAFT_ALREADY_STARTED with its id (the one being drafted first) unless `again` asks for another.
 */
export async function startDraft(db: Db, options: { actor: Actor; directiveId: number; unitId: number; again?: boolean | undefined }) {
  const { actor, directiveId, unitId } = options;
  await requireUnitRole(db, actor, [unitId], 'editor');
  if (!(await isDirectiveVisible(db, actor, directiveId))) fail('DIRECTIVE_NOT_FOUND');
  const parent = await selectDirective(db, directiveId);
  if (!parent) fail('DIRECTIVE_NOT_FOUND');
  const { unit, children, parentName } = await unitWithChildren(db, unitId);
  const [existing] = options.again ? [] : await selectDraftsForParent(db, directiveId, unitId);
  if (existing) fail('DRAFT_ALREADY_STARTED', { draftId: existing.id, status: existing.status, unitName: unit.name, updatedAt: existing.updatedAt.toISOString() });
  const party = conventionOfUnitKind(unit.kind) === 'party';
  const today = vietnamToday();
  const ref: DocumentRef = {
    docType: parent.docType ?? 'Văn bản',
    numberSymbol: parent.numberSymbol,
    date: parent.issuedYear === null ? null : { year: parent.issuedYear, month: parent.issuedMonth, day: parent.issuedDay },
    issuer: parent.issuerName,
    subject: parent.subject,
  };
  const opening = draftOpening(ref, unit.name, children.map((c) => c.name));
  const content: DraftContent = {
    convention: party ? 'party' : 'state',
    docType: 'Công văn',
    parentBody: parentName ? parentName.toLocaleUpperCase('vi') : null,
    issuingBody: unit.name.toLocaleUpperCase('vi'),
    numberSymbol: draftNumberSymbol(party ? 'party' : 'state', unit.abbreviation),
    place: draftPlace(parent.place, [unit.name, parentName]),
    date: { year: today.year, month: today.month, day: null },
    subject: draftSubject(ref),
    recipients: opening.recipients,
    body: [{ text: opening.paragraph }, { text: '1. ' }],
    distribution: [...(opening.recipients.length > 0 ? ['Như trên'] : []), ...(parent.issuerName ? [`${parent.issuerName} (b/c)`] : []), party ? 'Lưu VT' : 'Lưu: VT'],
    signer: { authority: party ? 'T/M' : 'KT.', body: party ? unit.name.toLocaleUpperCase('vi') : 'GIÁM ĐỐC', title: party ? 'BÍ THƯ' : 'PHÓ GIÁM ĐỐC', name: '' },
  };
  return db.transaction(async (tx) => {
    const row = await insertDraft(tx, { parentDirectiveId: directiveId, unitId, content, createdByUserId: actor.userId });
    if (!row) fail('UNEXPECTED');
    await recordAudit(tx, actor, { action: 'draft.create', entityType: 'directive_draft', entityId: row.id, unitId, after: { parentDirectiveId: directiveId } });
    return present(row, unit.name, { parentSeen: true, canEdit: true });
  });
}

async function loadDraft(db: Db, actor: Actor, draftId: number, minimum: 'viewer' | 'editor') {
  const row = await selectDraft(db, draftId);
  if (!row) fail('DRAFT_NOT_FOUND');
  await requireUnitRole(db, actor, [row.unitId], minimum);
  const role = (await effectiveRoles(db, actor, [row.unitId])).get(row.unitId);
  const unitName = await selectUnitName(db, row.unitId);
  // A colleague may read a draft started from a directive only its author could see: no link then.
  const parentSeen = row.parentDirectiveId !== null && (await isDirectiveVisible(db, actor, row.parentDirectiveId));
  return { row, unitName, parentSeen, isEditor: role !== undefined && roleRank[role] <= roleRank.editor };
}

function present(row: DraftRow, unitName: string, seen: { parentSeen: boolean; canEdit: boolean }): DraftView {
  return {
    id: row.id,
    parentDirectiveId: seen.parentSeen ? row.parentDirectiveId : null,
    unitId: row.unitId,
    unitName,
    status: row.status,
    issuedDirectiveId: row.issuedDirectiveId,
    issuedAt: row.issuedAt?.toISOString() ?? null,
    canEdit: seen.canEdit && row.status === 'draft',
    content: row.content as DraftContent,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getDraft(db: Db, options: { actor: Actor; draftId: number }) {
  const { row, unitName, parentSeen, isEditor } = await loadDraft(db, options.actor, options.draftId, 'viewer');
  return present(row, unitName, { parentSeen, canEdit: isEditor });
}

/** Saves a draft being drafted (editor of its unit); an issued draft is read-only (DRAFT_ALREADY_ISSUED). */
export async function saveDraft(db: Db, options: { actor: Actor; draftId: number; content: DraftContent }) {
  const { row, unitName, parentSeen } = await loadDraft(db, options.actor, options.draftId, 'editor');
  if (row.status !== 'draft') fail('DRAFT_ALREADY_ISSUED', { draftId: row.id, directiveId: row.issuedDirectiveId });
  return db.transaction(async (tx) => {
    const updated = await updateDraftContent(tx, row.id, options.content);
    if (!updated) fail('DRAFT_ALREADY_ISSUED', { draftId: row.id });
    await recordAudit(tx, options.actor, { action: 'draft.update', entityType: 'directive_draft', entityId: row.id, unitId: row.unitId, before: row.content, after: options.content });
    return present(updated, unitName, { parentSeen, canEdit: true });
  });
}

/** The neutral heading of an official document, from a draft: everything but its body. */
function draftHeading(content: DraftContent): OfficialHeading {
  const { convention, docType, parentBody, issuingBody, numberSymbol, place, date, subject, recipients, distribution, signer } = content;
  return { convention, docType, parentBody, issuingBody, numberSymbol, place, date, subject, recipients, distribution, signer };
}

/** The draft as a DOCX in the official layout (Party: Guidance 36; State: Decree 30). */
export async function exportDraftDocx(db: Db, options: { actor: Actor; draftId: number }) {
  const { row } = await loadDraft(db, options.actor, options.draftId, 'viewer');
  const content = row.content as DraftContent;
  const buffer = await renderOfficialDocx(draftHeading(content), content.body);
  return { buffer, fileName: draftFileName(content) };
}
