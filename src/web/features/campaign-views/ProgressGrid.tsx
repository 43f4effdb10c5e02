import { Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { CampaignProgress, CampaignTaskStatus } from '../../api/types.js';
import { useIsMobile } from '../../lib/useIsMobile.js';
import { statusColor, statusLabel } from './labels.js';

type Cell = CampaignProgress['grid'][number]['tasks'][number];
type GridUnit = CampaignProgress['units'][number];

function StatusCell({ cell }: { cell: Cell | undefined }) {
  if (!cell || cell.total === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const tag = <Tag color={statusColor[cell.status as NonNullable<CampaignTaskStatus>] ?? 'default'}>{statusLabel(cell.status)}</Tag>;
  return (
    <Flex vertical gap={2} align="start">
      {cell.taskId !== null ? <Link to={`/nhiem-vu/${cell.taskId}`}>{tag}</Link> : tag}
      {cell.total > 1 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {cell.done}/{cell.total} xong
        </Typography.Text>
      )}
    </Flex>
  );
}

function UnitName({ unit, onDrill }: { unit: GridUnit; onDrill: (unit: GridUnit) => void }) {
  if (!unit.drillable) return <span style={{ overflowWrap: 'anywhere' }}>{unit.name}</span>;
  return (
    <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => onDrill(unit)} data-testid="grid-drill">
      {unit.name} ›
    </Button>
  );
}

/**
 * Đơn vị × nhiệm vụ: the unit viewed (its own tasks) and each child whose subtree holds tasks, one
 * column per task of the plan; a child's cell sums its subtree. Clicking a child opens its own
 * children (drill-down). On a phone each unit is a card listing its tasks.
 */
export function ProgressGrid({ progress, onDrill }: { progress: CampaignProgress; onDrill: (unit: GridUnit) => void }) {
  const mobile = useIsMobile();
  const cells = new Map(progress.grid.map((g) => [g.unitId, new Map(g.tasks.map((t) => [t.assignmentId, t]))]));
  if (progress.units.length === 0) return <Empty description="Không có nhiệm vụ nào giao cho đơn vị này hoặc đơn vị trực thuộc." />;
  if (mobile) {
    return (
      <Flex vertical gap={8} data-testid="progress-grid">
        {progress.units.map((u) => (
          <Card key={u.id} size="small" title={<UnitName unit={u} onDrill={onDrill} />} data-testid="grid-unit">
            {progress.tasks.map((t) => {
              const cell = cells.get(u.id)?.get(t.assignmentId);
              if (!cell || cell.total === 0) return null;
              return (
                <Flex key={t.assignmentId} justify="space-between" gap={8} style={{ padding: '4px 0' }}>
                  <Typography.Text style={{ overflowWrap: 'anywhere', minWidth: 0 }}>{t.code}</Typography.Text>
                  <StatusCell cell={cell} />
                </Flex>
              );
            })}
          </Card>
        ))}
      </Flex>
    );
  }
  return (
    <div role="region" aria-label="Bảng tiến độ đơn vị × nhiệm vụ" tabIndex={0} style={{ overflowX: 'auto' }} data-testid="progress-grid">
    <Table<GridUnit>
      size="small"
      rowKey="id"
      pagination={false}
      tableLayout="auto"
      dataSource={progress.units}
      columns={[
        { title: 'Đơn vị', key: 'unit', width: 240, render: (_, u) => <UnitName unit={u} onDrill={onDrill} /> },
        ...progress.tasks.map((t) => ({
          title: <abbr title={t.text}>{t.code}</abbr>,
          key: String(t.assignmentId),
          width: 130,
          render: (_: unknown, u: GridUnit) => <StatusCell cell={cells.get(u.id)?.get(t.assignmentId)} />,
        })),
      ]}
    />
    </div>
  );
}
