import { BellOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { Link } from 'react-router';
import { useNotifications } from './useNotifications.js';

/** The bell of the top bar: the unread count, a link to /thong-bao. */
export function NotificationBell() {
  const { data } = useNotifications();
  const unread = data?.unread ?? 0;
  const label = unread > 0 ? `Thông báo: ${unread} chưa đọc` : 'Thông báo';
  return (
    <Link to="/thong-bao" aria-label={label} title={label} data-testid="notification-bell" style={{ display: 'inline-flex', padding: '0 4px', flexShrink: 0 }}>
      <Badge count={unread} size="small" overflowCount={99}>
        <BellOutlined style={{ color: '#fff', fontSize: 20 }} />
      </Badge>
    </Link>
  );
}
