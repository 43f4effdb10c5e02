import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Form, Row, Tabs, Typography, type FormInstance } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { Deadline, Highlight, LinkableUnit } from '../../api/types.js';
import { applyValidationErrors } from '../../lib/formErrors.js';
import { useIsMobile } from '../../lib/useIsMobile.js';
import { useNotifyError } from '../../lib/useNotifyError.js';
import { DIRECTIVE_FORM_FIELDS, DirectiveForm } from './DirectiveForm.js';
import { fromFormValues, type DirectiveFields, type DirectiveFormValues } from './directiveFormValues.js';
import { DirectiveText } from './DirectiveText.js';
import { FieldFocusContext, focusFieldZone, type FieldFocus } from './FieldZone.js';
import { ScanPages, type PageImage } from './ScanPages.js';

export interface DirectiveReviewProps {
  text: string;
  highlights: readonly Highlight[];
  initialValues: DirectiveFormValues;
  units: readonly LinkableUnit[];
  deadlines: readonly Deadline[];
  warnings?: readonly string[];
  /** Images of the scanned pages read by OCR, shown beside the fields (above them on phones). */
  pageImages?: readonly PageImage[];
  saveLabel?: string;
  onSave: (fields: DirectiveFields) => Promise<unknown>;
  onCancel: () => void;
  cancelLabel?: string;
}

/** The original text (highlighted) — and a scan's page images — beside the editable fields; stacked on phones. */
export function DirectiveReview({
  text,
  highlights,
  initialValues,
  units,
  deadlines,
  warnings = [],
  pageImages = [],
  saveLabel = 'Lưu văn bản',
  onSave,
  onCancel,
  cancelLabel = 'Quay lại',
}: DirectiveReviewProps) {
  const [form] = Form.useForm<DirectiveFormValues>();
  const isMobile = useIsMobile();
  const formArea = useRef<HTMLDivElement>(null);
  const [activeField, setActiveField] = useState<string | null>(null);
  const focus = useMemo<FieldFocus>(() => ({ activeField, activate: setActiveField }), [activeField]);

  const { saving, submit } = useSaveDirective(form, onSave);
  const sourceText = (
    <DirectiveText
      text={text}
      highlights={highlights}
      activeField={activeField}
      onPick={(field) => {
        setActiveField(field);
        focusFieldZone(formArea.current, field);
      }}
      style={{ maxHeight: isMobile ? '45vh' : 'calc(100vh - 190px)' }}
    />
  );
  const footer = <SaveBar onCancel={onCancel} cancelLabel={cancelLabel} saveLabel={saveLabel} saving={saving} />;

  return (
    <FieldFocusContext.Provider value={focus}>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={11}>
          <Card
            size="small"
            title="Văn bản gốc"
            extra={!isMobile && <Typography.Text type="secondary">Bấm vào phần tô màu để sửa trường đó</Typography.Text>}
            style={isMobile ? undefined : { position: 'sticky', top: 80 }}
          >
            {pageImages.length === 0 ? (
              sourceText
            ) : (
              <Tabs
                size="small"
                items={[
                  { key: 'scan', label: 'Ảnh bản scan', children: <ScanPages pages={pageImages} style={{ maxHeight: isMobile ? '60vh' : 'calc(100vh - 240px)' }} /> },
                  { key: 'text', label: 'Chữ đã nhận dạng', children: sourceText },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={13}>
          <Card size="small" title="Thông tin đã đọc được — hãy kiểm tra và sửa nếu cần">
            <div ref={formArea}>
              <DirectiveForm
                form={form}
                initialValues={initialValues}
                units={units}
                deadlines={deadlines}
                warnings={warnings}
                onFinish={(values) => void submit(values)}
                footer={footer}
              />
            </div>
          </Card>
        </Col>
      </Row>
    </FieldFocusContext.Provider>
  );
}

/** Saves the reviewed fields; the server's field errors go back onto the form. */
function useSaveDirective(form: FormInstance<DirectiveFormValues>, onSave: (fields: DirectiveFields) => Promise<unknown>) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [saving, setSaving] = useState(false);
  const submit = async (values: DirectiveFormValues) => {
    setSaving(true);
    try {
      await onSave(fromFormValues(values));
    } catch (error) {
      if (applyValidationErrors(form, error, DIRECTIVE_FORM_FIELDS)) {
        void message.error('Dữ liệu chưa hợp lệ. Hãy sửa các ô được đánh dấu rồi lưu lại.');
      } else {
        notifyError(error);
      }
    } finally {
      setSaving(false);
    }
  };
  return { saving, submit };
}

/** The form's footer, kept in sight at the bottom while scrolling: cancel and save. */
function SaveBar({ onCancel, cancelLabel, saveLabel, saving }: { onCancel: () => void; cancelLabel: string; saveLabel: string; saving: boolean }) {
  return (
    <Flex
      justify="flex-end"
      gap={8}
      style={{ position: 'sticky', bottom: 0, background: '#fff', paddingBlock: 12, borderTop: '1px solid #f0f0f0', zIndex: 2 }}
    >
      <Button onClick={onCancel}>{cancelLabel}</Button>
      <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="directive-save">
        {saveLabel}
      </Button>
    </Flex>
  );
}
