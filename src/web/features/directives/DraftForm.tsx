import { AutoComplete, Col, Form, Input, Row, Select, type FormInstance } from 'antd';
import { useEffect, type ReactNode } from 'react';
import type { DraftContent, PartialDate } from '../../api/types.js';
import { conventionOptions, docTypeOptions } from '../../i18n/directives.js';
import { DraftBodyField } from './DraftBodyField.js';
import { hasIssuerSymbol, numberSymbolValidator } from './draftNumberSymbol.js';
import { PartialDateInput } from './PartialDateInput.js';
import { SignerFields } from './SignerFields.js';
import { StringListField } from './StringListField.js';

export type DraftFormValues = Omit<DraftContent, 'date'> & { date: PartialDate | null };

export function toDraftValues(content: DraftContent): DraftFormValues {
  return { ...content, date: { year: content.date.year, month: content.date.month, day: content.date.day } };
}

export function fromDraftValues(v: DraftFormValues): DraftContent {
  const trim = (s: string | null | undefined) => (s ?? '').trim();
  return {
    convention: v.convention,
    docType: trim(v.docType),
    parentBody: trim(v.parentBody) || null,
    issuingBody: trim(v.issuingBody),
    numberSymbol: trim(v.numberSymbol),
    place: trim(v.place),
    date: { year: v.date?.year ?? new Date().getFullYear(), month: v.date?.month ?? null, day: v.date?.day ?? null },
    subject: trim(v.subject),
    recipients: (v.recipients ?? []).map(trim).filter(Boolean),
    body: (v.body ?? []).map((p) => ({ ...p, text: p.text ?? '' })),
    distribution: (v.distribution ?? []).map(trim).filter(Boolean),
    signer: { authority: trim(v.signer?.authority) || null, body: trim(v.signer?.body) || null, title: trim(v.signer?.title), name: trim(v.signer?.name) },
  };
}

/** The implementing directive being drafted, in the parts of the official layout. */
export function DraftForm({ form, initialValues, onFinish, footer, disabled = false }: { form: FormInstance<DraftFormValues>; initialValues: DraftFormValues; onFinish: () => void; footer: ReactNode; disabled?: boolean }) {
  const asksSymbol = !disabled && !hasIssuerSymbol(initialValues.numberSymbol);
  // A unit without an abbreviation: ask for the symbol as soon as the draft opens, not at saving.
  useEffect(() => {
    if (asksSymbol) form.validateFields(['numberSymbol']).catch(() => undefined);
  }, [asksSymbol, form]);
  return (
    <Form<DraftFormValues> form={form} name="draft" layout="vertical" initialValues={initialValues} onFinish={onFinish} data-testid="draft-form" disabled={disabled}>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label="Thể thức" name="convention" rules={[{ required: true, message: 'Hãy chọn thể thức.' }]}>
            <Select options={conventionOptions} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="Loại văn bản" name="docType" rules={[{ required: true, whitespace: true, message: 'Hãy nhập loại văn bản.' }]}>
            <AutoComplete options={docTypeOptions} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="Cơ quan cấp trên" name="parentBody" extra="Dòng trên tên cơ quan ban hành; để trống nếu không có.">
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="Cơ quan ban hành" name="issuingBody" rules={[{ required: true, whitespace: true, message: 'Hãy nhập cơ quan ban hành.' }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="Số, ký hiệu"
            name="numberSymbol"
            extra="Để trống phần số, văn thư điền khi phát hành (ví dụ: -CV/ĐU)."
            rules={[{ validator: numberSymbolValidator }]}
            validateFirst
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="Địa danh" name="place">
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label="Ngày (ngày / tháng / năm)"
        name="date"
        rules={[{ validator: (_r, v: PartialDate | null) => (v?.year ? Promise.resolve() : Promise.reject(new Error('Hãy nhập ít nhất năm ban hành.'))) }]}
      >
        <PartialDateInput />
      </Form.Item>
      <Form.Item label="Trích yếu" name="subject">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <StringListField name="recipients" label="Kính gửi" addLabel="Thêm nơi được gửi" />
      <DraftBodyField />
      <StringListField name="distribution" label="Nơi nhận" addLabel="Thêm nơi nhận" />
      <SignerFields label="Chữ ký" />
      {footer}
    </Form>
  );
}
