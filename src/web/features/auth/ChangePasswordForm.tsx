import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { api, data, isApiError } from '../../api/client.js';
import { applyValidationErrors } from '../../lib/formErrors.js';
import { useNotifyError } from '../../lib/useNotifyError.js';
import { MIN_PASSWORD_LENGTH, newPasswordRules, confirmPasswordRules } from './passwordRules.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordForm() {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const mutation = useMutation({
    mutationFn: (v: Values) => data(api.POST('/api/v1/auth/password', { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } })),
    onSuccess: () => {
      form.resetFields();
      void message.success('Đã đổi mật khẩu. Lần đăng nhập sau hãy dùng mật khẩu mới.');
    },
    onError: (error) => {
      if (isApiError(error) && (error.code === 'INVALID_CREDENTIALS' || error.code === 'FORBIDDEN')) {
        form.setFields([
          { name: 'currentPassword', errors: ['Mật khẩu hiện tại không đúng. Hãy nhập lại.'] },
        ]);
        return;
      }
      if (applyValidationErrors(form, error, ['currentPassword', 'newPassword'])) return;
      notifyError(error);
    },
  });

  return (
    <Form<Values> form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)} style={{ maxWidth: 420 }}>
      <Form.Item
        label="Mật khẩu hiện tại"
        name="currentPassword"
        rules={[{ required: true, message: 'Hãy nhập mật khẩu hiện tại.' }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="Mật khẩu mới"
        name="newPassword"
        extra={`Ít nhất ${MIN_PASSWORD_LENGTH} ký tự; nên dùng một câu dễ nhớ với bạn nhưng khó đoán với người khác.`}
        rules={newPasswordRules}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item label="Nhập lại mật khẩu mới" name="confirm" dependencies={['newPassword']} rules={confirmPasswordRules('newPassword')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        Đổi mật khẩu
      </Button>
    </Form>
  );
}
