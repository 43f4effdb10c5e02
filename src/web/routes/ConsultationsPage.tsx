import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { ConsultationSummary } from '../api/types.js';
import { ErrorResult } from '../components/ErrorResult.js';
import { useMe } from '../features/auth/authContext.js';
import { useConsultations } from '../features/consultation-report/useWeeklyReport.js';
import { manageText as t, statusColors, statusLabels } from '../i18n/consultation-manage.js';
import { formatDateTime } from '../lib/time.js';

function statusOf(c: ConsultationSummary, now = Date.now()): keyof typeof statusLabels {
  if (now < new Date(c.opensAt).getTime()) return 'upcoming';
  if (c.closesAt && now >= new Date(c.closesAt).getTime()) return 'closed';
  return 'open';
}

/** `/dot-lay-y-kien`: the consultations the user's units opened or take part in; editors open new ones. */
export function ConsultationsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const consultations = useConsultations();
  const canOpen = me.grants.some((g) => g.role !== 'viewer');
  return (
    <Flex vertical gap={12}>
      <title>{`${t.listTitle} — Lan Tỏa`}</title>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={1} style={{ margin: 0 }}>
            {t.listTitle}
          </Typography.Title>
          <Typography.Text type="secondary">{t.listIntro}</Typography.Text>
        </div>
        {canOpen ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/dot-lay-y-kien/moi')} data-testid="consultation-new">
            {t.newButton}
          </Button>
        ) : null}
      </Flex>
      {consultations.isError ? (
        <ErrorResult error={consultations.error} onRetry={() => void consultations.refetch()} />
      ) : consultations.isPending ? (
        <Skeleton active />
      ) : consultations.data.length === 0 ? (
        <Empty description={t.empty} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <List
            data-testid="consultation-list"
            dataSource={consultations.data}
            renderItem={(c) => {
              const status = statusOf(c);
              return (
                <List.Item style={{ paddingInline: 16 }}>
                  <Flex vertical gap={2} style={{ minWidth: 0 }}>
                    <Link to={`/dot-lay-y-kien/${encodeURIComponent(c.code)}`} style={{ fontWeight: 600 }}>
                      {c.title}
                    </Link>
                    <Typography.Text type="secondary">
                      {t.columnOwner}: {c.owner ?? t.systemWide} · {formatDateTime(c.opensAt)} – {c.closesAt ? formatDateTime(c.closesAt) : t.openEnded}
                    </Typography.Text>
                    <Typography.Text type="secondary">{c.documents.map((d) => d.title).join('; ')}</Typography.Text>
                  </Flex>
                  <Tag color={statusColors[status]}>{statusLabels[status]}</Tag>
                </List.Item>
              );
            }}
          />
        </Card>
      )}
    </Flex>
  );
}
