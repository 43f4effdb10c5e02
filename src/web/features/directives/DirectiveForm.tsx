import { Alert, AutoComplete, Col, Flex, Form, Input, List, Row, Select, Typography, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import type { Deadline, LinkableUnit } from '../../api/types.js';
import { conventionOptions, describeDeadlineRule, docTypeOptions } from '../../i18n/directives.js';
import { foldIncludes } from '../../lib/fold.js';
import { AddresseeListField } from './AddresseeListField.js';
import type { DirectiveFormValues } from './directiveFormValues.js';
import { FieldZone } from './FieldZone.js';
import { LinkedUnitSelect } from './LinkedUnitSelect.js';
import { PartialDateInput } from './PartialDateInput.js';
import { ReferenceListField } from './ReferenceListField.js';
import { SignerFields } from './SignerFields.js';

export const DIRECTIVE_FORM_FIELDS = [
  'docType',
  'convention',
  'numberSymbol',
  'issuerName',
  'issuerUnitId',
  'place',
  'date',
  'subject',
  'recipients',
  'distribution',
  'signer',
  'references',
] as const;

export interface DirectiveFormProps {
  form: FormInstance<DirectiveFormValues>;
  initialValues: DirectiveFormValues;
  units: readonly LinkableUnit[];
  deadlines: readonly Deadline[];
  warnings: readonly string[];
  onFinish: (values: DirectiveFormValues) => void;
  footer: ReactNode;
}

/** The reviewed fields of a directive: what the parser read, editable before saving. */
export function DirectiveForm({ form, initialValues, units, deadlines, warnings, onFinish, footer }: DirectiveFormProps) {
  return (
    <Form<DirectiveFormValues>
      form={form}
      name="directive"
      layout="vertical"
      initialValues={initialValues}
      onFinish={onFinish}
      data-testid="directive-form"
      style={{ paddingInlineStart: 11 }}
    >
      {warnings.length > 0 && <ParserWarnings warnings={warnings} />}
      <HeadingFields units={units} />
      <AddresseeListField name="recipients" label="Kính gửi" addLabel="Thêm nơi được gửi" units={units} />
      <AddresseeListField name="distribution" label="Nơi nhận" addLabel="Thêm nơi nhận" units={units} />
      <FieldZone field="signer">
        <SignerFields label="Người ký" examples />
      </FieldZone>
      <ReferenceListField />
      <DeadlineList deadlines={deadlines} />
      {footer}
    </Form>
  );
}

/** What the parser was unsure of, to check before saving. */
function ParserWarnings({ warnings }: { warnings: readonly string[] }) {
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title="Cần kiểm tra lại"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      }
    />
  );
}

/** The heading of the directive: type, convention, number and symbol, issuer, place, date, subject. */
function HeadingFields({ units }: { units: readonly LinkableUnit[] }) {
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <FieldZone field="docType">
            <Form.Item label="Loại văn bản" name="docType">
              <AutoComplete
                options={docTypeOptions}
                placeholder="Ví dụ: Công văn"
                allowClear
                showSearch={{ filterOption: (input, option) => foldIncludes(String(option?.value ?? ''), input) }}
              />
            </Form.Item>
          </FieldZone>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="Thể thức" name="convention">
            <Select options={conventionOptions} allowClear placeholder="Chưa xác định" />
          </Form.Item>
        </Col>
      </Row>
      <FieldZone field="numberSymbol">
        <Form.Item label="Số, ký hiệu" name="numberSymbol" extra="Ví dụ: 167-CV/BTGDVTU (Đảng), 805/KH-SVHTTDL (Nhà nước); số để trống thì giữ dạng -CV/ĐU.">
          <Input autoComplete="off" />
        </Form.Item>
      </FieldZone>
      <FieldZone field="issuer">
        <Row gutter={12}>
          <Col xs={24} sm={14}>
            <Form.Item label="Cơ quan ban hành" name="issuerName">
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item label="Đơn vị trong hệ thống" name="issuerUnitId">
              <LinkedUnitSelect mode="single" units={units} />
            </Form.Item>
          </Col>
        </Row>
      </FieldZone>
      <Flex gap={12} wrap>
        <div style={{ flex: '1 1 180px' }}>
          <FieldZone field="place">
            <Form.Item label="Địa danh" name="place">
              <Input autoComplete="off" />
            </Form.Item>
          </FieldZone>
        </div>
        <div style={{ flex: '0 1 auto' }}>
          <FieldZone field="date">
            <Form.Item label="Ngày ban hành (ngày / tháng / năm)" name="date">
              <PartialDateInput />
            </Form.Item>
          </FieldZone>
        </div>
      </Flex>
      <FieldZone field="subject">
        <Form.Item label="Trích yếu" name="subject">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </FieldZone>
    </>
  );
}

/** The deadlines the parser found in the text (read-only). */
function DeadlineList({ deadlines }: { deadlines: readonly Deadline[] }) {
  return (
    <Form.Item label="Thời hạn trong văn bản">
      {deadlines.length === 0 ? (
        <Typography.Text type="secondary">Không thấy thời hạn nào.</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={[...deadlines]}
          renderItem={(d, i) => (
            <FieldZone field={`deadlines.${i}`}>
              <List.Item style={{ paddingInline: 0 }}>
                <List.Item.Meta title={describeDeadlineRule(d.rule)} description={d.text} />
              </List.Item>
            </FieldZone>
          )}
        />
      )}
    </Form.Item>
  );
}
