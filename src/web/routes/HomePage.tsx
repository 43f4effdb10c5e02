import { ClockCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { HomeItemDue } from '../api/types.js';
import { ErrorResult } from '../components/ErrorResult.js';
import { useMe } from '../features/auth/authContext.js';
import { groupItems, useHome } from '../features/home/useHome.js';
import { formatDateTime } from '../lib/time.js';

/** One thing to do: its title as a link, the unit, the deadline in Vietnam time, "Quá hạn" when passed. */
function ItemRow({ item }: { item: HomeItemDue }) {
  return (
    <Flex vertical gap={2} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0', minWidth: 0 }} data-testid="home-item">
      <Flex gap={8} wrap align="baseline">
        {item.overdue && <Tag color="error">Quá hạn</Tag>}
        <Link to={item.link} style={{ overflowWrap: 'anywhere' }}>
          {item.title}
        </Link>
      </Flex>
      {item.detail && <Typography.Text style={{ overflowWrap: 'anywhere' }}>{item.detail}</Typography.Text>}
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {item.unitName}
        {item.deadline && (
          <>
            {' · '}
            <ClockCircleOutlined /> Hạn: {formatDateTime(item.deadline)}
          </>
        )}
      </Typography.Text>
    </Flex>
  );
}

/**
 * Trang chủ (/trang-chu), the landing page after login: what the units of the user's grants must do
 * now — reports due, children late, drafts waiting, directives to acknowledge — grouped under the
 * headings the modules give, overdue first. The page knows no module: each item brings its group,
 * title and link.
 */
export function HomePage() {
  const me = useMe();
  const home = useHome();
  const items = home.data?.items ?? [];
  const overdue = items.filter((i) => i.overdue).length;
  const viewerOnly = me.grants.length > 0 && me.grants.every((g) => g.role === 'viewer');

  return (
    <Flex vertical gap={12}>
      <title>Trang chủ — Lan Tỏa</title>
      <Typography.Title level={1} style={{ margin: 0 }}>
        Việc cần làm
      </Typography.Title>
      <Typography.Text type="secondary">Xin chào {me.fullName}. Đây là những việc các đơn vị bạn phụ trách cần làm, việc quá hạn lên đầu.</Typography.Text>
      {home.isError ? (
        <ErrorResult error={home.error} onRetry={() => void home.refetch()} />
      ) : home.isPending ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Card>
          <Empty
            data-testid="home-empty"
            description={
              viewerOnly
                ? 'Không có việc nào đến hạn với bạn: tài khoản chỉ có quyền xem, việc gửi báo cáo, xác nhận văn bản và ban hành dự thảo do biên tập viên hoặc quản trị của đơn vị thực hiện.'
                : 'Không có việc nào đến hạn: các đơn vị bạn phụ trách chưa có báo cáo phải gửi, văn bản cần xác nhận hay dự thảo đang chờ.'
            }
          />
        </Card>
      ) : (
        <>
          {overdue > 0 && <Alert type="error" showIcon title={`${overdue} việc đã quá hạn`} />}
          {groupItems(items).map((group) => (
            <Card key={group.title} size="small" title={`${group.title} (${group.items.length})`} data-testid="home-group">
              {group.items.map((item) => (
                <ItemRow key={`${item.kind}:${item.unitId}:${item.subject}:${item.link}`} item={item} />
              ))}
            </Card>
          ))}
        </>
      )}
    </Flex>
  );
}
