import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { requireUnitRole } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { fail } from '../../platform/errors.js';
import { daysInMonth } from '../../platform/time/vietnam.js';
import { clean } from '../../core/official-docx/index.js';
import { parseDirective } from '../../core/vn-document/index.js';
import { matchUnit, type MatchContext } from '../../core/unit-match/index.js';
import { selectDirective, selectMatchCandidates, type DirectiveRow } from './repository.js';
import { markDraftIssued, selectDraft, selectDraftForUpdate } from './draft-repository.js';
import { writeRegistration } from './register-directive.js';
import { selectUnitName } from './unit-repository.js';
import type { DirectiveInput, DraftContent } from './schemas.js';

export interface IssueDate {
  year: number;
  month: number;
  day: number;
}

/** The number and symbol a clerk gives at issue: it must start with the number ("15-CV/ĐU"). */
export function issuedNumberSymbol(raw: string): string {
  const value = clean(raw).replace(/^số\s*:?\s*/iu, '');
  if (!/^\d+/u.test(value)) fail('DRAFT_NUMBER_REQUIRED');
  return value;
}

function assertCalendarDate(date: IssueDate): void {
  const { year, month, day } = date;
  if (!(year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) fail('DRAFT_DATE_INVALID');
}

/**
 * The directive a draft becomes: the unit issues and registers it; addressees are the draft's
 * Kính gửi and Nơi nhận (linked to units where the names match, nearest the unit first); the text
 * is the draft's body; its one citation "implements" the parent as the draft's opening names it.
 */
export function directiveInputOfDraft(
  content: DraftContent,
  source: { unitId: number; unitName: string; parent: DirectiveRow | undefined; match: MatchContext },
): DirectiveInput {
  const text = content.body.map((p) => p.text).join('\n');
  const link = (names: string[]) => names.map(clean).filter(Boolean).map((name) => ({ name, unitId: matchUnit(name, source.match)?.id ?? null }));
  const { parent } = source;
  const parentDate = parent && parent.issuedYear !== null ? { year: parent.issuedYear, month: parent.issuedMonth, day: parent.issuedDay } : null;
  return {
    ownerUnitId: source.unitId,
    text: text.trim() ? text : content.subject || content.issuingBody,
    docType: content.docType,
    convention: content.convention,
    numberSymbol: content.numberSymbol,
    issuerName: source.unitName,
    issuerUnitId: source.unitId,
    place: clean(content.place) || null,
    date: content.date,
    subject: clean(content.subject) || null,
    recipients: link(content.recipients),
    distribution: link(content.distribution),
    signer: { authority: content.signer.authority, body: content.signer.body, title: content.signer.title || null, name: content.signer.name || null },
    references: parent ? [{ relation: 'implements', docType: parent.docType, numberSymbol: parent.numberSymbol, date: parentDate, issuerName: parent.issuerName }] : [],
    deadlines: parseDirective(text).deadlines.map((d) => ({ text: d.text, rule: d.rule as Record<string, unknown> })),
  };
}

/**
 * "Ban hành": registers a draft as a directive of its unit (editor there) through the one
 * registration operation — same checks (access, linked units, no second copy), same audit — with
 * the number and date the clerk gives, then marks the draft issued (read-only) with the directive's
 * id, who and when. One transaction; a draft already issued is refused (DRAFT_ALREADY_ISSUED).
 */
export async function issueDraft(db: Db, options: { actor: Actor; draftId: number; numberSymbol: string; date: IssueDate }) {
  const { actor, draftId } = options;
  const numberSymbol = issuedNumberSymbol(options.numberSymbol);
  assertCalendarDate(options.date);
  const found = await selectDraft(db, draftId);
  if (!found) fail('DRAFT_NOT_FOUND');
  await requireUnitRole(db, actor, [found.unitId], 'editor');
  const candidates = await selectMatchCandidates(db, actor);
  return db.transaction(async (tx) => {
    const row = await selectDraftForUpdate(tx, draftId);
    if (!row) fail('DRAFT_NOT_FOUND');
    if (row.status === 'issued') fail('DRAFT_ALREADY_ISSUED', { draftId: row.id, directiveId: row.issuedDirectiveId });
    const parent = row.parentDirectiveId === null ? undefined : await selectDirective(tx, row.parentDirectiveId);
    const content: DraftContent = { ...(row.content as DraftContent), numberSymbol, date: options.date };
    const unitName = await selectUnitName(tx, row.unitId);
    const match: MatchContext = { candidates, nearUnitId: row.unitId, place: clean(content.place) || null };
    const input = directiveInputOfDraft(content, { unitId: row.unitId, unitName, parent, match });
    const directiveId = await writeRegistration(tx, { actor, input, ...(parent ? { implementsDirectiveId: parent.id } : {}) });
    await markDraftIssued(tx, row.id, { directiveId, userId: actor.userId, content });
    await recordAudit(tx, actor, { action: 'draft.issue', entityType: 'directive_draft', entityId: row.id, unitId: row.unitId, after: { directiveId, numberSymbol, date: options.date } });
    return { draftId: row.id, directiveId };
  });
}
