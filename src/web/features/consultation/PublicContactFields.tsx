import { Card, controlProps, Field } from '../../components/plain/Field.js';
import { publicFormText as t } from '../../i18n/consultation.js';
import type { FieldErrors, PublicFormValues } from './publicFormValues.js';

type Contact = Pick<PublicFormValues, 'name' | 'phone' | 'idNumber' | 'consent'>;

/** The optional contact details of the public form; the consent box must be ticked as soon as one is given. */
export function PublicContactFields({ values, errors, onChange }: { values: Contact; errors: FieldErrors; onChange: (changes: Partial<Contact>) => void }) {
  return (
    <Card title={t.contactTitle} style={{ marginTop: 16 }}>
      <p className="lt-secondary" style={{ marginTop: 0 }}>
        {t.contactHint}
      </p>
      <Field id="name" label={t.name} optional error={errors.name}>
        <input {...controlProps('name', errors.name)} className="lt-input" data-testid="public-name" autoComplete="name" maxLength={200} value={values.name} onChange={(e) => onChange({ name: e.target.value })} />
      </Field>
      <Field id="phone" label={t.phone} optional error={errors.phone}>
        <input {...controlProps('phone', errors.phone)} className="lt-input" data-testid="public-phone" inputMode="tel" autoComplete="tel" maxLength={25} value={values.phone} onChange={(e) => onChange({ phone: e.target.value })} />
      </Field>
      <Field id="idNumber" label={t.idNumber} optional error={errors.idNumber}>
        <input {...controlProps('idNumber', errors.idNumber)} className="lt-input" data-testid="public-id-number" inputMode="numeric" maxLength={12} value={values.idNumber} onChange={(e) => onChange({ idNumber: e.target.value })} />
      </Field>
      <div className={errors.consent ? 'lt-field lt-field-last lt-field-invalid' : 'lt-field lt-field-last'}>
        <label className="lt-choice">
          <input type="checkbox" {...controlProps('consent', errors.consent)} data-testid="public-consent" checked={values.consent} onChange={(e) => onChange({ consent: e.target.checked })} />
          <span>{t.consent}</span>
        </label>
        {errors.consent ? (
          <div id="consent-error" className="lt-field-error">
            {errors.consent}
          </div>
        ) : null}
      </div>
    </Card>
  );
}
