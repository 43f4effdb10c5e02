import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, data } from '../../api/client.js';
import type { PublicConsultation, SubmissionResult } from '../../api/types.js';
import { Alert, Button, Card, controlProps, Field, focusFirstError } from '../../components/plain/Field.js';
import { contributorGroupOptions, publicFormText as t } from '../../i18n/consultation.js';
import { PublicContactFields } from './PublicContactFields.js';
import { PublicOpinionCard } from './PublicOpinionCard.js';
import { PublicUnitSelect } from './PublicUnitSelect.js';
import { emptyPublicOpinion, initialPublicValues, MAX_OPINIONS, submitFailure, toPublicInput, validatePublicForm, type FieldErrors, type PublicFormValues, type PublicOpinionValues } from './publicFormValues.js';

const newKey = () => crypto.randomUUID();

/** The form's values and errors: the rules' errors once a field was changed or a submit tried, and the server's until their field changes. */
function usePublicFormState(consultation: PublicConsultation) {
  const [values, setValues] = useState<PublicFormValues>(() => initialPublicValues(consultation));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const ruleErrors = validatePublicForm(values, consultation.documents.length);
  const errors: FieldErrors = { ...serverErrors };
  for (const [path, message] of Object.entries(ruleErrors)) if (tried || touched.has(path)) errors[path] = message;

  const change = (paths: string[], next: (v: PublicFormValues) => PublicFormValues) => {
    setValues(next);
    setTouched((s) => new Set([...s, ...paths]));
    setServerErrors((e) => Object.fromEntries(Object.entries(e).filter(([p]) => !paths.includes(p))));
  };
  const changeOpinion = (index: number, changes: Partial<PublicOpinionValues>) =>
    change(
      Object.keys(changes).map((k) => `opinions.${index}.${k}`),
      (v) => ({ ...v, opinions: v.opinions.map((o, i) => (i === index ? { ...o, ...changes } : o)) }),
    );
  // A removed opinion shifts the paths of those after it: their server errors no longer apply.
  const removeOpinion = (index: number) => {
    setValues((v) => ({ ...v, opinions: v.opinions.filter((_, i) => i !== index) }));
    setServerErrors((e) => Object.fromEntries(Object.entries(e).filter(([p]) => !p.startsWith('opinions.'))));
    setTouched((s) => new Set([...s].filter((p) => !p.startsWith('opinions.'))));
  };
  const addOpinion = () => setValues((v) => ({ ...v, opinions: [...v.opinions, emptyPublicOpinion(consultation)] }));
  return { values, errors, ruleErrors, setTried, setServerErrors, change, changeOpinion, removeOpinion, addOpinion };
}

/**
 * The public form (mobile first, plain HTML: no antd on the first page a citizen opens): opinions on
 * the drafts with a VNeID stance, the receiving unit, the contributor group and optional contact
 * details with consent. A failed submit shows each field's error (announced by ErrorAnnouncer) and
 * puts the focus in the first. The idempotency key is made once per form and kept across retries,
 * so a double click or a retry after a network error counts once.
 */
export function PublicOpinionForm({ consultation, onDone }: { consultation: PublicConsultation; onDone: (result: SubmissionResult) => void }) {
  const form = usePublicFormState(consultation);
  const { values, errors } = form;
  const idempotencyKey = useRef<string>(newKey());
  const formRef = useRef<HTMLFormElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  useEffect(() => {
    if (focusTick > 0) focusFirstError(formRef.current);
  }, [focusTick]);

  const submit = useMutation({
    mutationFn: (v: PublicFormValues) => data(api.POST('/api/v1/public/consultations/{code}/submissions', { params: { path: { code: consultation.code } }, body: toPublicInput(v, idempotencyKey.current) })),
    onSuccess: (result) => {
      setFailure(null);
      idempotencyKey.current = newKey();
      onDone(result);
    },
    onError: (error) => {
      const { fields, notice } = submitFailure(error);
      form.setServerErrors(fields);
      setFailure(notice);
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    form.setTried(true);
    if (Object.keys(form.ruleErrors).length > 0) return setFocusTick((n) => n + 1);
    if (!submit.isPending) submit.mutate(values);
  };

  return (
    <form ref={formRef} data-testid="public-form" noValidate onSubmit={onSubmit}>
      <div className="lt-stack">
        {values.opinions.map((opinion, index) => (
          <PublicOpinionCard key={opinion.key} consultation={consultation} index={index} opinion={opinion} errors={errors} onChange={(changes) => form.changeOpinion(index, changes)} onRemove={values.opinions.length > 1 ? () => form.removeOpinion(index) : null} />
        ))}
        <Button variant="dashed" block icon={<PlusOutlined />} onClick={form.addOpinion} disabled={values.opinions.length >= MAX_OPINIONS} data-testid="opinion-add">
          {t.addOpinion}
        </Button>
      </div>

      <Card style={{ marginTop: 16 }}>
        <Field id="unitCode" label={t.unit} required error={errors.unitCode}>
          <PublicUnitSelect id="unitCode" code={consultation.code} initial={consultation.units} value={values.unitCode} onChange={(unitCode) => form.change(['unitCode'], (v) => ({ ...v, unitCode }))} describedBy={errors.unitCode ? 'unitCode-error' : undefined} invalid={Boolean(errors.unitCode)} />
        </Field>
        <Field id="contributorGroup" label={t.group} required error={errors.contributorGroup} last>
          <select {...controlProps('contributorGroup', errors.contributorGroup, undefined, true)} className="lt-select" data-testid="public-group" value={values.contributorGroup ?? ''} onChange={(e) => form.change(['contributorGroup'], (v) => ({ ...v, contributorGroup: (e.target.value || undefined) as PublicFormValues['contributorGroup'] }))}>
            <option value="">Chọn đối tượng</option>
            {contributorGroupOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
      </Card>

      <PublicContactFields values={values} errors={errors} onChange={(changes) => form.change(Object.keys(changes), (v) => ({ ...v, ...changes }))} />

      {failure ? <Alert type="error" style={{ marginTop: 16 }}>{failure}</Alert> : null}
      <Button variant="primary" type="submit" size="large" block loading={submit.isPending} data-testid="public-submit" style={{ marginTop: 16 }}>
        {t.submit}
      </Button>
    </form>
  );
}
