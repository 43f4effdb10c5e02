import { Card, Checkbox, Form, Input, Typography } from 'antd';
import { publicFormText as t } from '../../i18n/consultation.js';

const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';

/**
 * Optional contact details of a contributor (fields `name`, `phone`, `idNumber`, `consent` of the
 * surrounding form): the consent box must be ticked as soon as one detail is given. Shared by the
 * public form and the staff entry of letters, press and e-mail.
 */
export function ContactFields({ title, hint, consentLabel, consentRequired, testIdPrefix }: { title: string; hint: string; consentLabel: string; consentRequired: string; testIdPrefix: string }) {
  const form = Form.useFormInstance();
  return (
    <Card size="small" title={title} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {hint}
      </Typography.Paragraph>
      <Form.Item name="name" label={t.name}>
        <Input data-testid={`${testIdPrefix}-name`} autoComplete="name" maxLength={200} />
      </Form.Item>
      <Form.Item name="phone" label={t.phone} rules={[{ pattern: /^(\+?[0-9][0-9 .-]{6,18}[0-9])?$/, message: 'Số điện thoại không hợp lệ.' }]}>
        <Input data-testid={`${testIdPrefix}-phone`} inputMode="tel" autoComplete="tel" maxLength={25} />
      </Form.Item>
      <Form.Item name="idNumber" label={t.idNumber} rules={[{ pattern: /^([0-9]{9}|[0-9]{12})?$/, message: 'Số định danh/CCCD gồm 12 chữ số (hoặc CMND 9 chữ số).' }]}>
        <Input data-testid={`${testIdPrefix}-id-number`} inputMode="numeric" maxLength={12} />
      </Form.Item>
      <Form.Item
        name="consent"
        valuePropName="checked"
        dependencies={['name', 'phone', 'idNumber']}
        rules={[
          {
            validator: async (_rule, checked: boolean | undefined) => {
              const given = (['name', 'phone', 'idNumber'] as const).some((name) => filled(form.getFieldValue(name)));
              if (given && !checked) throw new Error(consentRequired);
            },
          },
        ]}
        style={{ marginBottom: 0 }}
      >
        <Checkbox data-testid={`${testIdPrefix}-consent`}>{consentLabel}</Checkbox>
      </Form.Item>
    </Card>
  );
}
