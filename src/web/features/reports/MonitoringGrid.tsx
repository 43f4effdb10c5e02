import { Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { formatDate } from '../../lib/time.js';
import { useIsMobile } from '../../lib/useIsMobile.js';
import { reviewLabels, timelinessColors, timelinessLabels } from './labels.js';
import type { Monitoring, MonitoringCell, MonitoringUnit } from './types.js';

function Cell({ cell }: { cell: MonitoringCell | undefined }) {
  // No cell, or no status: the unit was not expected in that period.
  if (!cell?.status) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={2} align="start">
      <Tag color={timelinessColors[cell.status]}>{timelinessLabels[cell.status]}</Tag>
      {cell.review && cell.review !== 'submitted' && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {reviewLabels[cell.review]}
        </Typography.Text>
      )}
    </Flex>
  );
}

function UnitName({ unit, onDrill }: { unit: MonitoringUnit; onDrill: (u: MonitoringUnit) => void }) {
  return (
    <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => onDrill(unit)} data-testid="monitoring-drill">
      {unit.name} ›
    </Button>
  );
}

/**
 * Đơn vị × kỳ: the viewed unit's direct reporting children, one column per period (on time / late /
 * missing, returned or approved under it); a unit's name opens its own children (drill-down). On a
 * phone each unit is a card listing its periods.
 */
export function MonitoringGrid({ monitoring, onDrill }: { monitoring: Monitoring; onDrill: (u: MonitoringUnit) => void }) {
  const mobile = useIsMobile();
  const periods = monitoring.periods;
  const cellOf = (u: MonitoringUnit, key: string) => u.cells.find((c) => c.key === key);
  if (monitoring.units.length === 0) return <Empty description="Không có đơn vị nào báo cáo lên đơn vị này." />;
  if (mobile)
    return (
      <Flex vertical gap={8} data-testid="monitoring-grid">
        {monitoring.units.map((u) => (
          <Card key={u.id} size="small" title={<UnitName unit={u} onDrill={onDrill} />} data-testid="monitoring-unit">
            {[...periods].reverse().slice(0, 6).map((p) => (
              <Flex key={p.key} justify="space-between" gap={8} style={{ padding: '2px 0' }}>
                <Typography.Text>{`Kỳ chốt ${formatDate(p.closingDate)}`}</Typography.Text>
                <Cell cell={cellOf(u, p.key)} />
              </Flex>
            ))}
          </Card>
        ))}
      </Flex>
    );
  return (
    <div role="region" aria-label="Bảng tình hình báo cáo đơn vị × kỳ" tabIndex={0} style={{ overflowX: 'auto' }} data-testid="monitoring-grid">
      <Table<MonitoringUnit>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={monitoring.units}
        onRow={(u) => ({ 'data-testid': 'monitoring-unit', 'data-unit': u.code }) as object}
        columns={[
          { title: 'Đơn vị', key: 'unit', width: 260, render: (_, u) => <UnitName unit={u} onDrill={onDrill} /> },
          ...periods.map((p) => ({ title: <abbr title={p.label}>{formatDate(p.closingDate)}</abbr>, key: p.key, width: 110, render: (_: unknown, u: MonitoringUnit) => <Cell cell={cellOf(u, p.key)} /> })),
        ]}
      />
    </div>
  );
}
