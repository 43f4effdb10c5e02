import { AuditOutlined, HomeOutlined, IdcardOutlined } from '@ant-design/icons';
import { lazyPage } from './lazyPage.js';
import type { WebModule } from './types.js';

/** What platform itself serves: the home page (the landing page: items due from every module), the audit log, one's own profile and notifications (the bell of the top bar opens /thong-bao). */
export const platformWeb: WebModule = {
  name: 'platform',
  pages: [
    { path: '/trang-chu', Page: lazyPage(() => import('../routes/HomePage.js'), 'HomePage'), landing: true },
    { path: '/nhat-ky', Page: lazyPage(() => import('../routes/AuditPage.js'), 'AuditPage'), permission: 'viewAudit' },
    { path: '/ca-nhan', Page: lazyPage(() => import('../routes/ProfilePage.js'), 'ProfilePage') },
    { path: '/thong-bao', Page: lazyPage(() => import('../routes/NotificationsPage.js'), 'NotificationsPage') },
  ],
  nav: [
    { path: '/trang-chu', label: 'Trang chủ', icon: <HomeOutlined />, order: 0 },
    { path: '/nhat-ky', label: 'Nhật ký thao tác', icon: <AuditOutlined />, order: 90, permission: 'viewAudit' },
    { path: '/ca-nhan', label: 'Thông tin cá nhân', icon: <IdcardOutlined />, order: 100 },
  ],
};
