import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Select } from 'antd';
import { unitKindOptions } from '../../i18n/unitKinds.js';
import { weekdayOptions } from './RegimeGeneralFields.js';
import type { Warning } from './types.js';

/**
 * Thời hạn gửi của từng cấp: a row per level (its unit kinds) with a weekday and time (weekly) or a
 * day of the month (calendar windows). A level without a row uses the period's cut-off. The warnings
 * the server returned on the last save (less than one working day between levels…) are shown here.
 */
export function DeadlinesEditor({ weekly, warnings }: { weekly: boolean; warnings: readonly Warning[] }) {
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Thời hạn gửi của từng cấp</h2>} data-testid="regime-deadlines">
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="Lưu ý về thời hạn"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="regime-warnings">
              {warnings.map((w) => (
                <li key={w.code + w.message}>{w.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <Form.List name="deadlines">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, i) => (
              <Flex key={field.key} wrap gap={8} align="start" data-testid="deadline-row">
                <Form.Item name={[field.name, 'unitKinds']} label={`Cấp ${i + 1}: loại đơn vị`} rules={[{ required: true, message: 'Chọn loại đơn vị của cấp này.' }]} style={{ minWidth: 220, flex: 1, marginBottom: 0 }}>
                  <Select mode="multiple" options={unitKindOptions} optionFilterProp="label" />
                </Form.Item>
                {weekly ? (
                  <Form.Item name={[field.name, 'weekday']} label="Thứ" initialValue="wednesday" style={{ width: 130, marginBottom: 0 }}>
                    <Select options={weekdayOptions} />
                  </Form.Item>
                ) : (
                  <Form.Item name={[field.name, 'day']} label="Ngày trong tháng" rules={[{ required: true, message: 'Nhập ngày (1–31).' }]} style={{ width: 140, marginBottom: 0 }}>
                    <InputNumber min={1} max={31} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                )}
                <Form.Item name={[field.name, 'time']} label="Trước giờ" rules={[{ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'HH:MM' }]} style={{ width: 100, marginBottom: 0 }}>
                  <Input placeholder="16:00" />
                </Form.Item>
                <Button aria-label={`Xóa thời hạn cấp ${i + 1}`} icon={<DeleteOutlined />} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ unitKinds: [], time: '16:00' })} style={{ alignSelf: 'start' }} data-testid="deadline-add">
              Thêm thời hạn một cấp
            </Button>
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}
