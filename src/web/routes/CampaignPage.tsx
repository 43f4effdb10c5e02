import { FileExcelOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { downloadUrl } from '../api/client.js';
import { ErrorResult } from '../components/ErrorResult.js';
import { ActivityWeeksChart } from '../features/campaign-views/ActivityWeeksChart.js';
import { CampaignMatrixCard } from '../features/campaign-views/CampaignMatrixCard.js';
import { CampaignTimeline } from '../features/campaign-views/CampaignTimeline.js';
import { ProgressGrid } from '../features/campaign-views/ProgressGrid.js';
import { ProgressTasks } from '../features/campaign-views/ProgressTasks.js';
import { useActivityWeeks, useCampaign, useCampaignMatrix, useCampaignProgress } from '../features/campaign-views/useCampaignViews.js';

const parseId = (raw: string | undefined): number | null => {
  const n = Number(raw);
  return raw && Number.isInteger(n) && n > 0 ? n : null;
};

/** A step back up the drill-down path (a button: it changes the view, not the address). */
function UpButton({ onClick, children }: { onClick: () => void; children: string }) {
  return (
    <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={onClick} data-testid="grid-up">
      {children}
    </Button>
  );
}

/**
 * Kế hoạch (/ke-hoach/:id): the plan's time line (phases and milestones, today marked), its tasks'
 * progress over the user's subtree rolled up through the implementing plans, the unit × task grid
 * with drill-down, the theme × channel matrix, activities per week, the XLSX/DOCX downloads and
 * "Xây dựng kế hoạch thực hiện".
 */
export function CampaignPage() {
  const id = parseId(useParams().id);
  const [path, setPath] = useState<{ id: number; name: string }[]>([]);
  const unitId = path.at(-1)?.id ?? null;
  const campaign = useCampaign(id);
  const progress = useCampaignProgress(id, unitId);
  const matrix = useCampaignMatrix(id, unitId);
  const weeks = useActivityWeeks(id, unitId);
  const kinds = useMemo(() => new Map((progress.data?.quantityKinds ?? []).map((k) => [k.code, k.label])), [progress.data]);
  const title = campaign.data?.title ?? 'Kế hoạch';

  if (id === null) return <ErrorResult page error={null} title="Địa chỉ kế hoạch không hợp lệ" />;
  if (campaign.isError) return <ErrorResult page error={campaign.error} onRetry={() => void campaign.refetch()} title="Chưa tải được kế hoạch" />;
  const viewed = progress.data?.unit;
  return (
    <Flex vertical gap={12}>
      <title>{`${title} — Lan Tỏa`}</title>
      <Breadcrumb items={[{ title: <Link to="/ke-hoach">Kế hoạch</Link> }, { title: campaign.data?.code ?? '…' }]} />
      <Typography.Title level={1} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="campaign-title">
        {title}
      </Typography.Title>
      {campaign.isPending ? (
        <Skeleton active />
      ) : (
        <>
          <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
            {campaign.data.code} · {campaign.data.ownerUnit.name}
            {campaign.data.sourceReference ? ` · Thực hiện ${campaign.data.sourceReference}` : ''}
          </Typography.Text>
          <Flex wrap gap={8}>
            <Button icon={<FileExcelOutlined />} href={downloadUrl('/api/v1/campaigns/{id}/progress.xlsx', { path: { id }, query: unitId === null ? {} : { unitId } })} data-testid="campaign-xlsx">
              Tải tiến độ (Excel)
            </Button>
            {/* The plan's DOCX is the write side's route (GET /api/v1/campaigns/{id}/plan.docx). */}
            <Button icon={<FileWordOutlined />} href={`/api/v1/campaigns/${id}/plan.docx`} data-testid="campaign-docx">
              Tải kế hoạch (DOCX)
            </Button>
            <Link to={`/ke-hoach/moi?tu=${id}`} data-testid="campaign-implement">
              <Button type="primary" icon={<PlusOutlined />} tabIndex={-1}>
                Xây dựng kế hoạch thực hiện
              </Button>
            </Link>
          </Flex>
          <CampaignTimeline campaign={campaign.data} />
        </>
      )}
      <Card
        size="small"
        title={<h2 style={{ margin: 0, fontSize: 16, overflowWrap: 'anywhere', whiteSpace: 'normal' }}>Tiến độ {viewed ? `— ${viewed.name}` : ''}</h2>}
        data-testid="campaign-progress"
      >
        {path.length > 0 && (
          <Breadcrumb
            style={{ marginBottom: 8 }}
            items={[
              { title: <UpButton onClick={() => setPath([])}>Toàn bộ</UpButton> },
              ...path.map((p, i) => ({ title: i === path.length - 1 ? p.name : <UpButton onClick={() => setPath(path.slice(0, i + 1))}>{p.name}</UpButton> })),
            ]}
          />
        )}
        {progress.isError && <ErrorResult error={progress.error} onRetry={() => void progress.refetch()} title="Chưa tải được tiến độ" />}
        {progress.isPending && <Skeleton active />}
        {progress.data && (
          <Flex vertical gap={12}>
            <Typography.Text data-testid="campaign-totals">
              {progress.data.totals.assigned} nhiệm vụ được giao · {progress.data.totals.done} đã hoàn thành · {progress.data.totals.overdue} quá hạn · {progress.data.totals.unitsActed}/
              {progress.data.totals.units} đơn vị đã thực hiện
            </Typography.Text>
            <ProgressGrid progress={progress.data} onDrill={(u) => setPath([...path, { id: u.id, name: u.name }])} />
            <ProgressTasks progress={progress.data} kinds={kinds} />
          </Flex>
        )}
      </Card>
      <CampaignMatrixCard matrix={matrix.data} />
      <ActivityWeeksChart weeks={weeks.data} />
    </Flex>
  );
}
