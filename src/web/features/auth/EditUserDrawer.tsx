import { api, data } from '../../api/client.js';
import { KeyOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Divider, Drawer, Flex, Form, Input, Switch, Typography, type FormInstance } from 'antd';
import { useMemo } from 'react';
import type { User, UserPatch } from '../../api/types.js';
import { applyValidationErrors } from '../../lib/formErrors.js';
import { formatDateTime } from '../../lib/time.js';
import { useIsMobile } from '../../lib/useIsMobile.js';
import { useNotifyError } from '../../lib/useNotifyError.js';
import { UnitTreeSelect } from '../org/UnitTreeSelect.js';
import { useMe } from './authContext.js';
import { GrantsEditor } from './GrantsEditor.js';
import { UserStatusTag } from './UserStatusTag.js';
import { userKeys } from './useUsers.js';

interface Values {
  fullName: string;
  email?: string;
  isActive: boolean;
  homeUnitId: number | null;
}

function diff(user: User, v: Values): UserPatch {
  const patch: UserPatch = {};
  const fullName = v.fullName.trim();
  const email = v.email?.trim() ? v.email.trim() : null;
  if (fullName !== user.fullName) patch.fullName = fullName;
  if (email !== user.email) patch.email = email;
  if (v.isActive !== user.isActive) patch.isActive = v.isActive;
  if ((v.homeUnitId ?? null) !== user.homeUnitId) patch.homeUnitId = v.homeUnitId ?? null;
  return patch;
}

export interface EditUserDrawerProps {
  user: User | null;
  onClose: () => void;
  onResetPassword: (user: User) => void;
}

export function EditUserDrawer({ user, onClose, onResetPassword }: EditUserDrawerProps) {
  const isMobile = useIsMobile();
  return (
    <Drawer
      open={user !== null}
      onClose={onClose}
      title={user ? `Tài khoản: ${user.username}` : ''}
      size={isMobile ? '100%' : 560}
      destroyOnHidden
    >
      {user && (
        <Flex vertical gap={16}>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'status', label: 'Trạng thái', children: <UserStatusTag user={user} /> },
              { key: 'createdAt', label: 'Tạo lúc', children: formatDateTime(user.createdAt) },
            ]}
          />
          <EditUserForm user={user} onResetPassword={onResetPassword} />
          <Divider style={{ margin: '8px 0' }} />
          <Typography.Title level={5} style={{ margin: 0 }}>
            Vai trò
          </Typography.Title>
          <GrantsEditor user={user} />
        </Flex>
      )}
    </Drawer>
  );
}

/** Saves the changed fields of `user` (nothing to save: says so); server field errors go to the form. */
function useSaveUser(user: User, form: FormInstance<Values>) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  return useMutation({
    mutationFn: async (v: Values): Promise<User | null> => {
      const patch = diff(user, v);
      return Object.keys(patch).length > 0 ? data(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: patch })) : null;
    },
    onSuccess: async (saved) => {
      if (!saved) {
        void message.info('Không có thay đổi nào để lưu.');
        return;
      }
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      void message.success(`Đã lưu tài khoản “${saved.username}”.`);
    },
    onError: (error) => {
      if (applyValidationErrors(form, error, ['fullName', 'email', 'isActive', 'homeUnitId'])) return;
      notifyError(error);
    },
  });
}

/** The account's own fields (name, e-mail, home unit, may log in) and the password reset button. */
function EditUserForm({ user, onResetPassword }: { user: User; onResetPassword: (user: User) => void }) {
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const mutation = useSaveUser(user, form);
  const initialValues = useMemo<Values>(
    () => ({ fullName: user.fullName, email: user.email ?? '', isActive: user.isActive, homeUnitId: user.homeUnitId }),
    [user],
  );

  return (
    <Form<Values> key={`${user.id}`} form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => mutation.mutate(v)}>
      <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, whitespace: true, message: 'Hãy nhập họ và tên.' }]}>
        <Input />
      </Form.Item>
      <Form.Item label="Thư điện tử" name="email" rules={[{ type: 'email', message: 'Địa chỉ thư điện tử chưa đúng.' }]}>
        <Input type="email" />
      </Form.Item>
      <Form.Item label="Đơn vị công tác" name="homeUnitId">
        <UnitTreeSelect placeholder="Chưa chọn đơn vị công tác" />
      </Form.Item>
      <Form.Item
        label="Cho phép đăng nhập"
        name="isActive"
        valuePropName="checked"
        extra="Tắt để ngừng sử dụng tài khoản (ví dụ khi người dùng chuyển công tác); dữ liệu vẫn được giữ."
      >
        <Switch checkedChildren="Có" unCheckedChildren="Không" disabled={user.id === me.id} />
      </Form.Item>
      <Flex gap={8} wrap>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          Lưu thay đổi
        </Button>
        <Button icon={<KeyOutlined />} onClick={() => onResetPassword(user)}>
          Đặt lại mật khẩu
        </Button>
      </Flex>
    </Form>
  );
}
