import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Flex, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorResult } from '../components/ErrorResult.js';
import { useMe } from '../features/auth/authContext.js';
import { useUnitList } from '../features/org/useUnits.js';
import { periodFileUrl, useRegime, useRegimePeriods } from '../features/reports/api.js';
import { frequencyLabel, regimeTypeLabels } from '../features/reports/labels.js';
import { MonitoringCard } from '../features/reports/MonitoringCard.js';
import type { PeriodRef, RegimeDetail, UnitRef } from '../features/reports/types.js';
import { formatDate, formatDateTime } from '../lib/time.js';

const parseId = (raw: string | null | undefined): number | null => {
  const n = Number(raw);
  return raw && Number.isInteger(n) && n > 0 ? n : null;
};

/**
 * The units the page can be viewed for: the issuer and the units of the user's grants (`?donVi=` picks
 * one). By default the issuer when the user sees it (a grant at or above it), else the user's first unit.
 */
function useViewedUnit(regime: RegimeDetail | undefined) {
  const me = useMe();
  const visible = useUnitList();
  const [search, setSearch] = useSearchParams();
  const options = useMemo(() => {
    const units: UnitRef[] = regime ? [regime.issuer] : [];
    for (const g of me.grants) if (g.unitId !== null && !units.some((u) => u.id === g.unitId)) units.push({ id: g.unitId, code: g.unitCode ?? '', name: g.unitName ?? '' });
    return units;
  }, [regime, me.grants]);
  const seesIssuer = me.permissions.isSystemAdmin || (visible.data ?? []).some((u) => u.id === regime?.issuer.id);
  const fallback = seesIssuer ? options[0] : (options[1] ?? options[0]);
  const chosen = parseId(search.get('donVi'));
  const viewed = options.find((u) => u.id === chosen) ?? (visible.isPending && !me.permissions.isSystemAdmin ? null : (fallback ?? null));
  return { options, viewed, choose: (id: number) => setSearch({ donVi: String(id) }, { replace: true }) };
}

function PeriodsCard({ regimeId, unit }: { regimeId: number; unit: UnitRef }) {
  const periods = useRegimePeriods(regimeId);
  const rows = [...(periods.data ?? [])].sort((a, b) => b.closingDate.localeCompare(a.closingDate));
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Các kỳ báo cáo</h2>} data-testid="periods">
      {periods.isError && <ErrorResult error={periods.error} onRetry={() => void periods.refetch()} title="Chưa tải được các kỳ" />}
      <Table<PeriodRef & { label: string }>
        size="small"
        rowKey="key"
        loading={periods.isPending}
        dataSource={rows}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        columns={[
          { title: 'Kỳ', key: 'label', render: (_, p) => <Link to={`/bao-cao/che-do/${regimeId}/ky/${p.closingDate}/don-vi/${unit.id}`} data-testid="period-link">{p.label}</Link> },
          { title: 'Thời gian', key: 'range', responsive: ['md'], render: (_, p) => `${formatDateTime(p.start)} – ${formatDateTime(p.end)}` },
          { title: 'Chốt số liệu', key: 'closing', render: (_, p) => formatDate(p.closingDate) },
        ]}
      />
    </Card>
  );
}

/**
 * Chế độ báo cáo (/bao-cao/che-do/:id): what it is, its periods (each opening the viewed unit's
 * report), the monitoring grid with drill-down and the charts, "Tải mẫu Excel".
 */
export function ReportRegimePage() {
  const id = parseId(useParams().id);
  const regime = useRegime(id);
  const { options, viewed, choose } = useViewedUnit(regime.data);
  if (id === null) return <ErrorResult page error={null} title="Địa chỉ chế độ báo cáo không hợp lệ" />;
  if (regime.isError) return <ErrorResult page error={regime.error} onRetry={() => void regime.refetch()} title="Chưa tải được chế độ báo cáo" />;
  const r = regime.data;
  const current = r?.currentPeriod ?? null;
  return (
    <Flex vertical gap={12}>
      <title>{`${r?.name ?? 'Chế độ báo cáo'} — Lan Tỏa`}</title>
      <Breadcrumb items={[{ title: <Link to="/bao-cao">Báo cáo</Link> }, { title: r?.code ?? '…' }]} />
      <Typography.Title level={1} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="regime-title">
        {r?.name ?? 'Chế độ báo cáo'}
      </Typography.Title>
      {!r || !viewed ? (
        <Skeleton active />
      ) : (
        <>
          <Flex wrap gap={8} align="center">
            <Tag>{regimeTypeLabels[r.type]}</Tag>
            <Typography.Text type="secondary">{`${r.code} · ${r.issuer.name} · ${frequencyLabel(r.frequency)}`}</Typography.Text>
            {r.archived && <Tag color="default">Đã lưu trữ</Tag>}
          </Flex>
          <Flex wrap gap={8} align="center">
            <Link to={`/bao-cao/che-do/${r.id}/sua`}>
              <Button icon={<EditOutlined />} tabIndex={-1}>Sửa chế độ báo cáo</Button>
            </Link>
            {current && <Button icon={<DownloadOutlined />} href={periodFileUrl({ regimeId: r.id, periodEnd: current.closingDate, unitId: viewed.id }, 'template.xlsx')}>Tải mẫu Excel</Button>}
            {options.length > 1 && (
              <Select aria-label="Xem theo đơn vị" value={viewed.id} onChange={choose} options={options.map((u) => ({ value: u.id, label: u.name }))} style={{ minWidth: 220 }} />
            )}
          </Flex>
          <MonitoringCard key={viewed.id} regimeId={r.id} root={viewed} form={r.form} />
          <PeriodsCard regimeId={r.id} unit={viewed} />
        </>
      )}
    </Flex>
  );
}
