import { CheckOutlined, ClockCircleOutlined, ForkOutlined, UndoOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Col, Descriptions, Flex, Input, Popconfirm, Row, Skeleton, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { campaignTaskStatusLabels } from '../../shared/campaign-labels.js';
import { ErrorResult } from '../components/ErrorResult.js';
import { ActivityForm } from '../features/campaigns/ActivityForm.js';
import { ActivityList } from '../features/campaigns/ActivityList.js';
import type { CampaignTaskDetail } from '../features/campaigns/campaignTypes.js';
import type { CampaignTaskStatus } from '../../shared/campaign-labels.js';
import { quantityText } from '../features/campaigns/ActivityList.js';
import { useQuantityKinds } from '../features/campaigns/useCampaignEditing.js';
import { useTask, useTaskDone } from '../features/campaigns/useTask.js';
import { formatDateTime } from '../lib/time.js';

const statusColors: Record<CampaignTaskStatus, string> = { done: 'success', overdue: 'error', in_progress: 'processing', not_started: 'default' };

/** Mark done with a note, or reopen a done task: for the editors of the task's unit. */
function DoneCard({ task }: { task: CampaignTaskDetail }) {
  const { done, reopen } = useTaskDone(task.id);
  const [note, setNote] = useState('');
  if (task.doneAt) {
    return (
      <Card size="small" title="Hoàn thành" data-testid="task-done">
        <Flex vertical gap={8}>
          <Typography.Text type="success">
            <CheckOutlined /> Đã hoàn thành lúc {formatDateTime(task.doneAt)}
          </Typography.Text>
          {task.doneNote && <Typography.Paragraph style={{ marginBottom: 0 }}>{task.doneNote}</Typography.Paragraph>}
          <Popconfirm title="Mở lại nhiệm vụ này?" okText="Mở lại" cancelText="Hủy" onConfirm={() => reopen.mutate()}>
            <Button icon={<UndoOutlined />} loading={reopen.isPending} style={{ alignSelf: 'flex-start' }} data-testid="task-reopen">
              Mở lại
            </Button>
          </Popconfirm>
        </Flex>
      </Card>
    );
  }
  return (
    <Card size="small" title="Đánh dấu hoàn thành">
      <Flex vertical gap={8}>
        <Input.TextArea aria-label="Ghi chú khi hoàn thành" value={note} onChange={(e) => setNote(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} placeholder="Kết quả chính, lý do (nếu có)…" data-testid="task-done-note" />
        <Button type="primary" icon={<CheckOutlined />} loading={done.isPending} onClick={() => done.mutate(note.trim())} style={{ alignSelf: 'flex-start' }} data-testid="task-mark-done">
          Đánh dấu hoàn thành
        </Button>
      </Flex>
    </Card>
  );
}

function TaskHeader({ task, kindLabels }: { task: CampaignTaskDetail; kindLabels: ReadonlyMap<string, string> }) {
  return (
    <Card size="small">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'plan', label: 'Kế hoạch', children: <Link to={`/ke-hoach/${task.campaignId}`}>{`${task.campaignCode} — ${task.campaignTitle}`}</Link> },
          { key: 'unit', label: 'Đơn vị thực hiện', children: task.unitName },
          { key: 'text', label: 'Nội dung được giao', children: <span style={{ whiteSpace: 'pre-wrap' }}>{task.text}</span> },
          ...(task.expectedOutputs.length > 0
            ? [{ key: 'outputs', label: 'Kết quả dự kiến', children: quantityText(Object.fromEntries(task.expectedOutputs.map((o) => [o.kind, o.quantity])), kindLabels) }]
            : []),
          ...(task.parentTask
            ? [{ key: 'parent', label: 'Thực hiện nhiệm vụ', children: <Link to={`/nhiem-vu/${task.parentTask.id}`}>{`${task.parentTask.campaignTitle} — ${task.parentTask.unitName}`}</Link> }]
            : []),
          {
            key: 'due',
            label: 'Hạn',
            children: (
              <Flex gap={8} wrap align="center">
                <span>
                  <ClockCircleOutlined /> {task.dueAt ? formatDateTime(task.dueAt) : 'Không có hạn'}
                </span>
                <Tag color={statusColors[task.status]} data-testid="task-status">
                  {campaignTaskStatusLabels[task.status]}
                </Tag>
              </Flex>
            ),
          },
        ]}
      />
      {task.canRecord && (
        <Link to={`/ke-hoach/moi?tu=${task.campaignId}&donVi=${task.unitId}`}>
          <Button icon={<ForkOutlined />} style={{ marginTop: 8 }} data-testid="task-implementing-plan">
            Xây dựng kế hoạch thực hiện
          </Button>
        </Link>
      )}
    </Card>
  );
}

/** The implementing plans below: how many units acted, what they did added up, who has done nothing yet. */
function Rollup({ task, kindLabels }: { task: CampaignTaskDetail; kindLabels: ReadonlyMap<string, string> }) {
  const r = task.rollup;
  if (task.below.length === 0) return null;
  return (
    <Card size="small" title="Các đơn vị cấp dưới thực hiện" data-testid="task-rollup">
      <Flex vertical gap={6}>
        <Typography.Text>
          {r.unitsActed}/{r.units} đơn vị đã thực hiện · {r.activities} hoạt động
        </Typography.Text>
        {Object.keys(r.quantities).length > 0 && <Typography.Text>{quantityText(r.quantities, kindLabels)}</Typography.Text>}
        {r.idleUnits.length > 0 && <Typography.Text type="warning">Chưa thực hiện: {r.idleUnits.map((u) => u.name).join(', ')}</Typography.Text>}
      </Flex>
    </Card>
  );
}

/** Nhiệm vụ (/nhiem-vu/:id): what is asked, by when, what the unit did; its editors record and close it, others read. */
export function CampaignTaskPage() {
  const id = Number(useParams().id);
  const task = useTask(id);
  const kinds = useQuantityKinds();
  const kindLabels = useMemo(() => new Map((kinds.data ?? []).map((k) => [k.value, k.label])), [kinds.data]);
  if (task.isError) return <ErrorResult page error={task.error} onRetry={() => void task.refetch()} />;
  if (!task.data) return <Skeleton active />;
  const t = task.data;
  const canEdit = t.canRecord;
  return (
    <Flex vertical gap={12}>
      <title>{`Nhiệm vụ — ${t.unitName} — Lan Tỏa`}</title>
      <Breadcrumb items={[{ title: <Link to="/ke-hoach">Kế hoạch</Link> }, { title: <Link to={`/ke-hoach/${t.campaignId}`}>{t.campaignCode}</Link> }, { title: 'Nhiệm vụ' }]} />
      <Typography.Title level={1} style={{ margin: 0 }}>
        Nhiệm vụ của {t.unitName}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={canEdit ? 12 : 24}>
          <Flex vertical gap={12}>
            <TaskHeader task={t} kindLabels={kindLabels} />
            <Rollup task={t} kindLabels={kindLabels} />
            <ActivityList taskId={t.id} activities={t.activities} themes={t.themes} kindLabels={kindLabels} canEdit={canEdit} />
          </Flex>
        </Col>
        {canEdit && (
          <Col xs={24} lg={12}>
            <Flex vertical gap={12}>
              <DoneCard task={t} />
              <ActivityForm taskId={t.id} themes={t.themes} />
            </Flex>
          </Col>
        )}
      </Row>
    </Flex>
  );
}
