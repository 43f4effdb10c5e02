import { Alert, Card, Empty, Flex, Skeleton, Space, Typography } from 'antd';
import { Suspense, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorResult } from '../components/ErrorResult.js';
import { useMe } from '../features/auth/authContext.js';
import { ReportActions } from '../features/consultation-report/ReportActions.js';
import { ReportFilters, type ReportFilterValues } from '../features/consultation-report/ReportFilters.js';
import { ReportKpis } from '../features/consultation-report/ReportKpis.js';
import { useConsultations, useWeeklyReportView } from '../features/consultation-report/useWeeklyReport.js';
import { useUnitIndex } from '../features/org/useUnits.js';
import type { WeeklyReportView } from '../api/types.js';
import { reportText } from '../i18n/consultation-report.js';
import { formatDateTime } from '../lib/time.js';
import { lazyPage } from '../manifests/lazyPage.js';

/**
 * What lies below the figures loads after them, so that a first visit on a phone downloads less before
 * the figures show: the charts (ECharts, about half of this page's code), the children's table
 * (antd's Table) and the representative opinions.
 */
const ReportCharts = lazyPage(() => import('../features/consultation-report/ReportCharts.js'), 'ReportCharts');
const ChildrenTable = lazyPage(() => import('../features/consultation-report/ChildrenTable.js'), 'ChildrenTable');
const RepresentativesCard = lazyPage(() => import('../features/consultation-report/RepresentativesCard.js'), 'RepresentativesCard');

/**
 * Weekly consolidation (/gop-y-tong-hop): the live figures of a unit's subtree for a week, its
 * charts, the children's reports (frozen vs live), the representative opinions (ý kiến tiêu biểu),
 * submission to the parent and the exports.
 * The choice of consultation, unit and week lives in the address (?dot=&don-vi=&tuan=).
 */
export function ConsultationReportPage() {
  const [params, setParams] = useSearchParams();
  const consultations = useConsultations();
  const defaultUnitId = useDefaultUnitId();

  const list = consultations.data ?? [];
  const code = params.get('dot') ?? list[0]?.code ?? null;
  const consultation = list.find((c) => c.code === code) ?? null;
  const unitParam = Number(params.get('don-vi'));
  const unitId = Number.isInteger(unitParam) && unitParam > 0 ? unitParam : defaultUnitId;
  const periodEnd = params.get('tuan') ?? consultation?.currentPeriodEnd ?? null;
  const values: ReportFilterValues = { code, unitId, periodEnd };

  const view = useWeeklyReportView(consultation ? code : null, unitId, periodEnd);

  const update = (changes: Partial<ReportFilterValues>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        const set = (key: string, value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? next.delete(key) : next.set(key, String(value)));
        if ('code' in changes) set('dot', changes.code);
        if ('unitId' in changes) set('don-vi', changes.unitId);
        if ('periodEnd' in changes) set('tuan', changes.periodEnd);
        return next;
      },
      { replace: true },
    );

  if (consultations.isError) return <ErrorResult page error={consultations.error} onRetry={() => void consultations.refetch()} title="Chưa tải được đợt lấy ý kiến" />;

  return (
    <Flex vertical gap={12}>
      <title>{`${reportText.pageTitle} — Lan Tỏa`}</title>
      <Typography.Title level={1} style={{ margin: 0 }}>
        {reportText.pageTitle}
      </Typography.Title>
      {consultations.isPending ? (
        <Skeleton active />
      ) : list.length === 0 ? (
        <Empty description={reportText.noConsultation} />
      ) : (
        <>
          <Card size="small">
            <ReportFilters consultations={list} consultation={consultation} values={values} onChange={update} />
          </Card>
          {view.isError && !view.data ? (
            <ErrorResult error={view.error} onRetry={() => void view.refetch()} />
          ) : !view.data ? (
            <Skeleton active />
          ) : (
            <WeeklyReport view={view} data={view.data} />
          )}
        </>
      )}
    </Flex>
  );
}

/** The unit to show first: the first granted unit the user sees, else their home unit, else the first root. */
function useDefaultUnitId(): number | null {
  const me = useMe();
  const { index } = useUnitIndex();
  return useMemo(() => {
    if (!index) return null;
    const granted = me.grants.find((g) => g.unitId !== null && index.byId.has(g.unitId));
    if (granted?.unitId) return granted.unitId;
    if (me.homeUnitId !== null && index.byId.has(me.homeUnitId)) return me.homeUnitId;
    return index.roots[0]?.id ?? null;
  }, [index, me]);
}

/** The loaded week: the unit and its actions, figures, charts, children's reports and representative opinions. */
function WeeklyReport({ view, data }: { view: ReturnType<typeof useWeeklyReportView>; data: WeeklyReportView }) {
  return (
    <>
      <Card size="small">
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <div>
            <Typography.Text strong>{data.unit.name}</Typography.Text>
            <Typography.Text type="secondary"> — {data.period.label}</Typography.Text>
          </div>
          <ReportActions view={data} />
        </Space>
      </Card>
      {view.isError && <Alert type="warning" showIcon message="Chưa cập nhật được số liệu mới nhất; đang hiển thị lần tải trước." />}
      <ReportKpis view={data} />
      <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
        <ReportCharts view={data} />
      </Suspense>
      <Card size="small" title={`${reportText.children} (${data.children.length})`}>
        <Suspense fallback={<Skeleton active />}>
          <ChildrenTable rows={data.children} />
        </Suspense>
      </Card>
      <Suspense fallback={<Skeleton active />}>
        <RepresentativesCard view={data} />
      </Suspense>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        Số liệu trực tiếp, cập nhật lúc {formatDateTime(new Date(view.dataUpdatedAt).toISOString())}. Báo cáo xuất ra DOCX/Excel ghi “&lt; 5” cho các ô có dưới 5 lượt góp ý.
      </Typography.Text>
    </>
  );
}
