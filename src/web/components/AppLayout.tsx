import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Layout, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet } from 'react-router';
import { useAuth, useMe } from '../features/auth/authContext.js';
import { useIsMobile } from '../lib/useIsMobile.js';
import { FullPageSpin } from './FullPageSpin.js';
import { NavMenu } from './NavMenu.js';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const me = useMe();
  const { signOut } = useAuth();
  const isMobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { token } = theme.useToken();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          paddingInline: isMobile ? 12 : 24,
          background: token.colorPrimary,
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        {isMobile && (
          <Button
            type="text"
            aria-label="Mở trình đơn"
            icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />}
            onClick={() => setDrawerOpen(true)}
            data-testid="nav-toggle"
          />
        )}
        <Link to="/don-vi" style={{ color: '#fff', fontWeight: 700, fontSize: 20, whiteSpace: 'nowrap' }}>
          Lan Tỏa
        </Link>
        <Flex flex={1} justify="flex-end" align="center" gap={8} style={{ minWidth: 0 }}>
          <Link
            to="/ca-nhan"
            style={{ color: '#fff', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
            title="Thông tin cá nhân"
            data-testid="current-user"
          >
            <UserOutlined /> {me.fullName}
          </Link>
          <Button
            ghost
            icon={<LogoutOutlined />}
            aria-label="Đăng xuất"
            title="Đăng xuất"
            data-testid="logout"
            style={{ flexShrink: 0 }}
            onClick={() => void signOut()}
          >
            {isMobile ? null : 'Đăng xuất'}
          </Button>
        </Flex>
      </Header>
      <Layout hasSider={!isMobile}>
        {!isMobile && (
          <Sider width={232} theme="light" style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}>
            <NavMenu me={me} />
          </Sider>
        )}
        {isMobile && (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={272}
            title={<Typography.Text strong>Lan Tỏa</Typography.Text>}
            styles={{ body: { padding: 0 } }}
          >
            <NavMenu me={me} onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        )}
        <Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
