import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { effectiveRoles } from '../../platform/access/scope.js';
import { roleRank } from '../../platform/access/roles.js';
import { fail } from '../../platform/errors.js';
import { highlightsOf } from './highlights.js';
import type { ParsedDirective } from '../../core/vn-document/types.js';
import {
  isDirectiveVisible,
  selectAcknowledgements,
  selectAddressees,
  selectCitedBy,
  selectDirective,
  selectFileInfo,
  selectReferences,
} from './repository.js';
import { selectUnitName } from './unit-repository.js';
import type { DirectiveView } from './schemas.js';

const dateOf = (y: number | null, m: number | null, d: number | null) => (y === null && m === null && d === null ? null : { year: y, month: m, day: d });

/** A directive as its detail page shows it; only for units that issued, registered or received it. */
export async function getDirective(db: Db, options: { actor: Actor; directiveId: number }): Promise<DirectiveView> {
  const { actor, directiveId } = options;
  if (!(await isDirectiveVisible(db, actor, directiveId))) fail('DIRECTIVE_NOT_FOUND');
  const row = await selectDirective(db, directiveId);
  if (!row) fail('DIRECTIVE_NOT_FOUND');
  const [addressees, references, citedBy, file, acks] = await Promise.all([
    selectAddressees(db, directiveId),
    selectReferences(db, actor, directiveId),
    selectCitedBy(db, actor, directiveId),
    selectFileInfo(db, directiveId),
    selectAcknowledgements(db, directiveId),
  ]);
  const addressedUnits = [...new Map(addressees.filter((a) => a.unitId !== null).map((a) => [a.unitId as number, a.unitName ?? ''])).entries()];
  const roles = await effectiveRoles(db, actor, [row.ownerUnitId, ...addressedUnits.map(([id]) => id)]);
  const canEditIn = (unitId: number) => {
    const role = roles.get(unitId);
    return role !== undefined && roleRank[role] <= roleRank.editor;
  };
  return {
    id: row.id,
    docType: row.docType,
    convention: row.convention,
    numberSymbol: row.numberSymbol,
    number: row.number,
    issuerName: row.issuerName,
    issuerUnitId: row.issuerUnitId,
    issuerUnitName: row.issuerUnitId === null ? null : await selectUnitName(db, row.issuerUnitId),
    place: row.place,
    date: dateOf(row.issuedYear, row.issuedMonth, row.issuedDay),
    subject: row.subject,
    ownerUnitId: row.ownerUnitId,
    ownerUnitName: await selectUnitName(db, row.ownerUnitId),
    signer: row.signer as DirectiveView['signer'],
    recipients: addressees.filter((a) => a.role === 'recipient').map(({ name, unitId, unitName }) => ({ name, unitId, unitName })),
    distribution: addressees.filter((a) => a.role === 'distribution').map(({ name, unitId, unitName }) => ({ name, unitId, unitName })),
    references: references.map((r) => ({
      id: r.id,
      relation: r.relation,
      docType: r.docType,
      numberSymbol: r.numberSymbol,
      issuerName: r.issuerName,
      date: dateOf(r.refYear, r.refMonth, r.refDay),
      targetId: r.targetId,
      targetSubject: r.targetSubject,
    })),
    citedBy,
    deadlines: row.deadlines as DirectiveView['deadlines'],
    sections: row.sections as unknown[],
    text: row.bodyText,
    highlights: row.parsed ? highlightsOf(row.parsed as ParsedDirective) : [],
    file,
    canEdit: canEditIn(row.ownerUnitId),
    acknowledgeable: addressedUnits
      .filter(([unitId]) => canEditIn(unitId))
      .map(([unitId, unitName]) => ({ unitId, unitName, acknowledgedAt: acks.find((k) => k.unitId === unitId)?.at.toISOString() ?? null })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
