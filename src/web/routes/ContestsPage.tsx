import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorResult } from '../components/ErrorResult.js';
import { useMe } from '../features/auth/authContext.js';
import { useContests } from '../features/contests/api.js';
import type { RoundState } from '../features/contests/types.js';
import { audienceLabels, roundStateColors, roundStateLabels } from '../i18n/contests.js';
import { formatDateTime } from '../lib/time.js';
import { ScrollRegion } from '../features/contests/ScrollRegion.js';

interface Row {
  id: number;
  code: string;
  title: string;
  organiser: { name: string };
  audience: keyof typeof audienceLabels;
  rounds: { number: number; opensAt: string; closesAt: string; state: RoundState }[];
}

/** Cuộc thi (/cuoc-thi): the contests of the units the user sees, with their rounds' states. */
export function ContestsPage() {
  const me = useMe();
  const contests = useContests();
  const canDefine = me.permissions.isSystemAdmin || me.grants.some((g) => g.role !== 'viewer');
  return (
    <Flex vertical gap={12}>
      <title>Cuộc thi — Lan Tỏa</title>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          Cuộc thi trắc nghiệm
        </Typography.Title>
        {canDefine && (
          <Link to="/cuoc-thi/moi" data-testid="contest-new">
            <Button type="primary" icon={<PlusOutlined />} tabIndex={-1}>
              Tạo cuộc thi
            </Button>
          </Link>
        )}
      </Flex>
      <Card size="small">
        {contests.isError && <ErrorResult error={contests.error} onRetry={() => void contests.refetch()} title="Chưa tải được danh sách cuộc thi" />}
        <ScrollRegion label="Danh sách cuộc thi" minWidth={720}>
          <Table<Row>
            rowKey="id"
            size="small"
            loading={contests.isPending}
            dataSource={(contests.data ?? []) as Row[]}
            pagination={false}
            locale={{ emptyText: 'Chưa có cuộc thi nào.' }}
            columns={[
              { title: 'Mã', dataIndex: 'code', width: 140 },
              { title: 'Cuộc thi', dataIndex: 'title', render: (title: string, r) => <Link to={`/cuoc-thi/${r.id}`} data-testid="contest-row">{title}</Link> },
              { title: 'Đơn vị tổ chức', render: (_, r) => r.organiser.name },
              { title: 'Đối tượng', render: (_, r) => audienceLabels[r.audience] },
              {
                title: 'Các vòng',
                render: (_, r) => (
                  <Space size={4} wrap>
                    {r.rounds.map((round) => (
                      <Tag key={round.number} color={roundStateColors[round.state]} title={`${formatDateTime(round.opensAt)} – ${formatDateTime(round.closesAt)}`}>
                        {`Vòng ${round.number}: ${roundStateLabels[round.state]}`}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        </ScrollRegion>
      </Card>
    </Flex>
  );
}
