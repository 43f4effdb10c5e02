import { api, data } from '../../api/client.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import type { User } from '../../api/types.js';
import { applyValidationErrors } from '../../lib/formErrors.js';
import { useNotifyError } from '../../lib/useNotifyError.js';
import { UnitTreeSelect } from '../org/UnitTreeSelect.js';
import { confirmPasswordRules, MIN_PASSWORD_LENGTH, newPasswordRules } from './passwordRules.js';
import { userKeys } from './useUsers.js';

interface Values {
  username: string;
  fullName: string;
  email?: string;
  homeUnitId: number | null;
  password: string;
  confirm: string;
}

export function CreateUserModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (user: User) => void }) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      data(api.POST('/api/v1/users', { body: {
        username: v.username.trim(),
        fullName: v.fullName.trim(),
        email: v.email?.trim() ? v.email.trim() : null,
        homeUnitId: v.homeUnitId ?? null,
        password: v.password,
      } })),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      void message.success(`Đã tạo tài khoản “${user.username}”. Hãy cấp vai trò để người dùng có thể làm việc.`);
      form.resetFields();
      onCreated(user);
    },
    onError: (error) => {
      if (applyValidationErrors(form, error, ['username', 'fullName', 'email', 'homeUnitId', 'password'])) return;
      notifyError(error);
    },
  });

  return (
    <Modal
      open={open}
      title="Tạo tài khoản"
      okText="Tạo tài khoản"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      forceRender
      afterClose={() => form.resetFields()}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)} initialValues={{ homeUnitId: null }}>
        <Form.Item
          label="Tên đăng nhập"
          name="username"
          rules={[
            { required: true, whitespace: true, message: 'Hãy nhập tên đăng nhập.' },
            { pattern: /^[a-zA-Z0-9._-]+$/, message: 'Chỉ dùng chữ không dấu, chữ số và các dấu . _ -' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, whitespace: true, message: 'Hãy nhập họ và tên.' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="Thư điện tử" name="email" rules={[{ type: 'email', message: 'Địa chỉ thư điện tử chưa đúng.' }]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item label="Đơn vị công tác" name="homeUnitId">
          <UnitTreeSelect placeholder="Chọn đơn vị công tác" />
        </Form.Item>
        <Form.Item
          label="Mật khẩu ban đầu"
          name="password"
          rules={newPasswordRules}
          extra={`Ít nhất ${MIN_PASSWORD_LENGTH} ký tự. Hãy báo mật khẩu cho người dùng qua kênh an toàn và đề nghị họ đổi ngay.`}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="Nhập lại mật khẩu" name="confirm" dependencies={['password']} rules={confirmPasswordRules('password')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
