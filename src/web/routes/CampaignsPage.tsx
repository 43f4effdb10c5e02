import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Progress, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, data } from '../api/client.js';
import { ErrorResult } from '../components/ErrorResult.js';
import { useMe } from '../features/auth/authContext.js';
import { editsSomewhere } from '../features/auth/roleChecks.js';
import type { CampaignListItem } from '../features/campaigns/campaignTypes.js';
import { campaignKeys } from '../features/campaigns/useCampaignEditing.js';
import { countsText } from '../features/campaigns/counts.js';
import { formatDateTime } from '../lib/time.js';

function CampaignRow({ c }: { c: CampaignListItem }) {
  return (
    <Flex vertical gap={4} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="campaign-row">
      <Flex gap={8} wrap align="baseline">
        <Tag>{c.code}</Tag>
        <Link to={`/ke-hoach/${c.id}`} style={{ overflowWrap: 'anywhere', fontWeight: 500 }}>
          {c.title}
        </Link>
        {c.parentCampaignId !== null && <Tag color="purple">Kế hoạch thực hiện</Tag>}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {c.ownerUnit.name} · lập lúc {formatDateTime(c.createdAt)}
        {c.sourceReference ? ` · ${c.sourceReference}` : ''}
      </Typography.Text>
      <Flex gap={12} wrap align="center">
        <Progress percent={c.tasks ? Math.round((100 * c.done) / c.tasks) : 0} size="small" style={{ width: 160, margin: 0 }} aria-label={`Tỷ lệ hoàn thành của ${c.code}`} />
        <Typography.Text style={{ fontSize: 13 }} data-testid="campaign-counts">
          {countsText(c)}
        </Typography.Text>
        {c.overdue > 0 && <Tag color="error">{c.overdue} quá hạn</Tag>}
      </Flex>
    </Flex>
  );
}

/** Kế hoạch (/ke-hoach): the plans the user's units own, received, or that sit below them, with their tasks counted. */
export function CampaignsPage() {
  const me = useMe();
  const list = useQuery({ queryKey: [...campaignKeys.all, 'list'] as const, queryFn: () => data(api.GET('/api/v1/campaigns')) });
  return (
    <Flex vertical gap={12}>
      <title>Kế hoạch tuyên truyền — Lan Tỏa</title>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          Kế hoạch tuyên truyền
        </Typography.Title>
        {editsSomewhere(me) && (
          <Link to="/ke-hoach/moi">
            <Button type="primary" icon={<PlusOutlined />} data-testid="campaign-new">
              Lập kế hoạch từ văn bản
            </Button>
          </Link>
        )}
      </Flex>
      <Typography.Text type="secondary">Kế hoạch do đơn vị của bạn lập, kế hoạch đơn vị được giao nhiệm vụ, và kế hoạch của các đơn vị cấp dưới.</Typography.Text>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Skeleton active />
      ) : (
        <Card size="small">
          {list.data.length === 0 ? <Empty description="Chưa có kế hoạch nào." /> : list.data.map((c) => <CampaignRow key={c.id} c={c} />)}
        </Card>
      )}
    </Flex>
  );
}
