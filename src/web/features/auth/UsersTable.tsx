import { Button, Flex, Table, type TableColumnsType } from 'antd';
import type { User } from '../../api/types.js';
import { GrantTags } from './GrantTags.js';
import { UserStatusTag } from './UserStatusTag.js';

export interface UsersTableProps {
  users: readonly User[];
  loading: boolean;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
}

export function UsersTable({ users, loading, onEdit, onResetPassword }: UsersTableProps) {
  const columns: TableColumnsType<User> = [
    { title: 'Tên đăng nhập', dataIndex: 'username', key: 'username', width: 150 },
    { title: 'Họ và tên', dataIndex: 'fullName', key: 'fullName', width: 190 },
    {
      title: 'Đơn vị',
      dataIndex: 'homeUnitName',
      key: 'homeUnitName',
      width: 220,
      render: (v: string | null) => v ?? '—',
    },
    { title: 'Vai trò', key: 'grants', width: 280, render: (_v, u) => <GrantTags grants={u.grants} /> },
    { title: 'Trạng thái', key: 'status', width: 170, render: (_v, u) => <UserStatusTag user={u} /> },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 200,
      render: (_v, u) => (
        <Flex gap={4} wrap>
          <Button size="small" onClick={() => onEdit(u)}>
            Sửa
          </Button>
          <Button size="small" onClick={() => onResetPassword(u)}>
            Đặt lại mật khẩu
          </Button>
        </Flex>
      ),
    },
  ];
  return (
    <Table<User>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={users as User[]}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => `${total} tài khoản`, hideOnSinglePage: true }}
      locale={{ emptyText: 'Không có tài khoản nào phù hợp.' }}
      data-testid="user-table"
    />
  );
}
