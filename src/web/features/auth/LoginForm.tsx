import { logIn } from './session.js';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { Me } from '../../api/types.js';
import { errorText } from '../../i18n/errors.js';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginForm({ onSuccess }: { onSuccess: (me: Me) => void }) {
  const [form] = Form.useForm<LoginValues>();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (values: LoginValues) => logIn(values.username.trim(), values.password),
    onSuccess: (session) => onSuccess(session.user),
    onError: (e) => {
      setError(errorText(e));
      form.setFieldValue('password', '');
    },
  });

  return (
    <Form<LoginValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => {
        setError(null);
        mutation.mutate(values);
      }}
      onValuesChange={() => setError(null)}
      autoComplete="on"
    >
      {error && (
        <Form.Item>
          <Alert type="error" showIcon title={error} data-testid="login-error" role="alert" />
        </Form.Item>
      )}
      <Form.Item
        label="Tên đăng nhập"
        name="username"
        rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên đăng nhập.' }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
      </Form.Item>
      <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Hãy nhập mật khẩu.' }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block size="large" loading={mutation.isPending}>
          Đăng nhập
        </Button>
      </Form.Item>
    </Form>
  );
}
