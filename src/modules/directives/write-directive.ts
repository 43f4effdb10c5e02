import type { Tx } from '../../platform/db/database.js';
import { normalizeVi, searchKey } from '../../platform/vn/index.js';
import { parseDirective } from '../../core/vn-document/index.js';
import { insertDirective, replaceAddressees, replaceReferences, updateDirective } from './repository.js';
import { resolveReferences, restoreBlankNumberLinks, selectBlankNumberLinks } from './reference-repository.js';
import { symbolKey } from './symbol-key.js';
import type { DirectiveInput } from './schemas.js';

/** The number part of a canonical number/symbol ("167" of "167-CV/BTGDVTU"; null for a blank number). */
export function numberOf(numberSymbol: string | null): string | null {
  return numberSymbol?.match(/^\s*(\d+)/)?.[1] ?? null;
}

/** The stored row of a reviewed directive: fields as corrected, the parse kept for highlighting. */
export function directiveRow(input: DirectiveInput) {
  const clean = (s: string | null) => (s === null ? null : normalizeVi(s).trim() || null);
  const numberSymbol = clean(input.numberSymbol);
  const parsed = parseDirective(input.text);
  return {
    ownerUnitId: input.ownerUnitId,
    docType: clean(input.docType),
    convention: input.convention,
    numberSymbol,
    number: numberOf(numberSymbol),
    symbolKey: symbolKey(numberSymbol),
    issuerName: clean(input.issuerName),
    issuerUnitId: input.issuerUnitId,
    place: clean(input.place),
    issuedYear: input.date?.year ?? null,
    issuedMonth: input.date?.month ?? null,
    issuedDay: input.date?.day ?? null,
    subject: clean(input.subject),
    signer: input.signer,
    deadlines: input.deadlines,
    sections: parsed.sections,
    bodyText: parsed.text,
    sourceText: input.text,
    parsed,
    searchKey: searchKey([input.subject, input.issuerName, input.numberSymbol, input.docType].filter(Boolean).join(' ')),
  };
}

export type DirectiveRowValues = ReturnType<typeof directiveRow>;

/**
 * Inserts (id null) or rewrites a directive with its addressees and references, then resolves
 * citations. `row` is `directiveRow(input)` when the caller has already computed it.
 */
export async function writeDirective(
  tx: Tx,
  id: number | null,
  input: DirectiveInput,
  registeredByUserId: number | null,
  row: DirectiveRowValues = directiveRow(input),
): Promise<number> {
  let directiveId: number;
  // A correction keeps the links of citations of a blank-number directive (issued drafts' parents).
  const blankNumberLinks = id === null ? [] : await selectBlankNumberLinks(tx, id);
  if (id === null) directiveId = await insertDirective(tx, row, registeredByUserId);
  else {
    await updateDirective(tx, id, row);
    directiveId = id;
  }
  await replaceAddressees(tx, directiveId, [
    ...input.recipients.map((a) => ({ role: 'recipient' as const, name: normalizeVi(a.name), unitId: a.unitId })),
    ...input.distribution.map((a) => ({ role: 'distribution' as const, name: normalizeVi(a.name), unitId: a.unitId })),
  ]);
  await replaceReferences(
    tx,
    directiveId,
    input.references.map((r, position) => ({
      directiveId,
      position,
      relation: r.relation,
      docType: r.docType,
      numberSymbol: r.numberSymbol,
      symbolKey: symbolKey(r.numberSymbol),
      issuerName: r.issuerName,
      refYear: r.date?.year ?? null,
      refMonth: r.date?.month ?? null,
      refDay: r.date?.day ?? null,
    })),
  );
  if (blankNumberLinks.length > 0) await restoreBlankNumberLinks(tx, directiveId, blankNumberLinks);
  await resolveReferences(tx, { id: directiveId, symbolKey: row.symbolKey, issuedYear: row.issuedYear });
  return directiveId;
}

/** The audited view of a directive's reviewed fields (what a correction changes). */
export function auditFields(input: DirectiveInput) {
  const { text: _text, ...fields } = input;
  return fields;
}
