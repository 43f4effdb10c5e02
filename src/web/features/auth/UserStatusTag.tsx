import { Tag } from 'antd';
import type { User } from '../../api/types.js';
import { formatDateTime } from '../../lib/time.js';

export function isLocked(user: Pick<User, 'lockedUntil'>, now = Date.now()): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > now;
}

export function UserStatusTag({ user }: { user: Pick<User, 'isActive' | 'lockedUntil'> }) {
  if (!user.isActive) return <Tag color="default">Ngừng sử dụng</Tag>;
  if (isLocked(user)) return <Tag color="orange">Tạm khóa đến {formatDateTime(user.lockedUntil)}</Tag>;
  return <Tag color="green">Đang hoạt động</Tag>;
}
