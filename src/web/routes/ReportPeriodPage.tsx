import { Breadcrumb, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import type { Me } from '../api/types.js';
import { ErrorResult } from '../components/ErrorResult.js';
import { useMe } from '../features/auth/authContext.js';
import { useConsolidation, useReportStatus, useUnitReport, type PeriodUnit } from '../features/reports/api.js';
import { ChildrenCard } from '../features/reports/ChildrenCard.js';
import { ConsolidationCard } from '../features/reports/ConsolidationCard.js';
import { draftNarrative } from '../features/reports/consolidationTable.js';
import { DownloadsCard } from '../features/reports/DownloadsCard.js';
import { FillForm } from '../features/reports/FillForm.js';
import type { ChildReport, UnitReport } from '../features/reports/types.js';
import { ReturnedAlert, VersionsCard } from '../features/reports/VersionsCard.js';
import { formatDate, formatDateTime } from '../lib/time.js';

function parseAddress(params: Readonly<Record<string, string | undefined>>): PeriodUnit | null {
  const regimeId = Number(params.id);
  const unitId = Number(params.unitId);
  const periodEnd = params.periodEnd ?? '';
  if (!Number.isInteger(regimeId) || regimeId <= 0 || !Number.isInteger(unitId) || unitId <= 0 || !/^\d{4}-\d{2}-\d{2}$/.test(periodEnd)) return null;
  return { regimeId, unitId, periodEnd };
}

function Heading({ report }: { report: UnitReport }) {
  const latest = [...report.versions].sort((a, b) => b.version - a.version)[0];
  const late = report.deadline !== null && !latest && Date.parse(report.deadline) < Date.now();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'unit', label: 'Đơn vị', children: report.unit.name },
        { key: 'recipient', label: 'Gửi tới', children: report.recipient?.name ?? '—' },
        { key: 'period', label: 'Kỳ báo cáo', children: `${report.period.label ?? ''} (${formatDateTime(report.period.start)} – ${formatDateTime(report.period.end)})` },
        { key: 'deadline', label: 'Hạn gửi', children: <span data-testid="report-deadline">{formatDateTime(report.deadline)}{late && <Tag color="error" style={{ marginInlineStart: 6 }}>Quá hạn</Tag>}</span> },
      ]}
    />
  );
}

/** The user reviews this report: an editor (or more) of its recipient, or a system administrator (the server decides in the end). */
function canReview(me: Me, report: UnitReport): boolean {
  return me.permissions.isSystemAdmin || me.grants.some((g) => g.role !== 'viewer' && g.unitId !== null && g.unitId === report.recipient?.id);
}

/** A receiving unit's part: its children and the consolidated table (and the narrative drafted from them). */
function useReceiving(p: PeriodUnit, report: UnitReport | undefined) {
  const consolidation = useConsolidation(p, report?.receives === true);
  const status = useReportStatus(p, report?.receives === true);
  const drafted = useMemo(() => (report && consolidation.data ? draftNarrative(report.form.outline, consolidation.data) : null), [report, consolidation.data]);
  const children = useMemo<ChildReport[]>(() => {
    const ids = new Map((status.data?.children ?? []).map((c) => [c.unitId, c.submissionId]));
    return (consolidation.data?.children ?? report?.children ?? []).map((c) => ({ ...c, submissionId: ids.get(c.unitId) ?? null }));
  }, [status.data, consolidation.data, report]);
  return { consolidation, drafted, children };
}

/**
 * Báo cáo của một đơn vị trong một kỳ (/bao-cao/che-do/:id/ky/:periodEnd/don-vi/:unitId): fill in and
 * submit; for a receiving unit also its children (review: return / approve / reopen), the consolidated
 * table with its mismatches and the drafted narrative, then submit upward; versions; files and import.
 */
export function ReportPeriodPage() {
  const me = useMe();
  const params = useParams();
  const p = parseAddress(params);
  const report = useUnitReport(p ?? { regimeId: 0, unitId: 0, periodEnd: '' });
  const { consolidation, drafted, children } = useReceiving(p ?? { regimeId: 0, unitId: 0, periodEnd: '' }, report.data);
  if (p === null) return <ErrorResult page error={null} title="Địa chỉ báo cáo không hợp lệ" />;
  if (report.isError) return <ErrorResult page error={report.error} onRetry={() => void report.refetch()} title="Chưa tải được báo cáo" />;
  const r = report.data;
  const title = r ? `${r.regime.name} — ${r.unit.name}` : 'Báo cáo';
  return (
    <Flex vertical gap={12}>
      <title>{`${title} — Lan Tỏa`}</title>
      <Breadcrumb items={[{ title: <Link to="/bao-cao">Báo cáo</Link> }, { title: <Link to={`/bao-cao/che-do/${p.regimeId}`}>{r?.regime.name ?? 'Chế độ báo cáo'}</Link> }, { title: `Kỳ ${formatDate(p.periodEnd)}` }]} />
      <Typography.Title level={1} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="report-title">
        {title}
      </Typography.Title>
      {!r ? (
        <Skeleton active />
      ) : (
        <>
          <Heading report={r} />
          <ReturnedAlert report={r} />
          {r.receives && <ChildrenCard p={p} units={children} />}
          {r.receives && consolidation.data && <ConsolidationCard form={r.form} report={consolidation.data} />}
          {r.receives && consolidation.isError && <ErrorResult error={consolidation.error} onRetry={() => void consolidation.refetch()} title="Chưa tải được số liệu tổng hợp" />}
          {r.receives && <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>Số liệu của đơn vị (tự thực hiện)</Typography.Title>}
          <FillForm key={`${r.versions.length}-${String(r.editable)}`} p={p} report={r} drafted={drafted} />
          <VersionsCard p={p} report={r} canReview={canReview(me, r)} />
          <DownloadsCard p={p} receives={r.receives} editable={r.editable} />
        </>
      )}
    </Flex>
  );
}
