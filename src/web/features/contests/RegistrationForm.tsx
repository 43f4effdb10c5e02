import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Field, controlProps, focusFirstError } from '../../components/plain/Field.js';
import { errorText } from '../../i18n/errors.js';
import { contestText as t, participantGroupLabels } from '../../i18n/contests.js';
import { contestPublicApi, useContestUnits } from './publicApi.js';
import { registrationErrors, type RegistrationValues } from './registration.js';
import type { Registration } from './types.js';

const groups = Object.entries(participantGroupLabels) as [string, string][];

/** "Đơn vị": a search box and the matching active units of the tree as a native list (never free text). */
function UnitPicker({ code, value, onChange, error }: { code: string; value: number | null; onChange: (id: number | null) => void; error: string | null }) {
  const [text, setText] = useState('');
  const units = useContestUnits(code, text);
  const items = units.data ?? [];
  return (
    <Field id="unit" label={t.unit} required error={error}>
      <input id="unit-search" className="lt-input" type="search" aria-label={t.unitPlaceholder} placeholder={t.unitPlaceholder} data-testid="unit-search" value={text} onChange={(e) => setText(e.target.value)} style={{ marginBottom: 8, minHeight: 44, fontSize: 16 }} />
      <select {...controlProps('unit', error, undefined, true)} className="lt-select" data-testid="unit-select" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))} style={{ minHeight: 44, fontSize: 16 }}>
        <option value="">{items.length === 0 && !units.isFetching ? t.unitNone : `— ${t.unit} —`}</option>
        {items.map((u) => (
          <option key={u.id} value={u.id}>
            {u.path ? `${u.name} (${u.path})` : u.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Registration for a public contest, once per contest: the answer's participant token is kept by the caller. */
export function RegistrationForm({ code, onRegistered }: { code: string; onRegistered: (registration: Registration) => void }) {
  const [values, setValues] = useState<RegistrationValues>({ name: '', phone: '', idNumber: '', unitId: null, group: '', consent: false });
  const [errors, setErrors] = useState<Partial<Record<keyof RegistrationValues, string>>>({});
  const form = useRef<HTMLFormElement>(null);
  const register = useMutation({ mutationFn: (body: Parameters<typeof contestPublicApi.register>[1]) => contestPublicApi.register(code, body), onSuccess: onRegistered });
  const set = (patch: Partial<RegistrationValues>) => setValues((v) => ({ ...v, ...patch }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = registrationErrors(values);
    setErrors(found);
    if (Object.keys(found).length > 0 || values.unitId === null) return setTimeout(() => focusFirstError(form.current), 0);
    register.mutate({ name: values.name.trim(), phone: values.phone.trim(), ...(values.idNumber.trim() ? { idNumber: values.idNumber.trim() } : {}), unitId: values.unitId, group: values.group, consent: true });
  };
  const input = (key: 'name' | 'phone' | 'idNumber', extra: Record<string, string> = {}) => (
    <input {...controlProps(key, errors[key], key === 'idNumber' ? t.idHint : undefined, key !== 'idNumber')} className="lt-input" data-testid={`reg-${key}`} value={values[key]} onChange={(e) => set({ [key]: e.target.value })} style={{ minHeight: 44, fontSize: 16 }} {...extra} />
  );
  return (
    <form ref={form} noValidate onSubmit={onSubmit} className="lt-card" data-testid="registration" style={{ marginBottom: 12 }}>
      <div className="lt-card-head">
        <h2>{t.register}</h2>
      </div>
      <div className="lt-card-body">
        <p className="lt-secondary">{t.registerIntro}</p>
        <Field id="name" label={t.name} required error={errors.name}>
          {input('name', { autoComplete: 'name' })}
        </Field>
        <Field id="phone" label={t.phone} required error={errors.phone}>
          {input('phone', { inputMode: 'tel', autoComplete: 'tel', type: 'tel' })}
        </Field>
        <Field id="idNumber" label={t.idNumber} optional extra={t.idHint} error={errors.idNumber}>
          {input('idNumber', { inputMode: 'numeric' })}
        </Field>
        <UnitPicker code={code} value={values.unitId} onChange={(unitId) => set({ unitId })} error={errors.unitId ?? null} />
        <Field id="group" label={t.group} required error={errors.group}>
          <select {...controlProps('group', errors.group, undefined, true)} className="lt-select" data-testid="reg-group" value={values.group} onChange={(e) => set({ group: e.target.value })} style={{ minHeight: 44, fontSize: 16 }}>
            <option value="">{t.groupPlaceholder}</option>
            {groups.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <div className={errors.consent ? 'lt-field lt-field-invalid' : 'lt-field'}>
          <label className="lt-choice" style={{ fontSize: 14 }}>
            <input type="checkbox" {...controlProps('consent', errors.consent)} data-testid="reg-consent" checked={values.consent} onChange={(e) => set({ consent: e.target.checked })} />
            <span>{t.consent}</span>
          </label>
          {errors.consent ? (
            <div id="consent-error" className="lt-field-error">
              {errors.consent}
            </div>
          ) : null}
        </div>
        {register.isError ? <Alert type="error" testId="registration-error">{errorText(register.error)}</Alert> : null}
        <Button type="submit" variant="primary" size="large" block loading={register.isPending} data-testid="reg-submit" style={{ marginTop: 12 }}>
          {t.registerButton}
        </Button>
      </div>
    </form>
  );
}
