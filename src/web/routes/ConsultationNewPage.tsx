import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ConsultationSettingsFields, defaultSettings, settingsInput, type SettingsValues } from '../features/consultation-manage/ConsultationSettingsFields.js';
import { DocumentSourceField, emptySource, sourceOf, type SourceValue } from '../features/consultation-manage/DocumentSourceField.js';
import { loadDocumentText, useCreateConsultation } from '../features/consultation-manage/useConsultationManage.js';
import { useEditableUnits } from '../features/directives/useEditableUnits.js';
import { UnitTreeSelect } from '../features/org/UnitTreeSelect.js';
import { manageText as t } from '../i18n/consultation-manage.js';
import { errorText } from '../i18n/errors.js';
import { useNotifyError } from '../lib/useNotifyError.js';

interface NewValues extends SettingsValues {
  ownerUnitId?: number | null;
  code?: string;
  title?: string;
  documents: { title?: string; source?: SourceValue }[];
}

/**
 * `/dot-lay-y-kien/moi`: an editor opens a consultation for a unit they edit — its drafts (title and
 * text: a file or pasted, split into sections on the server), times, weekly cut-off and units taking
 * part — then lands on its page with the public form's link and QR code.
 */
export function ConsultationNewPage() {
  const [form] = Form.useForm<NewValues>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const editable = useEditableUnits();
  const create = useCreateConsultation();
  const [loading, setLoading] = useState(false);
  const ownerId = Form.useWatch('ownerUnitId', form) ?? null;

  const submit = async (values: NewValues) => {
    setLoading(true);
    try {
      const created = await create.mutateAsync({
        ownerUnitId: values.ownerUnitId ?? 0,
        code: values.code?.trim() ?? '',
        title: values.title?.trim() ?? '',
        documents: values.documents.map((d) => ({ title: d.title?.trim() ?? '' })),
        ...settingsInput(values),
      });
      for (const [i, d] of values.documents.entries()) {
        const source = sourceOf(d.source);
        const document = created.documents[i];
        if (!source || !document) continue;
        try {
          await loadDocumentText(created.code, document.code, source);
        } catch (error) {
          void message.error({ content: t.loadFailed(document.title, errorText(error)), duration: 10 });
        }
      }
      void message.success(t.created);
      await navigate(`/dot-lay-y-kien/${encodeURIComponent(created.code)}`);
    } catch (error) {
      notifyError(error);
    } finally {
      setLoading(false);
    }
  };

  if (editable.loading) return <Skeleton active />;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 880 }}>
      <title>{`${t.newTitle} — Lan Tỏa`}</title>
      <div>
        <Typography.Title level={1} style={{ margin: 0 }}>
          {t.newTitle}
        </Typography.Title>
        <Typography.Text type="secondary">{t.newIntro}</Typography.Text>
      </div>
      {editable.ids.size === 0 ? (
        <Alert type="info" showIcon message={t.noEditableUnit} />
      ) : (
        <Form<NewValues>
          form={form}
          layout="vertical"
          data-testid="consultation-form"
          initialValues={{ ...defaultSettings(), ownerUnitId: editable.firstId, documents: [{ title: '', source: emptySource() }] }}
          onFinish={(values) => void submit(values)}
          scrollToFirstError
        >
          <OwnerCard disabledIds={editable.disabledIds} onOwnerChange={() => form.setFieldValue('unitIds', [])} />
          <DocumentsCard />
          <Card size="small" style={{ marginBottom: 12 }}>
            <ConsultationSettingsFields ownerId={ownerId} started={false} />
          </Card>
          <Button type="primary" htmlType="submit" size="large" loading={loading} data-testid="consultation-save">
            {loading ? t.saving : t.save}
          </Button>
        </Form>
      )}
    </Flex>
  );
}

/** The drafts: a title and the text (file or pasted) each. */
function DocumentsCard() {
  return (
    <Card size="small" title={t.documentsTitle} style={{ marginBottom: 12 }}>
      <Form.List name="documents">
        {(fields, { add, remove }) => (
          <Flex vertical gap={12}>
            {fields.map((field, index) => (
              <Card key={field.key} size="small" type="inner" data-testid={`consultation-document-${index}`}>
                <Form.Item name={[field.name, 'title']} label={t.documentTitle(index + 1)} rules={[{ required: true, whitespace: true, message: t.documentTitleRequired }]}>
                  <Input data-testid={`consultation-document-title-${index}`} maxLength={500} />
                </Form.Item>
                <Form.Item name={[field.name, 'source']} label={t.documentSource} style={{ marginBottom: 0 }}>
                  <DocumentSourceField testId={`consultation-document-source-${index}`} />
                </Form.Item>
                {fields.length > 1 ? (
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                    {t.removeDocument}
                  </Button>
                ) : null}
              </Card>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '', source: emptySource() })} disabled={fields.length >= 20}>
              {t.addDocument}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}

/** The owner unit (one the user edits), the title and the code used in the public form's address. */
function OwnerCard({ disabledIds, onOwnerChange }: { disabledIds: ReadonlySet<number>; onOwnerChange: () => void }) {
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Form.Item name="ownerUnitId" label={t.owner} rules={[{ required: true, message: t.ownerRequired }]}>
        <UnitTreeSelect data-testid="consultation-owner" disabledIds={disabledIds} allowClear={false} onChange={onOwnerChange} />
      </Form.Item>
      <Form.Item name="title" label={t.title} rules={[{ required: true, whitespace: true, message: t.titleRequired }]}>
        <Input data-testid="consultation-title" maxLength={500} />
      </Form.Item>
      <Form.Item
        name="code"
        label={t.code}
        extra={t.codeHint}
        rules={[
          { required: true, whitespace: true, message: t.codeRequired },
          { pattern: /^\s*[\p{L}\p{N}._-]{1,64}\s*$/u, message: t.codeInvalid },
        ]}
      >
        <Input data-testid="consultation-code" maxLength={64} />
      </Form.Item>
    </Card>
  );
}
