import { ApartmentOutlined, TeamOutlined } from '@ant-design/icons';
import { lazyPage } from './lazyPage.js';
import type { WebModule } from './types.js';

/** Units and user accounts. */
export const orgWeb: WebModule = {
  name: 'org',
  pages: [
    { path: '/don-vi', Page: lazyPage(() => import('../routes/UnitsPage.js'), 'UnitsPage') },
    { path: '/tai-khoan', Page: lazyPage(() => import('../routes/AccountsPage.js'), 'AccountsPage'), permission: 'manageUsers' },
  ],
  nav: [
    { path: '/don-vi', label: 'Đơn vị', icon: <ApartmentOutlined />, order: 10 },
    { path: '/tai-khoan', label: 'Tài khoản người dùng', icon: <TeamOutlined />, order: 80, permission: 'manageUsers' },
  ],
};
