import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { FormListFieldData } from 'antd';
import { indicatorAggregations, indicatorTypes, type ReportIndicator } from '../../../shared/report-form.js';
import { aggregationLabels, indicatorTypeLabels, prefillSources } from './labels.js';

const typeOptions = indicatorTypes.map((t) => ({ value: t, label: indicatorTypeLabels[t] }));
const aggregationOptions = indicatorAggregations.map((a) => ({ value: a, label: aggregationLabels[a] }));
const newIndicator = (): ReportIndicator => ({ code: '', label: '', type: 'integer', aggregation: 'sum' });

/** One indicator: code, label, unit of measure, type, consolidation (and weight), required, range, pre-fill source. */
function IndicatorCard({ field, path, codes, onRemove, n }: { field: FormListFieldData; path: (string | number)[]; codes: { value: string; label: string }[]; onRemove: () => void; n: string }) {
  const aggregation = Form.useWatch([...path, field.name, 'aggregation']) as string | undefined;
  const item = (name: string) => [field.name, name];
  return (
    <Card size="small" type="inner" title={`Chỉ tiêu ${n}`} extra={<Button size="small" type="text" danger aria-label={`Xóa chỉ tiêu ${n}`} icon={<DeleteOutlined />} onClick={onRemove} />} data-testid="indicator">
      <Flex wrap gap={8}>
        <Form.Item name={item('code')} label="Mã" rules={[{ required: true, whitespace: true, message: 'Nhập mã.' }, { pattern: /^[\p{L}\p{N}_.-]+$/u, message: 'Mã gồm chữ, số, _ . -' }]} style={{ width: 120 }}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name={item('label')} label="Tên chỉ tiêu" rules={[{ required: true, whitespace: true, message: 'Nhập tên chỉ tiêu.' }]} style={{ flex: 1, minWidth: 200 }}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name={item('unitOfMeasure')} label="Đơn vị tính" style={{ width: 130 }}>
          <Input maxLength={40} placeholder="cuộc, lượt…" />
        </Form.Item>
      </Flex>
      <Flex wrap gap={8}>
        <Form.Item name={item('type')} label="Kiểu" style={{ width: 150 }}>
          <Select options={typeOptions} />
        </Form.Item>
        <Form.Item name={item('aggregation')} label="Cách tổng hợp" style={{ width: 200 }}>
          <Select options={aggregationOptions} />
        </Form.Item>
        {aggregation === 'weighted-average' && (
          <Form.Item name={item('weightBy')} label="Quyền số" style={{ width: 160 }}>
            <Select options={codes} />
          </Form.Item>
        )}
        <Form.Item name={item('min')} label="Nhỏ nhất" style={{ width: 110 }}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name={item('max')} label="Lớn nhất" style={{ width: 110 }}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Flex wrap gap={8} align="end">
        <Form.Item name={item('prefill')} label="Lan Tỏa tự điền từ" style={{ flex: 1, minWidth: 220 }}>
          <AutoComplete options={prefillSources.map((s) => ({ value: s.value, label: `${s.label} (${s.value})` }))} allowClear placeholder="Không tự điền" />
        </Form.Item>
        <Form.Item name={item('required')} valuePropName="checked">
          <Checkbox>Bắt buộc</Checkbox>
        </Form.Item>
      </Flex>
    </Card>
  );
}

/** Biểu mẫu số liệu: sections, each a list of indicators. */
export function FormBuilder({ codes }: { codes: { value: string; label: string }[] }) {
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Biểu mẫu số liệu</h2>} data-testid="form-builder">
      <Form.List name="sections">
        {(sections, { add, remove }) => (
          <Flex vertical gap={12}>
            {sections.map((section, si) => (
              <Flex key={section.key} vertical gap={8} style={{ borderInlineStart: '3px solid #d9d9d9', paddingInlineStart: 8 }} data-testid="form-section">
                <Flex gap={8} align="end">
                  <Form.Item name={[section.name, 'title']} label={`Phần ${si + 1}`} rules={[{ required: true, whitespace: true, message: 'Nhập tên phần.' }]} style={{ flex: 1, marginBottom: 0 }}>
                    <Input maxLength={300} />
                  </Form.Item>
                  <Button aria-label={`Xóa phần ${si + 1}`} icon={<DeleteOutlined />} onClick={() => remove(section.name)} disabled={sections.length === 1} />
                </Flex>
                <Form.List name={[section.name, 'indicators']}>
                  {(indicators, { add: addIndicator, remove: removeIndicator }) => (
                    <Flex vertical gap={8}>
                      {indicators.map((f, ii) => (
                        <IndicatorCard key={f.key} field={f} path={['sections', section.name, 'indicators']} codes={codes} onRemove={() => removeIndicator(f.name)} n={`${si + 1}.${ii + 1}`} />
                      ))}
                      <Button icon={<PlusOutlined />} onClick={() => addIndicator(newIndicator())} style={{ alignSelf: 'start' }} data-testid="indicator-add">
                        Thêm chỉ tiêu
                      </Button>
                    </Flex>
                  )}
                </Form.List>
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ title: '', indicators: [newIndicator()] })} style={{ alignSelf: 'start' }}>
              Thêm phần
            </Button>
            <Typography.Text type="secondary">Mỗi chỉ tiêu tổng hợp lên cấp trên theo cách đã chọn; chỉ tiêu "Lan Tỏa tự điền" được điền sẵn từ số liệu Lan Tỏa đã có.</Typography.Text>
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}
