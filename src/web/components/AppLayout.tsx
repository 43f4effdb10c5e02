import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Layout, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet } from 'react-router';
import type { Me } from '../api/types.js';
import { useAuth, useMe } from '../features/auth/authContext.js';
import { NotificationBell } from '../features/notifications/NotificationBell.js';
import { useIsMobile } from '../lib/useIsMobile.js';
import { FullPageSpin } from './FullPageSpin.js';
import { NavMenu } from './NavMenu.js';

const { Header, Sider, Content } = Layout;

/** The top bar: the menu button on phones, the app's name, the notification bell, the signed-in user and "Đăng xuất". */
function AppHeader({ me, isMobile, onOpenMenu }: { me: Me; isMobile: boolean; onOpenMenu: () => void }) {
  const { signOut } = useAuth();
  const { token } = theme.useToken();
  return (
    <Header
      className="lt-app-header"
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
        <Button type="text" aria-label="Mở trình đơn" icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />} onClick={onOpenMenu} data-testid="nav-toggle" />
      )}
      <Link to="/don-vi" style={{ color: '#fff', fontWeight: 700, fontSize: 20, whiteSpace: 'nowrap' }}>
        Lan Tỏa
      </Link>
      <Flex flex={1} justify="flex-end" align="center" gap={8} style={{ minWidth: 0 }}>
        <NotificationBell />
        <Link
          to="/ca-nhan"
          style={{ color: '#fff', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
          title="Thông tin cá nhân"
          data-testid="current-user"
        >
          <UserOutlined /> {me.fullName}
        </Link>
        <Button ghost icon={<LogoutOutlined />} aria-label="Đăng xuất" title="Đăng xuất" data-testid="logout" style={{ flexShrink: 0 }} onClick={() => void signOut()}>
          {isMobile ? null : 'Đăng xuất'}
        </Button>
      </Flex>
    </Header>
  );
}

/** The menu: a side bar on wide screens, a drawer on phones. */
function AppNavigation({ me, isMobile, drawerOpen, onClose }: { me: Me; isMobile: boolean; drawerOpen: boolean; onClose: () => void }) {
  const { token } = theme.useToken();
  if (!isMobile) {
    return (
      <Sider width={232} theme="light" style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}>
        <NavMenu me={me} />
      </Sider>
    );
  }
  return (
    <Drawer placement="left" open={drawerOpen} onClose={onClose} size={272} title={<Typography.Text strong>Lan Tỏa</Typography.Text>} styles={{ body: { padding: 0 } }}>
      <NavMenu me={me} onNavigate={onClose} />
    </Drawer>
  );
}

export function AppLayout() {
  const me = useMe();
  const isMobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#noi-dung" className="lt-skip-link">
        Bỏ qua, đến nội dung chính
      </a>
      <AppHeader me={me} isMobile={isMobile} onOpenMenu={() => setDrawerOpen(true)} />
      <Layout hasSider={!isMobile}>
        <AppNavigation me={me} isMobile={isMobile} drawerOpen={drawerOpen} onClose={() => setDrawerOpen(false)} />
        {/* The skip link's target: focusable from the link, not in the tab order. */}
        <Content id="noi-dung" tabIndex={-1} style={{ padding: isMobile ? 12 : 24, minWidth: 0, outline: 'none' }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
