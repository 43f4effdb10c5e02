import { seal, unseal } from './seal.js';

/**
 * A contributor's contact details as sealed into `submission_contacts.sealed`: one JSON object
 * `{name, phone, idNumber}` (absent fields are null). Every intake path (web form, staff entry,
 * file import) uses these two functions so the stored format is one.
 */
export interface ContactDetails {
  name: string | null;
  phone: string | null;
  idNumber: string | null;
}

export function sealContact(contact: ContactDetails, key: Buffer): string {
  return seal(JSON.stringify({ name: contact.name, phone: contact.phone, idNumber: contact.idNumber }), key);
}

export function unsealContact(sealed: string, key: Buffer): ContactDetails {
  const value = JSON.parse(unseal(sealed, key)) as Partial<ContactDetails>;
  const field = (v: unknown) => (typeof v === 'string' ? v : null);
  return { name: field(value.name), phone: field(value.phone), idNumber: field(value.idNumber) };
}
