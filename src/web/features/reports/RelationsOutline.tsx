import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Select } from 'antd';

const ops = [
  { value: '>=', label: '≥' },
  { value: '<=', label: '≤' },
  { value: '=', label: '=' },
  { value: '>', label: '>' },
  { value: '<', label: '<' },
];

/** Ràng buộc giữa các chỉ tiêu: `left op right` (e.g. attendees ≥ meetings), with an optional message. */
export function RelationsEditor({ codes }: { codes: { value: string; label: string }[] }) {
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Ràng buộc giữa các chỉ tiêu</h2>}>
      <Form.List name="relations">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, i) => (
              <Flex key={field.key} wrap gap={8} align="start" data-testid="relation-row">
                <Form.Item name={[field.name, 'left']} label={`Ràng buộc ${i + 1}`} style={{ minWidth: 180, flex: 1, marginBottom: 0 }}>
                  <Select options={codes} />
                </Form.Item>
                <Form.Item name={[field.name, 'op']} label="Phép so sánh" initialValue=">=" style={{ width: 110, marginBottom: 0 }}>
                  <Select options={ops} />
                </Form.Item>
                <Form.Item name={[field.name, 'right']} label="Chỉ tiêu so sánh" style={{ minWidth: 180, flex: 1, marginBottom: 0 }}>
                  <Select options={codes} />
                </Form.Item>
                <Form.Item name={[field.name, 'message']} label="Thông báo khi sai (tùy chọn)" style={{ minWidth: 200, flex: 2, marginBottom: 0 }}>
                  <Input maxLength={300} />
                </Form.Item>
                <Button aria-label={`Xóa ràng buộc ${i + 1}`} icon={<DeleteOutlined />} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ op: '>=' })} style={{ alignSelf: 'start' }}>
              Thêm ràng buộc
            </Button>
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}

/** Đề cương: the narrative sections' titles, in order. */
export function OutlineEditor() {
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Đề cương báo cáo</h2>}>
      <Form.List name="outline">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, i) => (
              <Flex key={field.key} gap={8} align="end">
                <Form.Item name={field.name} label={`Mục ${i + 1}`} rules={[{ required: true, whitespace: true, message: 'Nhập tên mục.' }]} style={{ flex: 1, marginBottom: 0 }}>
                  <Input maxLength={300} />
                </Form.Item>
                <Button aria-label={`Xóa mục ${i + 1}`} icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add('')} style={{ alignSelf: 'start' }}>
              Thêm mục
            </Button>
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}
