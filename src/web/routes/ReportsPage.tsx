import { ClockCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorResult } from '../components/ErrorResult.js';
import { useMe } from '../features/auth/authContext.js';
import { useHome } from '../features/home/useHome.js';
import { useRegimes } from '../features/reports/api.js';
import { frequencyLabel, regimeTypeLabels } from '../features/reports/labels.js';
import { formatDateTime } from '../lib/time.js';

/** Báo cáo cần gửi: the reports module's items of the home list (periods of the user's units not yet submitted). */
function DueCard() {
  const home = useHome();
  const items = (home.data?.items ?? []).filter((i) => i.module === 'reports');
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Báo cáo cần gửi</h2>} data-testid="reports-due">
      {home.isPending && <Skeleton active />}
      {home.isError && <ErrorResult error={home.error} onRetry={() => void home.refetch()} title="Chưa tải được báo cáo cần gửi" />}
      {home.data && items.length === 0 && <Empty description="Không có báo cáo nào cần gửi." />}
      {items.length > 0 && (
        <List
          dataSource={items}
          renderItem={(item) => (
            <List.Item data-testid="report-due">
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex gap={8} wrap align="baseline">
                  {item.overdue && <Tag color="error">Quá hạn</Tag>}
                  <Link to={item.link} style={{ overflowWrap: 'anywhere' }}>{item.title}</Link>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {item.unitName}
                  {item.deadline && <> · <ClockCircleOutlined /> Hạn: {formatDateTime(item.deadline)}</>}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** Báo cáo (/bao-cao): the report regimes the user sees and the reports its units must send. */
export function ReportsPage() {
  const me = useMe();
  const regimes = useRegimes();
  const canDefine = me.permissions.isSystemAdmin || me.grants.some((g) => g.role !== 'viewer');
  return (
    <Flex vertical gap={12}>
      <title>Báo cáo — Lan Tỏa</title>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ margin: 0 }}>Báo cáo</Typography.Title>
        {canDefine && (
          <Link to="/bao-cao/che-do/moi" data-testid="regime-new">
            <Button type="primary" icon={<PlusOutlined />} tabIndex={-1}>Tạo chế độ báo cáo</Button>
          </Link>
        )}
      </Flex>
      <DueCard />
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Chế độ báo cáo</h2>} data-testid="regimes">
        {regimes.isError && <ErrorResult error={regimes.error} onRetry={() => void regimes.refetch()} title="Chưa tải được chế độ báo cáo" />}
        <List
          loading={regimes.isPending}
          dataSource={regimes.data ?? []}
          locale={{ emptyText: <Empty description="Chưa có chế độ báo cáo nào." /> }}
          renderItem={(r) => (
            <List.Item data-testid="regime-row">
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex gap={8} wrap align="baseline">
                  <Link to={`/bao-cao/che-do/${r.id}`} style={{ overflowWrap: 'anywhere' }}>{r.name}</Link>
                  <Tag>{regimeTypeLabels[r.type]}</Tag>
                  {r.archived && <Tag color="default">Đã lưu trữ</Tag>}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>{`${r.code} · ${r.issuer.name} · ${frequencyLabel(r.frequency)}`}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}
