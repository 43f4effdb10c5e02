import { api, data } from '../../api/client.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import type { User } from '../../api/types.js';
import { applyValidationErrors } from '../../lib/formErrors.js';
import { useNotifyError } from '../../lib/useNotifyError.js';
import { confirmPasswordRules, MIN_PASSWORD_LENGTH, newPasswordRules } from './passwordRules.js';
import { userKeys } from './useUsers.js';

interface Values {
  newPassword: string;
  confirm: string;
}

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const mutation = useMutation({
    mutationFn: (v: Values) => data(api.POST('/api/v1/users/{id}/password', { params: { path: { id: user?.id ?? 0 } }, body: { newPassword: v.newPassword } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      void message.success(`Đã đặt lại mật khẩu cho “${user?.username ?? ''}”; tài khoản đã được mở khóa.`);
      form.resetFields();
      onClose();
    },
    onError: (error) => {
      if (applyValidationErrors(form, error, ['newPassword'])) return;
      notifyError(error);
    },
  });

  return (
    <Modal
      open={user !== null}
      title={`Đặt lại mật khẩu: ${user?.fullName ?? ''}`}
      okText="Đặt lại mật khẩu"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      forceRender
      // Opened from the account drawer too: stay above it.
      zIndex={1100}
      afterClose={() => form.resetFields()}
    >
      <Typography.Paragraph type="secondary">
        Mật khẩu mới có hiệu lực ngay và mọi phiên đăng nhập cũ của tài khoản kết thúc. Hãy báo mật khẩu cho người dùng qua kênh an
        toàn và đề nghị họ tự đổi.
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
        <Form.Item label="Mật khẩu mới" name="newPassword" rules={newPasswordRules} extra={`Ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="Nhập lại mật khẩu mới" name="confirm" dependencies={['newPassword']} rules={confirmPasswordRules('newPassword')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
