import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Typography } from 'antd';

/** An editable list of names ("Kính gửi", "Nơi nhận" of a draft). */
export function StringListField({ name, label, addLabel }: { name: string; label: string; addLabel: string }) {
  return (
    <Form.Item label={label}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.length === 0 && <Typography.Text type="secondary">Chưa có mục nào.</Typography.Text>}
            {fields.map((field) => (
              <Flex key={field.key} gap={8}>
                <Form.Item name={field.name} style={{ flex: 1, marginBottom: 0 }} rules={[{ required: true, whitespace: true, message: 'Hãy nhập nội dung hoặc xóa dòng này.' }]}>
                  <Input aria-label={`${label} ${field.name + 1}`} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} aria-label="Xóa dòng" title="Xóa dòng" onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} style={{ alignSelf: 'flex-start' }}>
              {addLabel}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
