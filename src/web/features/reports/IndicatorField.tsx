import { Flex, Form, Input, InputNumber, Radio, Tag, Typography } from 'antd';
import type { IndicatorValue, ReportContent, ReportIndicator } from '../../../shared/report-form.js';
import { isOverridden, showValue } from './fillForm.js';

export const fieldId = (code: string) => `chi-tieu-${code}`;

function ValueInput({ indicator: i, value, onChange, disabled, invalid }: { indicator: ReportIndicator; value: IndicatorValue | undefined; onChange: (v: IndicatorValue) => void; disabled: boolean; invalid: boolean }) {
  const id = fieldId(i.code);
  const common = { id, disabled, 'aria-invalid': invalid, 'data-testid': `value-${i.code}` };
  if (i.type === 'yesno')
    return (
      <Radio.Group {...common} value={value ?? null} onChange={(e) => onChange(e.target.value as boolean)} options={[{ value: true, label: 'Có' }, { value: false, label: 'Không' }]} />
    );
  if (i.type === 'text') return <Input.TextArea {...common} autoSize={{ minRows: 1, maxRows: 6 }} maxLength={5000} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />;
  const unit = i.unitOfMeasure || (i.type === 'percentage' ? '%' : undefined);
  // The unit of measure as text beside the box (an antd addon of a disabled box is too pale to read).
  return (
    <Flex gap={8} align="center">
      <InputNumber
        {...common}
        style={{ width: '100%', maxWidth: 220 }}
        value={typeof value === 'number' ? value : null}
        precision={i.type === 'integer' ? 0 : undefined}
        decimalSeparator=","
        min={i.type === 'percentage' ? 0 : undefined}
        onChange={(v) => onChange(typeof v === 'number' ? v : null)}
      />
      {unit && <Typography.Text>{unit}</Typography.Text>}
    </Flex>
  );
}

/**
 * One indicator to fill in: its control by type, "Lan Tỏa tự điền" on a pre-filled figure (and, once
 * changed, what Lan Tỏa computed and the note saying why), the field's error when shown.
 */
export function IndicatorField({ indicator: i, content, onChange, disabled, error }: { indicator: ReportIndicator; content: ReportContent; onChange: (next: ReportContent) => void; disabled: boolean; error: string | undefined }) {
  const prefilled = content.prefilled[i.code];
  const overridden = isOverridden(content, i.code);
  const setValue = (v: IndicatorValue) => onChange({ ...content, noActivity: false, values: { ...content.values, [i.code]: v } });
  const setNote = (note: string) => onChange({ ...content, notes: { ...content.notes, [i.code]: note } });
  return (
    <Form.Item
      label={
        <Flex gap={6} wrap align="center">
          <span>
            {i.code}. {i.label}
            {i.required ? ' *' : ''}
          </span>
          {prefilled !== undefined && <Tag color={overridden ? 'orange' : 'blue'}>{overridden ? 'Đã sửa số liệu Lan Tỏa tự điền' : 'Lan Tỏa tự điền'}</Tag>}
        </Flex>
      }
      htmlFor={fieldId(i.code)}
      validateStatus={error ? 'error' : undefined}
      help={error}
      style={{ marginBottom: 12 }}
      data-testid={`field-${i.code}`}
    >
      <Flex vertical gap={4}>
        <ValueInput indicator={i} value={content.values[i.code]} onChange={setValue} disabled={disabled} invalid={!!error} />
        {overridden && (
          <>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              Lan Tỏa tính được: {showValue(prefilled)}
            </Typography.Text>
            <Input aria-label={`Lý do sửa số liệu ${i.code}`} placeholder="Lý do sửa số liệu" maxLength={1000} value={content.notes[i.code] ?? ''} onChange={(e) => setNote(e.target.value)} disabled={disabled} data-testid={`note-${i.code}`} />
          </>
        )}
      </Flex>
    </Form.Item>
  );
}
