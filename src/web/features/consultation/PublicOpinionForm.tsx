import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, Radio, Select, Space, Typography, type FormInstance } from 'antd';
import { useRef, useState } from 'react';
import { isApiError } from '../../api/client.js';
import { submitPublicOpinions } from '../../api/endpoints.js';
import type { ContributorGroup, PublicConsultation, PublicStance, PublicSubmissionInput, SubmissionResult } from '../../api/types.js';
import { contributorGroupOptions, opinionTextLabels, opinionTextRequired, publicFormText as t, publicStances, stanceLabels } from '../../i18n/consultation.js';
import { errorText } from '../../i18n/errors.js';
import { PublicUnitSelect } from './PublicUnitSelect.js';

interface OpinionValues {
  documentCode?: string;
  sectionRef?: string | null;
  stance?: PublicStance;
  text?: string;
}

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
    opinions: values.opinions.map((o) => ({ documentCode: o.documentCode ?? '', sectionRef: o.sectionRef ?? null, stance: o.stance ?? 'agree', text: o.text?.trim() ?? '' })),
    contact: hasContact ? { name: name || null, phone: phone || null, idNumber: idNumber || null, consent: true } : null,
  };
}

/** Puts the server's VALIDATION_FAILED messages on the fields they name (e.g. opinions.1.text). */
function applyServerErrors(form: FormInstance, error: unknown): boolean {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return false;
  const fields = (error.details as { path?: unknown; message?: unknown }[])
    .filter((d) => Array.isArray(d.path) && typeof d.message === 'string')
    .map((d) => {
      const path = (d.path as (string | number)[]).filter((p) => p !== 'body');
      const name = path[0] === 'contact' ? path.slice(1) : path;
      return { name: name as (string | number)[], errors: [d.message as string] };
    });
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
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
  const opinions = Form.useWatch('opinions', form) ?? [];
  const contactWatch = Form.useWatch([], form);
  const hasContact = Boolean(contactWatch?.name?.trim() || contactWatch?.phone?.trim() || contactWatch?.idNumber?.trim());
  const firstDocument = consultation.documents[0]?.code;

  const submit = useMutation({
    mutationFn: (values: FormValues) => submitPublicOpinions(consultation.code, toInput(values, idempotencyKey.current)),
    onSuccess: (result) => {
      setFailure(null);
      idempotencyKey.current = newKey();
      onDone(result);
    },
    onError: (error) => {
      const onFields = applyServerErrors(form, error);
      const retryable = !isApiError(error) || error.status === 0 || error.status >= 500;
      setFailure(retryable ? t.retryHint : onFields ? errorText(error).split(' Chi tiết:')[0] ?? '' : errorText(error));
    },
  });

  const sectionOptions = (documentCode: string | undefined) =>
    (consultation.documents.find((d) => d.code === documentCode)?.sections ?? []).map((s) => ({ value: s.ref, label: s.heading ? `${s.ref}. ${s.heading}` : s.ref }));

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      data-testid="public-form"
      initialValues={{ opinions: [{ documentCode: firstDocument, stance: undefined, text: '' }], consent: false }}
      onFinish={(values) => {
        if (!submit.isPending) submit.mutate(values);
      }}
      scrollToFirstError={{ behavior: 'smooth', block: 'center' }}
      requiredMark="optional"
    >
      <Form.List name="opinions">
        {(fields, { add, remove }) => (
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            {fields.map((field, index) => {
              const current = opinions[index];
              const stance = current?.stance;
              const sections = sectionOptions(current?.documentCode);
              return (
                <Card
                  key={field.key}
                  size="small"
                  title={t.opinion(index + 1)}
                  extra={
                    fields.length > 1 ? (
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t.removeOpinion}>
                        Bỏ
                      </Button>
                    ) : null
                  }
                >
                  {consultation.documents.length > 1 ? (
                    <Form.Item name={[field.name, 'documentCode']} label={t.document} rules={[{ required: true, message: 'Hãy chọn dự thảo.' }]}>
                      <Select
                        options={consultation.documents.map((d) => ({ value: d.code, label: d.title }))}
                        onChange={() => form.setFieldValue(['opinions', field.name, 'sectionRef'], null)}
                      />
                    </Form.Item>
                  ) : (
                    <Form.Item name={[field.name, 'documentCode']} label={t.document}>
                      <Typography.Text strong>{consultation.documents[0]?.title}</Typography.Text>
                    </Form.Item>
                  )}
                  {sections.length > 0 ? (
                    <Form.Item name={[field.name, 'sectionRef']} label={t.section}>
                      <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t.sectionPlaceholder} options={sections} />
                    </Form.Item>
                  ) : null}
                  <Form.Item name={[field.name, 'stance']} label={t.stance} rules={[{ required: true, message: t.stanceRequired }]}>
                    <Radio.Group
                      data-testid={`opinion-stance-${index}`}
                      options={publicStances.map((s) => ({ value: s, label: stanceLabels[s] }))}
                      style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'text']}
                    label={stance ? opinionTextLabels[stance] : 'Nội dung ý kiến'}
                    required={Boolean(stance && opinionTextRequired[stance])}
                    rules={[
                      { max: 10_000, message: 'Tối đa 10.000 ký tự.' },
                      {
                        validator: async (_rule, value: string | undefined) => {
                          const message = stance ? opinionTextRequired[stance] : null;
                          if (message && !value?.trim()) throw new Error(message);
                        },
                      },
                    ]}
                    dependencies={[['opinions', field.name, 'stance']]}
                  >
                    <Input.TextArea data-testid={`opinion-text-${index}`} autoSize={{ minRows: 3, maxRows: 12 }} maxLength={10_000} />
                  </Form.Item>
                </Card>
              );
            })}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ documentCode: firstDocument, stance: undefined, text: '' })} disabled={fields.length >= 50}>
              {t.addOpinion}
            </Button>
          </Space>
        )}
      </Form.List>

      <Card size="small" style={{ marginTop: 16 }}>
        <Form.Item name="unitCode" label={t.unit} rules={[{ required: true, message: t.unitRequired }]}>
          <PublicUnitSelect code={consultation.code} initial={consultation.units} />
        </Form.Item>
        <Form.Item name="contributorGroup" label={t.group} rules={[{ required: true, message: t.groupRequired }]} style={{ marginBottom: 0 }}>
          <Select data-testid="public-group" options={contributorGroupOptions} placeholder="Chọn đối tượng" />
        </Form.Item>
      </Card>

      <Card size="small" title={t.contactTitle} style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t.contactHint}
        </Typography.Paragraph>
        <Form.Item name="name" label={t.name}>
          <Input autoComplete="name" maxLength={200} />
        </Form.Item>
        <Form.Item name="phone" label={t.phone} rules={[{ pattern: /^(\+?[0-9][0-9 .-]{6,18}[0-9])?$/, message: 'Số điện thoại không hợp lệ.' }]}>
          <Input inputMode="tel" autoComplete="tel" maxLength={25} />
        </Form.Item>
        <Form.Item name="idNumber" label={t.idNumber} rules={[{ pattern: /^([0-9]{9}|[0-9]{12})?$/, message: 'Số định danh/CCCD gồm 12 chữ số (hoặc CMND 9 chữ số).' }]}>
          <Input inputMode="numeric" maxLength={12} />
        </Form.Item>
        <Form.Item
          name="consent"
          valuePropName="checked"
          dependencies={['name', 'phone', 'idNumber']}
          rules={[
            {
              validator: async (_rule, checked: boolean | undefined) => {
                if (hasContact && !checked) throw new Error(t.consentRequired);
              },
            },
          ]}
          style={{ marginBottom: 0 }}
        >
          <Checkbox data-testid="public-consent">{t.consent}</Checkbox>
        </Form.Item>
      </Card>

      {failure ? <Alert type="error" showIcon message={failure} style={{ marginTop: 16 }} /> : null}
      <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending} data-testid="public-submit" style={{ marginTop: 16 }}>
        {t.submit}
      </Button>
    </Form>
  );
}
