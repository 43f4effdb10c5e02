import { BellOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { AppNotification } from '../api/types.js';
import { ErrorResult } from '../components/ErrorResult.js';
import { useMarkAllRead, useMarkRead, useNotifications } from '../features/notifications/useNotifications.js';
import { formatDateTime } from '../lib/time.js';
import { useNotifyError } from '../lib/useNotifyError.js';

/** One notification: unread ones stand out; opening it marks it read and goes to its page. */
function NotificationRow({ item, onOpen }: { item: AppNotification; onOpen: (item: AppNotification) => void }) {
  const unread = item.readAt === null;
  return (
    <Flex vertical gap={4} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0', minWidth: 0 }} data-testid="notification">
      <Flex gap={8} wrap align="baseline">
        {unread && <Tag color="processing">Mới</Tag>}
        <Typography.Link strong={unread} onClick={() => onOpen(item)} style={{ overflowWrap: 'anywhere' }}>
          {item.title}
        </Typography.Link>
      </Flex>
      <Typography.Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{item.body}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {formatDateTime(item.createdAt)}
      </Typography.Text>
    </Flex>
  );
}

/** Thông báo (/thong-bao): one's notifications, newest first; all or only the unread; "Đánh dấu tất cả đã đọc". */
export function NotificationsPage() {
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const list = useNotifications({ unreadOnly: filter === 'unread' });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const open = (item: AppNotification) => {
    if (item.readAt === null) markRead.mutate(item.id, { onError: notifyError });
    if (item.link) void navigate(item.link);
  };
  const items = list.data?.items ?? [];

  return (
    <Flex vertical gap={12}>
      <title>Thông báo — Lan Tỏa</title>
      <Typography.Title level={1} style={{ margin: 0 }}>
        <BellOutlined /> Thông báo
      </Typography.Title>
      <Flex gap={8} wrap justify="space-between" align="center">
        <Segmented
          value={filter}
          onChange={(v) => setFilter(v as 'all' | 'unread')}
          options={[
            { value: 'all', label: 'Tất cả' },
            { value: 'unread', label: `Chưa đọc (${list.data?.unread ?? 0})` },
          ]}
        />
        <Button onClick={() => markAll.mutate(undefined, { onError: notifyError })} disabled={(list.data?.unread ?? 0) === 0} loading={markAll.isPending} data-testid="read-all">
          Đánh dấu tất cả đã đọc
        </Button>
      </Flex>
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : list.isPending ? (
          <Skeleton active />
        ) : items.length === 0 ? (
          <Empty description={filter === 'unread' ? 'Không có thông báo chưa đọc.' : 'Chưa có thông báo nào. Lan Tỏa sẽ báo ở đây khi sắp đến hạn gửi báo cáo, khi báo cáo bị trả lại hoặc khi đơn vị cấp dưới chưa gửi báo cáo.'} />
        ) : (
          items.map((item) => <NotificationRow key={item.id} item={item} onOpen={open} />)
        )}
      </Card>
    </Flex>
  );
}
