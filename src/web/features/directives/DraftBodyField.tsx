import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Typography } from 'antd';

/** The body of a draft: paragraphs that can be added, removed and moved up or down. */
export function DraftBodyField() {
  return (
    <Form.Item label="Nội dung (mỗi ô là một đoạn)">
      <Form.List name="body">
        {(fields, { add, remove, move }) => (
          <Flex vertical gap={8}>
            {fields.length === 0 && <Typography.Text type="secondary">Chưa có đoạn nào.</Typography.Text>}
            {fields.map((field, i) => (
              <Flex key={field.key} gap={8} align="flex-start">
                <Form.Item name={[field.name, 'text']} style={{ flex: 1, marginBottom: 0 }}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} aria-label={`Đoạn ${i + 1}`} />
                </Form.Item>
                <Flex vertical gap={4}>
                  <Button size="small" icon={<ArrowUpOutlined />} aria-label="Chuyển lên" title="Chuyển lên" disabled={i === 0} onClick={() => move(i, i - 1)} />
                  <Button size="small" icon={<ArrowDownOutlined />} aria-label="Chuyển xuống" title="Chuyển xuống" disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} />
                  <Button size="small" icon={<DeleteOutlined />} aria-label="Xóa đoạn" title="Xóa đoạn" onClick={() => remove(field.name)} />
                </Flex>
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: '' })} style={{ alignSelf: 'flex-start' }}>
              Thêm đoạn
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
