import { Button, Flex, Table, Typography, type TableColumnsType } from 'antd';
import type { User } from '../../api/types.js';
import { useIsMobile } from '../../lib/useIsMobile.js';
import { GrantTags } from './GrantTags.js';
import { UserStatusTag } from './UserStatusTag.js';

export interface UsersTableProps {
  users: readonly User[];
  loading: boolean;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
}

/** Below this width the table scrolls sideways (a narrow tablet); on a desktop the columns share the width and wrap. */
const MIN_TABLE_WIDTH = 860;

function Actions({ user, onEdit, onResetPassword }: { user: User } & Pick<UsersTableProps, 'onEdit' | 'onResetPassword'>) {
  return (
    <Flex gap={4} wrap>
      <Button size="small" onClick={() => onEdit(user)}>
        Sửa
      </Button>
      <Button size="small" onClick={() => onResetPassword(user)}>
        Đặt lại mật khẩu
      </Button>
    </Flex>
  );
}

/**
 * The accounts: on a desktop a table whose last column (the actions) always fits — widths only on
 * the short columns, the others wrap; on a phone one card per account with its actions in sight.
 */
export function UsersTable({ users, loading, onEdit, onResetPassword }: UsersTableProps) {
  const isMobile = useIsMobile();
  const actions = (u: User) => <Actions user={u} onEdit={onEdit} onResetPassword={onResetPassword} />;
  const columns: TableColumnsType<User> = isMobile
    ? [
        {
          title: 'Tài khoản',
          key: 'account',
          render: (_v, u) => (
            <Flex vertical gap={4}>
              <Typography.Text strong>
                {u.fullName} <Typography.Text type="secondary">({u.username})</Typography.Text>
              </Typography.Text>
              {u.homeUnitName && <Typography.Text type="secondary">{u.homeUnitName}</Typography.Text>}
              <GrantTags grants={u.grants} />
              <UserStatusTag user={u} />
              {actions(u)}
            </Flex>
          ),
        },
      ]
    : [
        { title: 'Tên đăng nhập', dataIndex: 'username', key: 'username', width: 130 },
        { title: 'Họ và tên', dataIndex: 'fullName', key: 'fullName' },
        { title: 'Đơn vị', dataIndex: 'homeUnitName', key: 'homeUnitName', render: (v: string | null) => v ?? '—' },
        { title: 'Vai trò', key: 'grants', render: (_v, u) => <GrantTags grants={u.grants} /> },
        { title: 'Trạng thái', key: 'status', width: 130, render: (_v, u) => <UserStatusTag user={u} /> },
        { title: 'Thao tác', key: 'actions', width: 150, render: (_v, u) => actions(u) },
      ];
  return (
    <Table<User>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={users as User[]}
      loading={loading}
      scroll={isMobile ? undefined : { x: MIN_TABLE_WIDTH }}
      pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => `${total} tài khoản`, hideOnSinglePage: true }}
      locale={{ emptyText: 'Không có tài khoản nào phù hợp.' }}
      data-testid="user-table"
    />
  );
}
