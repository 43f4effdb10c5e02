import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Flex, Form, Input, Select, Typography } from 'antd';
import { docTypeOptions, relationOptions } from '../../i18n/directives.js';
import { foldIncludes } from '../../lib/fold.js';
import { useIsMobile } from '../../lib/useIsMobile.js';
import { FieldZone } from './FieldZone.js';
import { PartialDateInput } from './PartialDateInput.js';

const COLUMNS = '120px 130px 1fr 220px';

/** The documents cited in the text: relation, type, number/symbol, date, issuer. */
export function ReferenceListField() {
  const isMobile = useIsMobile();
  // On phones: relation and type side by side, number and date on rows of their own.
  const span = isMobile ? { gridColumn: '1 / -1' } : {};
  const grid = { display: 'grid', gap: 8, gridTemplateColumns: isMobile ? 'minmax(0, 1fr) minmax(0, 1fr)' : COLUMNS, alignItems: 'start' } as const;
  return (
    <Form.Item label="Văn bản được dẫn" style={{ marginBottom: 16 }}>
      <Form.List name="references">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.length === 0 && <Typography.Text type="secondary">Văn bản không dẫn văn bản nào.</Typography.Text>}
            {fields.length > 0 && !isMobile && (
              <div style={{ ...grid, color: 'rgba(0,0,0,0.55)', fontSize: 12 }} aria-hidden>
                <span>Quan hệ</span>
                <span>Loại</span>
                <span>Số, ký hiệu</span>
                <span>Ngày</span>
              </div>
            )}
            {fields.map((field) => (
              <FieldZone key={field.key} field={`references.${field.name}`}>
                <Flex vertical gap={8} style={{ paddingBlock: 4 }}>
                  <div style={grid}>
                    <Form.Item name={[field.name, 'relation']} style={{ marginBottom: 0, minWidth: 0 }}>
                      <Select options={relationOptions} aria-label="Quan hệ" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'docType']} style={{ marginBottom: 0, minWidth: 0 }}>
                      <AutoComplete
                        options={docTypeOptions}
                        aria-label="Loại văn bản được dẫn"
                        placeholder="Loại"
                        allowClear
                        showSearch={{ filterOption: (input, option) => foldIncludes(String(option?.value ?? ''), input) }}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'numberSymbol']} style={{ marginBottom: 0, minWidth: 0, ...span }}>
                      <Input aria-label="Số, ký hiệu văn bản được dẫn" placeholder="Số, ký hiệu" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'date']} style={{ marginBottom: 0, minWidth: 0, ...span }}>
                      <PartialDateInput />
                    </Form.Item>
                  </div>
                  <Flex gap={8}>
                    <Form.Item name={[field.name, 'issuerName']} style={{ flex: 1, marginBottom: 0 }}>
                      <Input aria-label="Cơ quan ban hành văn bản được dẫn" placeholder="Cơ quan ban hành" />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label="Xóa văn bản được dẫn" title="Xóa dòng" onClick={() => remove(field.name)} />
                  </Flex>
                </Flex>
              </FieldZone>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ relation: 'cites', docType: null, numberSymbol: '', date: null, issuerName: '' })}
              style={{ alignSelf: 'flex-start' }}
            >
              Thêm văn bản được dẫn
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
