import { Menu, type MenuProps } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router';
import type { Me } from '../api/types.js';
import { navEntries, navKeyOf } from '../manifests/index.js';

type Item = Required<MenuProps>['items'][number];

/**
 * The menu items the user may use, from every module's navigation entries (src/web/manifests). Each
 * is a link (`<a href>`): it can be opened in a new tab, and assistive technology announces a link.
 */
export function navItems(me: Me): Item[] {
  return navEntries(me).map((e) => ({ key: e.path, icon: e.icon, label: <Link to={e.path}>{e.label}</Link> }));
}

export function NavMenu({ me, onNavigate }: { me: Me; onNavigate?: () => void }) {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <nav aria-label="Trình đơn chính">
      <Menu
        mode="inline"
        selectedKeys={[navKeyOf(location.pathname)]}
        items={navItems(me)}
        style={{ borderInlineEnd: 'none' }}
        onClick={({ key, domEvent }) => {
          // A click on the link follows it; Enter on the item (keyboard) navigates here.
          if (!(domEvent.target instanceof Element && domEvent.target.closest('a'))) navigate(key);
          onNavigate?.();
        }}
      />
    </nav>
  );
}
