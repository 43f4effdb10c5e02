import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import type { Me } from '../api/types.js';
import { navEntries, navKeyOf } from '../manifests/index.js';

type Item = Required<MenuProps>['items'][number];

/** The menu items the user may use, from every module's navigation entries (src/web/manifests). */
export function navItems(me: Me): Item[] {
  return navEntries(me).map((e) => ({ key: e.path, icon: e.icon, label: e.label }));
}

export function NavMenu({ me, onNavigate }: { me: Me; onNavigate?: () => void }) {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <Menu
      mode="inline"
      selectedKeys={[navKeyOf(location.pathname)]}
      items={navItems(me)}
      style={{ borderInlineEnd: 'none' }}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}
