import { ApartmentOutlined, AuditOutlined, BarChartOutlined, FileTextOutlined, FormOutlined, IdcardOutlined, TeamOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import type { Me } from '../api/types.js';

type Item = Required<MenuProps>['items'][number];

export function navItems(me: Me): Item[] {
  const items: Item[] = [
    { key: '/don-vi', icon: <ApartmentOutlined />, label: 'Đơn vị' },
    { key: '/van-ban', icon: <FileTextOutlined />, label: 'Văn bản chỉ đạo' },
    { key: '/gop-y-tong-hop', icon: <BarChartOutlined />, label: 'Tổng hợp góp ý' },
  ];
  // Staff intake of letters, press, e-mail and meetings: for those who may enter data somewhere.
  if (me.grants.some((g) => g.role !== 'viewer')) items.splice(3, 0, { key: '/gop-y-tiep-nhan', icon: <FormOutlined />, label: 'Tiếp nhận góp ý' });
  if (me.permissions.manageUsers) items.push({ key: '/tai-khoan', icon: <TeamOutlined />, label: 'Tài khoản người dùng' });
  if (me.permissions.viewAudit) items.push({ key: '/nhat-ky', icon: <AuditOutlined />, label: 'Nhật ký thao tác' });
  items.push({ key: '/ca-nhan', icon: <IdcardOutlined />, label: 'Thông tin cá nhân' });
  return items;
}

export function NavMenu({ me, onNavigate }: { me: Me; onNavigate?: () => void }) {
  const location = useLocation();
  const navigate = useNavigate();
  const section = location.pathname.split('/')[1] ?? '';
  // A draft belongs to the directives section.
  const selected = '/' + (section === 'du-thao' ? 'van-ban' : section);
  return (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      items={navItems(me)}
      style={{ borderInlineEnd: 'none' }}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}
