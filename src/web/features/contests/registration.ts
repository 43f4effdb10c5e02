/** The registration form's checks (pure): the server checks again; these only spare a round trip. */
import { contestText as t } from '../../i18n/contests.js';

export interface RegistrationValues {
  name: string;
  phone: string;
  idNumber: string;
  unitId: number | null;
  group: string;
  consent: boolean;
}

/** A Vietnamese phone number: 0 or +84 then 9 digits (spaces, dots and dashes ignored). */
export function phoneLooksValid(phone: string): boolean {
  return /^(0|\+?84)\d{9}$/.test(phone.replace(/[\s.-]/g, ''));
}

export function registrationErrors(v: RegistrationValues): Partial<Record<keyof RegistrationValues, string>> {
  const errors: Partial<Record<keyof RegistrationValues, string>> = {};
  if (!v.name.trim()) errors.name = t.nameRequired;
  if (!phoneLooksValid(v.phone)) errors.phone = t.phoneInvalid;
  if (v.unitId === null) errors.unitId = t.unitRequired;
  if (!v.group) errors.group = t.groupRequired;
  if (!v.consent) errors.consent = t.consentRequired;
  return errors;
}
