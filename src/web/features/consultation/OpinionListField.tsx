import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd';
import type { PublicStance } from '../../api/types.js';
import { opinionTextLabelsAll, opinionTextRequiredAll, publicFormText as t, stanceLabels } from '../../i18n/consultation.js';

type Stance = PublicStance | 'none';

export interface OpinionDocument {
  code: string;
  title: string;
  sections: { ref: string; heading: string | null }[];
}

export interface OpinionValues {
  documentCode?: string;
  sectionRef?: string | null;
  stance?: Stance;
  text?: string;
}

export const MAX_OPINION_TEXT = 10_000;

/** A new, empty opinion on the first document. */
export const emptyOpinion = (documents: OpinionDocument[]): OpinionValues => ({ documentCode: documents[0]?.code, sectionRef: null, stance: undefined, text: '' });

/**
 * The opinions of one submission (Form.List `name`, "opinions" by default): per opinion the draft,
 * the section, a stance and the text — "Không tán thành" needs a reason, "Đồng ý một phần" and
 * "Không nêu" their text. Shared by the public form and the staff entry forms.
 */
export function OpinionListField({
  documents,
  stances,
  max,
  name = 'opinions',
  testIdPrefix = 'opinion',
  stanceDirection = 'column',
}: {
  documents: OpinionDocument[];
  stances: Stance[];
  max: number;
  name?: string;
  testIdPrefix?: string;
  stanceDirection?: 'column' | 'row';
}) {
  const form = Form.useFormInstance();
  const opinions = (Form.useWatch(name, form) as OpinionValues[] | undefined) ?? [];
  const sectionOptions = (documentCode: string | undefined) =>
    (documents.find((d) => d.code === documentCode)?.sections ?? []).map((s) => ({ value: s.ref, label: s.heading ? `${s.ref}. ${s.heading}` : s.ref }));

  return (
    <Form.List name={name}>
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
                data-testid={`${testIdPrefix}-card-${index}`}
                extra={
                  fields.length > 1 ? (
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t.removeOpinion}>
                      Bỏ
                    </Button>
                  ) : null
                }
              >
                {documents.length > 1 ? (
                  <Form.Item name={[field.name, 'documentCode']} label={t.document} rules={[{ required: true, message: 'Hãy chọn dự thảo.' }]}>
                    <Select
                      data-testid={`${testIdPrefix}-document-${index}`}
                      options={documents.map((d) => ({ value: d.code, label: d.title }))}
                      onChange={() => form.setFieldValue([name, field.name, 'sectionRef'], null)}
                    />
                  </Form.Item>
                ) : (
                  <Form.Item name={[field.name, 'documentCode']} label={t.document}>
                    <Typography.Text strong>{documents[0]?.title}</Typography.Text>
                  </Form.Item>
                )}
                {sections.length > 0 ? (
                  <Form.Item name={[field.name, 'sectionRef']} label={t.section}>
                    <Select data-testid={`${testIdPrefix}-section-${index}`} allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t.sectionPlaceholder} options={sections} />
                  </Form.Item>
                ) : null}
                <Form.Item name={[field.name, 'stance']} label={t.stance} rules={[{ required: true, message: t.stanceRequired }]}>
                  <Radio.Group
                    data-testid={`${testIdPrefix}-stance-${index}`}
                    options={stances.map((s) => ({ value: s, label: stanceLabels[s] }))}
                    style={{ display: 'flex', flexDirection: stanceDirection, flexWrap: 'wrap', gap: 8 }}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'text']}
                  label={stance ? opinionTextLabelsAll[stance] : 'Nội dung ý kiến'}
                  required={Boolean(stance && opinionTextRequiredAll[stance])}
                  rules={[
                    { max: MAX_OPINION_TEXT, message: 'Tối đa 10.000 ký tự.' },
                    {
                      validator: async (_rule, value: string | undefined) => {
                        const message = stance ? opinionTextRequiredAll[stance] : null;
                        if (message && !value?.trim()) throw new Error(message);
                      },
                    },
                  ]}
                  dependencies={[[name, field.name, 'stance']]}
                  style={{ marginBottom: 0 }}
                >
                  <Input.TextArea data-testid={`${testIdPrefix}-text-${index}`} autoSize={{ minRows: 3, maxRows: 12 }} maxLength={MAX_OPINION_TEXT} />
                </Form.Item>
              </Card>
            );
          })}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(emptyOpinion(documents))} disabled={fields.length >= max} data-testid={`${testIdPrefix}-add`}>
            {t.addOpinion}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
