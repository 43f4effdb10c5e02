import { Breadcrumb, Button, Card, Flex, Skeleton, Statistic, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { ErrorResult } from '../../components/ErrorResult.js';
import { lazyPage } from '../../manifests/lazyPage.js';
import { useMonitoring } from './api.js';
import { percent, timelinessLabels } from './labels.js';
import { MonitoringGrid } from './MonitoringGrid.js';
import type { ReportForm, UnitRef } from './types.js';

/** ECharts is half of a chart page's weight: loaded only when the charts are shown. */
const RegimeCharts = lazyPage(() => import('./RegimeCharts.js'), 'RegimeCharts');

function UpButton({ onClick, children }: { onClick: () => void; children: string }) {
  return (
    <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={onClick}>
      {children}
    </Button>
  );
}

/**
 * Theo dõi: the latest period's counts and rates for the viewed unit, the units × periods grid of its
 * direct reporting children with drill-down, and the charts over periods.
 */
export function MonitoringCard({ regimeId, root, form }: { regimeId: number; root: UnitRef; form: ReportForm }) {
  const [path, setPath] = useState<UnitRef[]>([]);
  const viewed = path.at(-1) ?? root;
  const monitoring = useMonitoring(regimeId, viewed.id);
  const latest = monitoring.data?.periods.at(-1);
  return (
    <Flex vertical gap={12}>
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16, whiteSpace: 'normal' }}>Tình hình báo cáo — {viewed.name}</h2>} data-testid="monitoring">
        {path.length > 0 && (
          <Breadcrumb
            style={{ marginBottom: 8 }}
            items={[{ title: <UpButton onClick={() => setPath([])}>{root.name}</UpButton> }, ...path.map((u, i) => ({ title: i === path.length - 1 ? u.name : <UpButton onClick={() => setPath(path.slice(0, i + 1))}>{u.name}</UpButton> }))]}
          />
        )}
        {monitoring.isPending && <Skeleton active />}
        {monitoring.isError && <ErrorResult error={monitoring.error} onRetry={() => void monitoring.refetch()} title="Chưa tải được tình hình báo cáo" />}
        {monitoring.data && (
          <Flex vertical gap={12}>
            {latest && (
              <Flex wrap gap={24} data-testid="monitoring-kpis">
                <Typography.Text strong style={{ width: '100%' }}>{latest.label}</Typography.Text>
                <Statistic title="Phải báo cáo" value={latest.expected} />
                <Statistic title="Đúng hạn" value={latest.onTime} />
                <Statistic title={timelinessLabels.late} value={latest.late} />
                <Statistic title="Chưa báo cáo" value={latest.missing} />
                <Statistic title="Tỷ lệ báo cáo" value={percent(latest.reportingRate)} data-testid="reporting-rate" />
                <Statistic title="Tỷ lệ đúng hạn" value={percent(latest.timelinessRate)} />
              </Flex>
            )}
            <MonitoringGrid monitoring={monitoring.data} onDrill={(u) => setPath([...path, { id: u.id, code: u.code, name: u.name }])} />
          </Flex>
        )}
      </Card>
      {monitoring.data && monitoring.data.periods.length > 0 && (
        <Suspense fallback={<Skeleton active />}>
          <RegimeCharts periods={monitoring.data.periods} form={form} />
        </Suspense>
      )}
    </Flex>
  );
}
