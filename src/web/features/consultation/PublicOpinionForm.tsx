import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Select } from 'antd';
import { useRef, useState } from 'react';
import { api, data, isApiError } from '../../api/client.js';
import type { ContributorGroup, PublicConsultation, PublicStance, PublicSubmissionInput, SubmissionResult } from '../../api/types.js';
import { contributorGroupOptions, publicFormText as t, publicStances } from '../../i18n/consultation.js';
import { errorText } from '../../i18n/errors.js';
import { ContactFields } from './ContactFields.js';
import { OpinionListField, type OpinionValues } from './OpinionListField.js';
import { applyServerErrors } from './serverFieldErrors.js';
import { PublicUnitSelect } from './PublicUnitSelect.js';

interface FormValues {
  opinions: OpinionValues[];
  unitCode?: string;
  contributorGroup?: ContributorGroup;
  name?: string;
  phone?: string;
  idNumber?: string;
  consent?: boolean;
}

const newKey = () => crypto.randomUUID();

function toInput(values: FormValues, idempotencyKey: string): PublicSubmissionInput {
  const name = values.name?.trim();
  const phone = values.phone?.trim();
  const idNumber = values.idNumber?.trim();
  const hasContact = Boolean(name || phone || idNumber);
  return {
    idempotencyKey,
    unitCode: values.unitCode ?? '',
    contributorGroup: values.contributorGroup ?? 'khac',
    opinions: values.opinions.map((o) => ({ documentCode: o.documentCode ?? '', sectionRef: o.sectionRef ?? null, stance: (o.stance ?? 'agree') as PublicStance, text: o.text?.trim() ?? '' })),
    contact: hasContact ? { name: name || null, phone: phone || null, idNumber: idNumber || null, consent: true } : null,
  };
}

/**
 * The public form (mobile first): opinions on the drafts with a VNeID stance, the receiving unit,
 * the contributor group and optional contact details with consent. The idempotency key is made once
 * per form and kept across retries, so a double click or a retry after a network error counts once.
 */
export function PublicOpinionForm({ consultation, onDone }: { consultation: PublicConsultation; onDone: (result: SubmissionResult) => void }) {
  const [form] = Form.useForm<FormValues>();
  const idempotencyKey = useRef<string>(newKey());
  const [failure, setFailure] = useState<string | null>(null);
  const firstDocument = consultation.documents[0]?.code;

  const submit = useMutation({
    mutationFn: (values: FormValues) => data(api.POST('/api/v1/public/consultations/{code}/submissions', { params: { path: { code: consultation.code } }, body: toInput(values, idempotencyKey.current) })),
    onSuccess: (result) => {
      setFailure(null);
      idempotencyKey.current = newKey();
      onDone(result);
    },
    onError: (error) => {
      const onFields = (applyServerErrors(form, error, { fields: ['unitCode', 'contributorGroup', 'name', 'phone', 'idNumber', 'consent'], lists: ['opinions'], flatten: ['contact'] })?.length ?? 1) === 0;
      const retryable = !isApiError(error) || error.status === 0 || error.status >= 500;
      setFailure(retryable ? t.retryHint : onFields ? errorText(error).split(' Chi tiết:')[0] ?? '' : errorText(error));
    },
  });

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      data-testid="public-form"
      initialValues={{ opinions: [{ documentCode: firstDocument, stance: undefined, text: '' }], consent: false }}
      onFinish={(values) => {
        if (!submit.isPending) submit.mutate(values);
      }}
      requiredMark="optional"
    >
      <OpinionListField documents={consultation.documents} stances={publicStances} max={50} readerCode={consultation.code} />

      <Card size="small" style={{ marginTop: 16 }}>
        <Form.Item name="unitCode" label={t.unit} rules={[{ required: true, message: t.unitRequired }]}>
          <PublicUnitSelect code={consultation.code} initial={consultation.units} />
        </Form.Item>
        <Form.Item name="contributorGroup" label={t.group} rules={[{ required: true, message: t.groupRequired }]} style={{ marginBottom: 0 }}>
          <Select data-testid="public-group" options={contributorGroupOptions} placeholder="Chọn đối tượng" />
        </Form.Item>
      </Card>

      <ContactFields title={t.contactTitle} hint={t.contactHint} consentLabel={t.consent} consentRequired={t.consentRequired} testIdPrefix="public" />

      {failure ? <Alert type="error" showIcon message={failure} style={{ marginTop: 16 }} /> : null}
      <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending} data-testid="public-submit" style={{ marginTop: 16 }}>
        {t.submit}
      </Button>
    </Form>
  );
}
