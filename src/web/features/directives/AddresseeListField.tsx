import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Typography } from 'antd';
import type { LinkableUnit } from '../../api/types.js';
import { useIsMobile } from '../../lib/useIsMobile.js';
import { FieldZone } from './FieldZone.js';
import { LinkedUnitSelect } from './LinkedUnitSelect.js';

/** "Kính gửi" or "Nơi nhận": rows of a name as written and the units it is linked to. */
export function AddresseeListField({
  name,
  label,
  addLabel,
  units,
}: {
  name: 'recipients' | 'distribution';
  label: string;
  addLabel: string;
  units: readonly LinkableUnit[];
}) {
  const isMobile = useIsMobile();
  return (
    <Form.Item label={label} style={{ marginBottom: 16 }}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.length === 0 && <Typography.Text type="secondary">Chưa có mục nào.</Typography.Text>}
            {fields.map((field) => (
              <FieldZone key={field.key} field={`${name}.${field.name}`}>
                <Flex gap={8} align="flex-start" vertical={isMobile}>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên hoặc xóa dòng này.' }]}
                    style={{ flex: '1 1 55%', marginBottom: 0, width: isMobile ? '100%' : undefined }}
                  >
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} aria-label={`${label} — tên`} placeholder="Tên như trong văn bản" />
                  </Form.Item>
                  <Flex gap={8} style={{ flex: '1 1 45%', width: isMobile ? '100%' : undefined, minWidth: 0 }}>
                    <Form.Item name={[field.name, 'unitIds']} style={{ flex: 1, marginBottom: 0, minWidth: 0 }}>
                      <LinkedUnitSelect mode="multiple" units={units} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label="Xóa dòng" title="Xóa dòng" onClick={() => remove(field.name)} />
                  </Flex>
                </Flex>
              </FieldZone>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', unitIds: [] })} style={{ alignSelf: 'flex-start' }}>
              {addLabel}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
