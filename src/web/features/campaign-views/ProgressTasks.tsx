import { Card, Flex, Progress, Typography } from 'antd';
import type { CampaignProgress } from '../../api/types.js';
import { campaignProgressLabels as L } from './labels.js';

const quantityText = (q: Record<string, number>, kinds: ReadonlyMap<string, string>) =>
  Object.entries(q)
    .map(([k, v]) => `${kinds.get(k) ?? k}: ${v.toLocaleString('vi-VN')}`)
    .join(' · ');

/**
 * Each task of the plan over the subtree: how many units it was given to and where they stand, how
 * many units (through the implementing plans below) have acted, the quantities added up, and the
 * units that have done nothing yet.
 */
export function ProgressTasks({ progress, kinds }: { progress: CampaignProgress; kinds: ReadonlyMap<string, string> }) {
  return (
    <Flex vertical gap={8} data-testid="progress-tasks">
      {progress.tasks
        .filter((t) => t.assigned > 0)
        .map((t) => (
          <Card key={t.assignmentId} size="small" data-testid="progress-task">
            <Typography.Text strong>{t.code}</Typography.Text>
            <Typography.Paragraph style={{ margin: '4px 0', overflowWrap: 'anywhere' }} ellipsis={{ rows: 3, expandable: true, symbol: 'xem thêm' }}>
              {t.text}
            </Typography.Paragraph>
            <Progress percent={t.assigned ? Math.round((t.done / t.assigned) * 100) : 0} size="small" aria-label={`${L.done}: ${t.done}/${t.assigned}`} />
            <Typography.Text style={{ display: 'block' }}>
              {L.assigned}: {t.assigned} · {L.done}: {t.done} · {L.inProgress}: {t.inProgress} · {L.overdue}: {t.overdue} · {L.notStarted}: {t.notStarted}
            </Typography.Text>
            <Typography.Text style={{ display: 'block' }} data-testid="progress-task-acted">
              {L.unitsActed}: {t.unitsActed}/{t.units}
            </Typography.Text>
            {Object.keys(t.quantities).length > 0 && (
              <Typography.Text style={{ display: 'block', overflowWrap: 'anywhere' }} data-testid="progress-task-quantities">
                {quantityText(t.quantities, kinds)}
              </Typography.Text>
            )}
            {t.idleCount > 0 && (
              <Typography.Text type="secondary" style={{ display: 'block', overflowWrap: 'anywhere' }}>
                Chưa thực hiện ({t.idleCount}): {t.idleUnits.map((u) => u.name).join(', ')}
                {t.idleCount > t.idleUnits.length ? ', …' : ''}
              </Typography.Text>
            )}
          </Card>
        ))}
    </Flex>
  );
}
