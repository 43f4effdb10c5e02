import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorResult } from '../components/ErrorResult.js';
import { statusColor, statusLabel } from '../features/campaign-views/labels.js';
import { useTodo } from '../features/campaign-views/useCampaignViews.js';
import { formatDateTime } from '../lib/time.js';

/**
 * Việc cần làm (/viec-can-lam): the tasks of the user's units not done yet that fall due within
 * 14 days, and those overdue, latest deadline first; each opens the task's page.
 */
export function TodoPage() {
  const todo = useTodo();
  return (
    <Flex vertical gap={12}>
      <title>Việc cần làm — Lan Tỏa</title>
      <Typography.Title level={1} style={{ margin: 0 }}>
        Việc cần làm
      </Typography.Title>
      <Typography.Text type="secondary">Nhiệm vụ kế hoạch tuyên truyền của các đơn vị bạn phụ trách: sắp đến hạn (trong 14 ngày) và quá hạn.</Typography.Text>
      {todo.isError ? (
        <ErrorResult error={todo.error} onRetry={() => void todo.refetch()} />
      ) : todo.isPending ? (
        <Skeleton active />
      ) : todo.data.length === 0 ? (
        <Card>
          <Empty description="Không có nhiệm vụ nào sắp đến hạn hoặc quá hạn." />
        </Card>
      ) : (
        <Flex vertical gap={8} data-testid="todo-list">
          {todo.data.map((t) => (
            <Card key={t.taskId} size="small" data-testid="todo-item">
              <Flex vertical gap={4}>
                <Flex gap={8} wrap align="baseline">
                  <Tag color={statusColor[t.status]}>{statusLabel(t.status)}</Tag>
                  <Link to={`/nhiem-vu/${t.taskId}`} style={{ overflowWrap: 'anywhere' }}>
                    {t.campaignCode}-{t.assignmentPosition}: {t.text}
                  </Link>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 13, overflowWrap: 'anywhere' }}>
                  {t.unitName} · <Link to={`/ke-hoach/${t.campaignId}`} style={{ textDecoration: 'underline' }}>
                    {t.campaignTitle}
                  </Link> · <ClockCircleOutlined /> Hạn: {formatDateTime(t.dueAt)}
                </Typography.Text>
              </Flex>
            </Card>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
