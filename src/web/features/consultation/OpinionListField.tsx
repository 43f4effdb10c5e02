import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import type { PublicStance } from '../../api/types.js';
import { MAX_OPINION_TEXT } from './publicFormValues.js';
import { SectionReader } from './SectionReader.js';
import { FocusableRadioGroup } from '../../components/FocusableRadioGroup.js';
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


/** A new, empty opinion on the first document. */
export const emptyOpinion = (documents: OpinionDocument[]): OpinionValues => ({ documentCode: documents[0]?.code, sectionRef: null, stance: undefined, text: '' });

interface ListOptions {
  documents: OpinionDocument[];
  stances: Stance[];
  max: number;
  name?: string;
  testIdPrefix?: string;
  stanceDirection?: 'column' | 'row';
  /** The stance's label: the public form speaks to the citizen ("Ý kiến của bạn"), staff forms of the contributor. */
  stanceLabel?: string;
  /** The public form's consultation code: each opinion offers to read the section (or draft) it is about. */
  readerCode?: string;
}

/**
 * The opinions of one submission (Form.List `name`, "opinions" by default): per opinion the draft,
 * the section, a stance and the text — "Không tán thành" needs a reason, "Đồng ý một phần" and
 * "Không nêu" their text. Shared by the public form and the staff entry forms.
 */
export function OpinionListField({ documents, stances, max, name = 'opinions', testIdPrefix = 'opinion', stanceDirection = 'column', stanceLabel = t.stance, readerCode }: ListOptions) {
  const form = Form.useFormInstance();
  const opinions = (Form.useWatch(name, form) as OpinionValues[] | undefined) ?? [];
  const options = { documents, stances, name, testIdPrefix, stanceDirection, stanceLabel, readerCode };

  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          {fields.map((field, index) => (
            <OpinionCard
              key={field.key}
              fieldName={field.name}
              index={index}
              current={opinions[index]}
              onRemove={fields.length > 1 ? () => remove(field.name) : null}
              options={options}
            />
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(emptyOpinion(documents))} disabled={fields.length >= max} data-testid={`${testIdPrefix}-add`}>
            {t.addOpinion}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

/** One opinion of the list (`index`, from 0): its draft, section, stance and text; "Bỏ" when `onRemove`. */
function OpinionCard(props: {
  fieldName: number;
  index: number;
  current: OpinionValues | undefined;
  onRemove: (() => void) | null;
  options: Required<Omit<ListOptions, 'max' | 'readerCode'>> & Pick<ListOptions, 'readerCode'>;
}) {
  const { fieldName, index, current, onRemove } = props;
  const { documents, stances, name, testIdPrefix, stanceDirection, stanceLabel, readerCode } = props.options;
  const form = Form.useFormInstance();
  const stance = current?.stance;
  const sections = (documents.find((d) => d.code === current?.documentCode)?.sections ?? []).map((s) => ({ value: s.ref, label: s.heading ? `${s.ref}. ${s.heading}` : s.ref }));
  return (
    <Card
      size="small"
      title={t.opinion(index + 1)}
      data-testid={`${testIdPrefix}-card-${index}`}
      extra={
        onRemove ? (
          <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t.removeOpinion}>
            Bỏ
          </Button>
        ) : null
      }
    >
      {documents.length > 1 ? (
        <Form.Item name={[fieldName, 'documentCode']} label={t.document} rules={[{ required: true, message: 'Hãy chọn dự thảo.' }]}>
          <Select
            data-testid={`${testIdPrefix}-document-${index}`}
            options={documents.map((d) => ({ value: d.code, label: d.title }))}
            onChange={() => form.setFieldValue([name, fieldName, 'sectionRef'], null)}
          />
        </Form.Item>
      ) : (
        <Form.Item name={[fieldName, 'documentCode']} label={t.document}>
          <Typography.Text strong>{documents[0]?.title}</Typography.Text>
        </Form.Item>
      )}
      {sections.length > 0 ? (
        <Form.Item
          name={[fieldName, 'sectionRef']}
          label={t.section}
          extra={readerCode && current?.documentCode ? <SectionReader consultationCode={readerCode} documentCode={current.documentCode} sectionRef={current.sectionRef ?? null} testId={`${testIdPrefix}-read-${index}`} /> : undefined}
        >
          <Select data-testid={`${testIdPrefix}-section-${index}`} allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t.sectionPlaceholder} options={sections} />
        </Form.Item>
      ) : null}
      <Form.Item name={[fieldName, 'stance']} label={stanceLabel} rules={[{ required: true, message: t.stanceRequired }]}>
        <FocusableRadioGroup
          data-testid={`${testIdPrefix}-stance-${index}`}
          options={stances.map((s) => ({ value: s, label: stanceLabels[s] }))}
          style={{ display: 'flex', flexDirection: stanceDirection, flexWrap: 'wrap', gap: 8 }}
        />
      </Form.Item>
      <Form.Item
        name={[fieldName, 'text']}
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
        dependencies={[[name, fieldName, 'stance']]}
        style={{ marginBottom: 0 }}
      >
        <Input.TextArea data-testid={`${testIdPrefix}-text-${index}`} autoSize={{ minRows: 3, maxRows: 12 }} maxLength={MAX_OPINION_TEXT} />
      </Form.Item>
    </Card>
  );
}
