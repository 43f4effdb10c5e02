import { isApiError } from '../../api/client.js';
import type { ContributorGroup, PublicConsultation, PublicStance, PublicSubmissionInput } from '../../api/types.js';
import { errorText } from '../../i18n/errors.js';
import { opinionTextRequired, publicFormText as t } from '../../i18n/consultation.js';
import { splitServerErrors } from './serverFieldErrors.js';

/**
 * The public form's values, its rules and its request, without React (the form, PublicOpinionForm,
 * is plain HTML). An error is keyed by its field's path: `unitCode`, `opinions.1.text`, `phone`.
 */

export const MAX_OPINION_TEXT = 10_000;
export const MAX_OPINIONS = 50;

export interface PublicOpinionValues {
  /** React's key of the opinion (the list can lose an item in the middle). */
  key: number;
  documentCode: string | undefined;
  sectionRef: string | null;
  stance: PublicStance | undefined;
  text: string;
}

export interface PublicFormValues {
  opinions: PublicOpinionValues[];
  unitCode: string | undefined;
  contributorGroup: ContributorGroup | undefined;
  name: string;
  phone: string;
  idNumber: string;
  consent: boolean;
}

export type FieldErrors = Record<string, string>;

let lastKey = 0;

/** A new, empty opinion on the first draft. */
export function emptyPublicOpinion(consultation: Pick<PublicConsultation, 'documents'>): PublicOpinionValues {
  return { key: ++lastKey, documentCode: consultation.documents[0]?.code, sectionRef: null, stance: undefined, text: '' };
}

export function initialPublicValues(consultation: Pick<PublicConsultation, 'documents'>): PublicFormValues {
  return { opinions: [emptyPublicOpinion(consultation)], unitCode: undefined, contributorGroup: undefined, name: '', phone: '', idNumber: '', consent: false };
}

const PHONE = /^(\+?[0-9][0-9 .-]{6,18}[0-9])?$/;
const ID_NUMBER = /^([0-9]{9}|[0-9]{12})?$/;
const filled = (v: string) => v.trim() !== '';

/** The error of one opinion's fields (`opinions.i.…`). */
function opinionErrors(o: PublicOpinionValues, i: number, documentCount: number, errors: FieldErrors): void {
  if (documentCount > 1 && !o.documentCode) errors[`opinions.${i}.documentCode`] = 'Hãy chọn dự thảo.';
  if (!o.stance) errors[`opinions.${i}.stance`] = t.stanceRequired;
  const textRequired = o.stance ? opinionTextRequired[o.stance] : null;
  if (o.text.length > MAX_OPINION_TEXT) errors[`opinions.${i}.text`] = 'Tối đa 10.000 ký tự.';
  else if (textRequired && !filled(o.text)) errors[`opinions.${i}.text`] = textRequired;
}

/** Every rule of the form (those antd's Form.Items held): what is missing or malformed, by field. */
export function validatePublicForm(values: PublicFormValues, documentCount: number): FieldErrors {
  const errors: FieldErrors = {};
  values.opinions.forEach((o, i) => opinionErrors(o, i, documentCount, errors));
  if (!values.unitCode) errors.unitCode = t.unitRequired;
  if (!values.contributorGroup) errors.contributorGroup = t.groupRequired;
  if (!PHONE.test(values.phone)) errors.phone = 'Số điện thoại không hợp lệ.';
  if (!ID_NUMBER.test(values.idNumber)) errors.idNumber = 'Số định danh/CCCD gồm 12 chữ số (hoặc CMND 9 chữ số).';
  const contactGiven = filled(values.name) || filled(values.phone) || filled(values.idNumber);
  if (contactGiven && !values.consent) errors.consent = t.consentRequired;
  return errors;
}

/** The request: trimmed texts; contact details only when one is given (with the consent the form required). */
export function toPublicInput(values: PublicFormValues, idempotencyKey: string): PublicSubmissionInput {
  const name = values.name.trim();
  const phone = values.phone.trim();
  const idNumber = values.idNumber.trim();
  const hasContact = Boolean(name || phone || idNumber);
  return {
    idempotencyKey,
    unitCode: values.unitCode ?? '',
    contributorGroup: values.contributorGroup ?? 'khac',
    opinions: values.opinions.map((o) => ({ documentCode: o.documentCode ?? '', sectionRef: o.sectionRef ?? null, stance: o.stance ?? 'agree', text: o.text.trim() })),
    contact: hasContact ? { name: name || null, phone: phone || null, idNumber: idNumber || null, consent: true } : null,
  };
}

const layout = { fields: ['unitCode', 'contributorGroup', 'name', 'phone', 'idNumber', 'consent'], lists: ['opinions'], flatten: ['contact'] } as const;

/**
 * A failed submit: the messages of a rejected request placed on their fields, and the notice under
 * the form — "try again" when the server may come back (the idempotency key makes it count once),
 * the reason without its field details when every detail sits on a field, else the whole reason.
 */
export function submitFailure(error: unknown): { fields: FieldErrors; notice: string } {
  const fields: FieldErrors = {};
  let onFields = false;
  if (isApiError(error) && error.code === 'VALIDATION_FAILED') {
    const split = splitServerErrors(error.details, layout);
    for (const f of split.fields) fields[f.name.join('.')] = f.errors[0] ?? '';
    onFields = split.other.length === 0;
  }
  const retryable = !isApiError(error) || error.status === 0 || error.status >= 500;
  const notice = retryable ? t.retryHint : onFields ? (errorText(error).split(' Chi tiết:')[0] ?? '') : errorText(error);
  return { fields, notice };
}
