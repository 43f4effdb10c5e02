import { Alert, Button, Card, Descriptions, Drawer, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formIndicators } from '../../../shared/report-form.js';
import { ErrorResult } from '../../components/ErrorResult.js';
import { formatDateTime } from '../../lib/time.js';
import { fetchVersion, reportKeys, type PeriodUnit } from './api.js';
import { showValue } from './fillForm.js';
import { reviewColors, reviewLabels, timelinessLabels } from './labels.js';
import { ReviewButtons } from './ReviewButtons.js';
import type { UnitReport, VersionRow } from './types.js';

/** A frozen version, read in a drawer: the values sent up (own ones beside them when they differ), the narrative. */
function VersionDrawer({ p, report, version, onClose }: { p: PeriodUnit; report: UnitReport; version: number | null; onClose: () => void }) {
  const frozen = useQuery({ queryKey: [...reportKeys.unit(p), 'version', version], queryFn: () => fetchVersion(p, version ?? 0), enabled: version !== null });
  const items = formIndicators(report.form).map((i) => ({
    key: i.code,
    label: `${i.code}. ${i.label}`,
    children: frozen.data ? `${showValue(frozen.data.snapshot.values[i.code])}${report.receives ? ` (tự thực hiện: ${showValue(frozen.data.snapshot.own.values[i.code])})` : ''}` : '',
  }));
  return (
    <Drawer open={version !== null} onClose={onClose} title={`Phiên bản ${version ?? ''}`} size="large" destroyOnHidden>
      {frozen.isPending && <Skeleton active />}
      {frozen.isError && <ErrorResult error={frozen.error} onRetry={() => void frozen.refetch()} title="Chưa tải được phiên bản" />}
      {frozen.data && (
        <Flex vertical gap={12} data-testid="version-view">
          <Descriptions size="small" column={1} bordered items={items} />
          {report.form.outline.map((title, i) => (
            <div key={title + i}>
              <Typography.Title level={3} style={{ fontSize: 15 }}>
                {title}
              </Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{frozen.data.snapshot.narrative[i] || '—'}</Typography.Paragraph>
            </div>
          ))}
        </Flex>
      )}
    </Drawer>
  );
}

function VersionItem({ p, report, v, reviewable, onView }: { p: PeriodUnit; report: UnitReport; v: VersionRow; reviewable: boolean; onView: () => void }) {
  return (
    <List.Item actions={[<Button key="view" size="small" onClick={onView} data-testid="version-open">Xem</Button>]} data-testid="version-row">
      <Flex vertical gap={4} style={{ minWidth: 0 }}>
        <Flex gap={6} wrap align="center">
          <Typography.Text strong>Phiên bản {v.version}</Typography.Text>
          <Tag color={v.late ? 'warning' : 'success'}>{timelinessLabels[v.late ? 'late' : 'onTime']}</Tag>
          <Tag color={reviewColors[v.review]}>{reviewLabels[v.review]}</Tag>
        </Flex>
        <Typography.Text type="secondary">Gửi lúc {formatDateTime(v.submittedAt)}</Typography.Text>
        {v.returnReason && <Typography.Text>Lý do trả lại: {v.returnReason}</Typography.Text>}
        {reviewable && <ReviewButtons p={p} submissionId={v.submissionId} review={v.review} unitName={report.unit.name} />}
      </Flex>
    </List.Item>
  );
}

/** Các phiên bản đã gửi, newest first, each viewable; the recipient (`canReview`) reviews the latest one here. */
export function VersionsCard({ p, report, canReview }: { p: PeriodUnit; report: UnitReport; canReview: boolean }) {
  const [open, setOpen] = useState<number | null>(null);
  const versions = [...report.versions].sort((a, b) => b.version - a.version);
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Các phiên bản đã gửi</h2>} data-testid="versions">
      {versions.length === 0 ? <Empty description="Chưa gửi phiên bản nào." /> : <List dataSource={versions} renderItem={(v, i) => <VersionItem p={p} report={report} v={v} reviewable={canReview && i === 0} onView={() => setOpen(v.version)} />} />}
      <VersionDrawer p={p} report={report} version={open} onClose={() => setOpen(null)} />
    </Card>
  );
}

/** The latest version was returned: its reason, above the form. */
export function ReturnedAlert({ report }: { report: UnitReport }) {
  const latest = [...report.versions].sort((a, b) => b.version - a.version)[0];
  if (!latest || latest.review !== 'returned') return null;
  return <Alert type="error" showIcon title={`Báo cáo phiên bản ${latest.version} bị trả lại`} description={`Lý do: ${latest.returnReason ?? '—'}. Sửa và gửi lại phiên bản mới.`} data-testid="returned-reason" />;
}
