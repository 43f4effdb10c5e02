import { UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { User } from '../api/types.js';
import { ErrorResult } from '../components/ErrorResult.js';
import { SearchInput } from '../components/SearchInput.js';
import { CreateUserModal } from '../features/auth/CreateUserModal.js';
import { EditUserDrawer } from '../features/auth/EditUserDrawer.js';
import { ResetPasswordModal } from '../features/auth/ResetPasswordModal.js';
import { UsersTable } from '../features/auth/UsersTable.js';
import { useUserList } from '../features/auth/useUsers.js';

export function AccountsPage() {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [text]);
  const users = useUserList(q);

  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<number | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  // Read the user being edited from the list so the drawer shows fresh data after each change.
  const editing = editingId === null ? null : (users.data?.find((u) => u.id === editingId) ?? null);

  return (
    <>
      <title>Tài khoản người dùng — Lan Tỏa</title>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          Tài khoản người dùng
        </Typography.Title>
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)} data-testid="user-create">
          Tạo tài khoản
        </Button>
      </Flex>
      <Card styles={{ body: { padding: 12 } }}>
        <SearchInput
          placeholder="Tìm theo tên đăng nhập, họ tên hoặc thư điện tử…"
          aria-label="Tìm tài khoản"
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => {
            setText(v);
            setQ(v.trim());
          }}
          loading={users.isFetching}
          style={{ marginBottom: 12, maxWidth: 480 }}
          testId="user-search"
        />
        {users.isError ? (
          <ErrorResult error={users.error} onRetry={() => void users.refetch()} title="Chưa tải được danh sách tài khoản" />
        ) : (
          <UsersTable
            users={users.data ?? []}
            loading={users.isPending}
            onEdit={(u) => setEditingId(u.id)}
            onResetPassword={setResetting}
          />
        )}
      </Card>
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(u) => {
          setCreating(false);
          setEditingId(u.id);
        }}
      />
      <EditUserDrawer user={editing} onClose={() => setEditingId(null)} onResetPassword={setResetting} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
