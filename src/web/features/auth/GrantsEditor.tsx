import { api, data } from '../../api/client.js';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Popconfirm, Select, Tag, Typography, theme } from 'antd';
import type { Grant, Role, User } from '../../api/types.js';
import { roleColors, roleLabel, roleLabels, WHOLE_SYSTEM_LABEL } from '../../i18n/roles.js';
import { applyValidationErrors } from '../../lib/formErrors.js';
import { useNotifyError } from '../../lib/useNotifyError.js';
import { UnitTreeSelect, WHOLE_SYSTEM } from '../org/UnitTreeSelect.js';
import { useMe } from './authContext.js';
import { grantScope } from './GrantTags.js';
import { userKeys } from './useUsers.js';

interface Values {
  role: Role;
  unitId: number | null;
}

/** Lists a user's role grants, removes them, adds new ones. */
export function GrantsEditor({ user }: { user: User }) {
  return (
    <Flex vertical gap={12}>
      <GrantList user={user} />
      <Typography.Text strong>Cấp thêm vai trò</Typography.Text>
      <AddGrantForm user={user} />
    </Flex>
  );
}

/** The user's grants, each with a revoke button (a system administrator's grant only for another one). */
function GrantList({ user }: { user: User }) {
  const me = useMe();
  const isSystemAdmin = me.permissions.isSystemAdmin;
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { token } = theme.useToken();

  const remove = useMutation({
    mutationFn: (grant: Grant) => data(api.DELETE('/api/v1/users/{id}/grants/{grantId}', { params: { path: { id: user.id, grantId: grant.id } } })),
    onSuccess: async (_v, grant) => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      void message.success(`Đã thu hồi vai trò ${roleLabel(grant.role)} — ${grantScope(grant)}.`);
    },
    onError: notifyError,
  });

  if (user.grants.length === 0) {
    return <Typography.Text type="secondary">Tài khoản chưa có vai trò nào nên chưa làm được việc gì.</Typography.Text>;
  }
  return (
    <Flex vertical gap={0} style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadius }}>
      {user.grants.map((g, i) => (
        <Flex
          key={g.id}
          align="center"
          justify="space-between"
          gap={8}
          style={{ padding: '8px 12px', borderTop: i > 0 ? `1px solid ${token.colorBorderSecondary}` : undefined }}
          data-testid="grant-row"
        >
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <span>
              <Tag color={roleColors[g.role]}>{roleLabel(g.role)}</Tag>
            </span>
            <Typography.Text style={{ wordBreak: 'break-word' }}>{grantScope(g)}</Typography.Text>
          </Flex>
          <Popconfirm
            title="Thu hồi vai trò này?"
            description={`${roleLabel(g.role)} — ${grantScope(g)}`}
            okText="Thu hồi"
            okButtonProps={{ danger: true }}
            cancelText="Hủy"
            onConfirm={() => remove.mutateAsync(g).catch(() => undefined)}
          >
            <Button
              danger
              type="text"
              icon={<DeleteOutlined />}
              aria-label="Thu hồi vai trò"
              title="Thu hồi vai trò"
              disabled={!isSystemAdmin && g.role === 'system_admin'}
            />
          </Popconfirm>
        </Flex>
      ))}
    </Flex>
  );
}

/** Grants the user a role over a unit's subtree (system administrator: the whole system). */
function AddGrantForm({ user }: { user: User }) {
  const me = useMe();
  const isSystemAdmin = me.permissions.isSystemAdmin;
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const notifyError = useNotifyError();

  const roleOptions = (Object.keys(roleLabels) as Role[])
    .filter((r) => r !== 'system_admin' || isSystemAdmin)
    .map((r) => ({ value: r, label: roleLabels[r] }));

  const add = useMutation({
    mutationFn: (v: Values) =>
      data(api.POST('/api/v1/users/{id}/grants', { params: { path: { id: user.id } }, body: {
        role: v.role,
        unitId: v.role === 'system_admin' || v.unitId === WHOLE_SYSTEM ? null : v.unitId,
      } })),
    onSuccess: async (grant) => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      void message.success(`Đã cấp vai trò ${roleLabel(grant.role)} — ${grantScope(grant)}.`);
      form.resetFields();
    },
    onError: (error) => {
      if (applyValidationErrors(form, error, ['role', 'unitId'])) return;
      notifyError(error);
    },
  });

  return (
    <Form<Values> form={form} layout="vertical" onFinish={(v) => add.mutate(v)} requiredMark={false}>
      <Form.Item name="role" label="Vai trò" rules={[{ required: true, message: 'Hãy chọn vai trò.' }]}>
        <Select options={roleOptions} placeholder="Chọn vai trò" />
      </Form.Item>
      {role === 'system_admin' ? (
        <Form.Item label="Phạm vi">
          <Typography.Text>{WHOLE_SYSTEM_LABEL}</Typography.Text>
        </Form.Item>
      ) : (
        <Form.Item
          name="unitId"
          label="Phạm vi (đơn vị và các đơn vị trực thuộc)"
          rules={[
            {
              validator: (_r, value: number | null | undefined) =>
                value === null || value === undefined
                  ? Promise.reject(new Error('Hãy chọn đơn vị mà vai trò này được áp dụng.'))
                  : Promise.resolve(),
            },
          ]}
        >
          <UnitTreeSelect placeholder="Chọn đơn vị" />
        </Form.Item>
      )}
      <Button htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} data-testid="grant-add">
        Cấp vai trò
      </Button>
    </Form>
  );
}
