import { Col, Form, Input, Row } from 'antd';

/** The signature block of a directive or a draft: authority (T/M, K/T …), the body signed for, title, name. */
export function SignerFields({ label, examples = false }: { label: string; examples?: boolean }) {
  return (
    <Form.Item label={label} style={{ marginBottom: 0 }}>
      <Row gutter={12}>
        <Col xs={12} sm={6}>
          <Form.Item name={['signer', 'authority']} extra="T/M, K/T, TL.…">
            <Input aria-label="Quyền hạn ký" placeholder={examples ? 'T/M' : undefined} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={18}>
          <Form.Item name={['signer', 'body']} extra="Tập thể, cơ quan ký thay">
            <Input aria-label="Tập thể, cơ quan" placeholder={examples ? 'BAN THƯỜNG VỤ' : undefined} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name={['signer', 'title']} extra="Chức vụ">
            <Input aria-label="Chức vụ người ký" placeholder={examples ? 'PHÓ BÍ THƯ' : undefined} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name={['signer', 'name']} extra="Họ và tên">
            <Input aria-label="Họ và tên người ký" />
          </Form.Item>
        </Col>
      </Row>
    </Form.Item>
  );
}
