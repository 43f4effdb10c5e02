import type { AddresseeInput, Convention, DirectiveInput, DirectiveRelation, PartialDate, Signer } from '../../api/types.js';

/** One row of "Kính gửi" / "Nơi nhận": a name as written and the units it stands for. */
export interface AddresseeRow {
  name: string;
  unitIds: number[];
}

export interface ReferenceRow {
  relation: DirectiveRelation;
  docType?: string | null;
  numberSymbol?: string | null;
  date?: PartialDate | null;
  issuerName?: string | null;
}

export interface DirectiveFormValues {
  docType?: string | null;
  convention?: Convention | null;
  numberSymbol?: string | null;
  issuerName?: string | null;
  issuerUnitId?: number | null;
  place?: string | null;
  date?: PartialDate | null;
  subject?: string | null;
  recipients: AddresseeRow[];
  distribution: AddresseeRow[];
  signer: { authority?: string | null; body?: string | null; title?: string | null; name?: string | null };
  references: ReferenceRow[];
}

/** The reviewed fields, without owner, text and deadlines (kept by the page). */
export type DirectiveFields = Omit<DirectiveInput, 'ownerUnitId' | 'text' | 'deadlines'>;

/**
 * A group name ("Các xã, phường") arrives as one entry per unit it stands for; the form shows it as
 * one row with several units, so rows keep the order (and index) of the names in the text.
 */
export function groupAddressees(list: readonly AddresseeInput[]): AddresseeRow[] {
  const rows: AddresseeRow[] = [];
  for (const a of list) {
    const last = rows.at(-1);
    if (last && last.name === a.name) {
      if (a.unitId !== null && !last.unitIds.includes(a.unitId)) last.unitIds.push(a.unitId);
      continue;
    }
    rows.push({ name: a.name, unitIds: a.unitId === null ? [] : [a.unitId] });
  }
  return rows;
}

export function ungroupAddressees(rows: readonly AddresseeRow[] | undefined): AddresseeInput[] {
  const out: AddresseeInput[] = [];
  for (const row of rows ?? []) {
    const name = (row.name ?? '').trim();
    if (!name) continue;
    if (row.unitIds.length === 0) out.push({ name, unitId: null });
    else for (const unitId of row.unitIds) out.push({ name, unitId });
  }
  return out;
}

function text(value: string | null | undefined): string | null {
  const t = (value ?? '').trim();
  return t === '' ? null : t;
}

function partialDate(date: PartialDate | null | undefined): PartialDate | null {
  if (!date || (date.year === null && date.month === null && date.day === null)) return null;
  return { year: date.year ?? null, month: date.month ?? null, day: date.day ?? null };
}

export function toFormValues(fields: DirectiveFields): DirectiveFormValues {
  return {
    docType: fields.docType,
    convention: fields.convention,
    numberSymbol: fields.numberSymbol,
    issuerName: fields.issuerName,
    issuerUnitId: fields.issuerUnitId,
    place: fields.place,
    date: fields.date,
    subject: fields.subject,
    recipients: groupAddressees(fields.recipients),
    distribution: groupAddressees(fields.distribution),
    signer: { ...(fields.signer ?? { authority: null, body: null, title: null, name: null }) },
    references: fields.references.map((r) => ({ ...r })),
  };
}

export function fromFormValues(v: DirectiveFormValues): DirectiveFields {
  const signer: Signer = {
    authority: text(v.signer?.authority),
    body: text(v.signer?.body),
    title: text(v.signer?.title),
    name: text(v.signer?.name),
  };
  return {
    docType: text(v.docType),
    convention: v.convention ?? null,
    numberSymbol: text(v.numberSymbol),
    issuerName: text(v.issuerName),
    issuerUnitId: v.issuerUnitId ?? null,
    place: text(v.place),
    date: partialDate(v.date),
    subject: text(v.subject),
    recipients: ungroupAddressees(v.recipients),
    distribution: ungroupAddressees(v.distribution),
    signer: Object.values(signer).every((s) => s === null) ? null : signer,
    references: (v.references ?? []).map((r) => ({
      relation: r.relation,
      docType: text(r.docType),
      numberSymbol: text(r.numberSymbol),
      date: partialDate(r.date),
      issuerName: text(r.issuerName),
    })),
  };
}
