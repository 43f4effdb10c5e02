import { Breadcrumb, Button, Card, Flex, Segmented, Skeleton, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorResult } from '../components/ErrorResult.js';
import { useMe } from '../features/auth/authContext.js';
import { EChart } from '../features/consultation-report/EChart.js';
import { useCollectiveRanking, useContest, useParticipation, useParticipationSeries } from '../features/contests/api.js';
import { HeadcountEditor } from '../features/contests/HeadcountEditor.js';
import type { ContestDetail } from '../features/contests/organiserTypes.js';
import { participationChart, percent } from '../features/contests/participationCharts.js';
import { ScrollRegion } from '../features/contests/ScrollRegion.js';

interface Figures {
  unitId: number;
  code: string;
  name: string;
  attempts: number;
  people: number;
  perfectScores: number;
  headcount: number | null;
  participationRate: number | null;
}

const linkStyle = { padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' } as const;

function RateBar({ rate }: { rate: number | null }) {
  if (rate == null) return <span>—</span>;
  const width = Math.min(100, Math.round(rate * 100));
  return (
    <Flex align="center" gap={8}>
      <div aria-hidden="true" style={{ width: 100, height: 10, background: '#f0f0f0', borderRadius: 5 }}>
        <div style={{ width, height: 10, background: '#1554a5', borderRadius: 5 }} />
      </div>
      <span>{percent(rate)}</span>
    </Flex>
  );
}

function Collective({ id, round }: { id: number; round: number | null }) {
  const ranking = useCollectiveRanking(id, round);
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Xếp hạng tập thể</h2>} data-testid="collective-ranking">
      <Typography.Paragraph type="secondary">Xếp theo tỷ lệ tham gia, rồi điểm trung bình của lượt thi đầu tiên; không xếp theo số lượt thi.</Typography.Paragraph>
      <ScrollRegion label="Xếp hạng tập thể" minWidth={720}>
        <Table
          rowKey={(r) => r.unit.id}
          size="small"
          loading={ranking.isPending}
          dataSource={ranking.data ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            { title: 'Hạng', width: 70, render: (_, r) => r.rank ?? '—' },
            { title: 'Đơn vị', render: (_, r) => r.unit.name },
            { title: 'Số người dự thi', dataIndex: 'people' },
            { title: 'Số người của đơn vị', render: (_, r) => r.headcount ?? '—' },
            { title: 'Tỷ lệ tham gia', render: (_, r) => <RateBar rate={r.participationRate} /> },
            { title: 'Điểm TB lượt đầu', render: (_, r) => (r.meanFirstAttemptScore == null ? '—' : r.meanFirstAttemptScore.toLocaleString('vi-VN', { maximumFractionDigits: 2 })) },
            { title: 'Giải', render: (_, r) => r.prize ?? r.note ?? '' },
          ]}
        />
      </ScrollRegion>
    </Card>
  );
}

/** The unit and its children: people (never attempts as people), attempts, perfect scores, headcount (editable by admins) and rate. */
function DrillDown({ id, unitId, round, onDrill }: { id: number; unitId: number | null; round: number | null; onDrill: (unit: { id: number; name: string }) => void }) {
  const me = useMe();
  const participation = useParticipation(id, unitId, round);
  const isAdmin = me.permissions.isSystemAdmin || me.grants.some((g) => g.role === 'unit_admin');
  const p = participation.data;
  // Not the answer itself: its `children` would make antd draw a tree of one row.
  const self: Figures | null = p ? { unitId: p.unitId, code: p.unit, name: p.name, attempts: p.attempts, people: p.people, perfectScores: p.perfectScores, headcount: p.headcount, participationRate: p.participationRate } : null;
  const rows: Figures[] = self && p ? [self, ...p.children] : [];
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>{self ? `${self.name} và các đơn vị trực thuộc` : 'Số liệu tham gia'}</h2>}>
      {participation.isError && <ErrorResult error={participation.error} onRetry={() => void participation.refetch()} title="Chưa tải được số liệu tham gia" />}
      <ScrollRegion label="Số liệu tham gia theo đơn vị" minWidth={900}>
        <Table<Figures>
          rowKey="unitId"
          size="small"
          loading={participation.isFetching}
          dataSource={rows}
          pagination={false}
          data-testid="participation-table"
          columns={[
            { title: 'Đơn vị', render: (_, r) => (r === self ? <strong>{r.name}</strong> : <Button type="link" style={linkStyle} onClick={() => onDrill({ id: r.unitId, name: r.name })} data-testid="participation-drill">{r.name}</Button>) },
            { title: 'Số người dự thi', dataIndex: 'people', width: 120 },
            { title: 'Số lượt thi', dataIndex: 'attempts', width: 100 },
            { title: 'Điểm tuyệt đối (người)', dataIndex: 'perfectScores', width: 150 },
            { title: 'Số người của đơn vị', width: 170, render: (_, r) => <Flex gap={4} align="center">{r.headcount ?? '—'}{isAdmin && <HeadcountEditor unitId={r.unitId} unitName={r.name} headcount={r.headcount} />}</Flex> },
            { title: 'Tỷ lệ tham gia', width: 180, render: (_, r) => <RateBar rate={r.participationRate} /> },
          ]}
        />
      </ScrollRegion>
    </Card>
  );
}

function RoundsChart({ id, unitId }: { id: number; unitId: number | null }) {
  const series = useParticipationSeries(id, unitId);
  const chart = useMemo(() => participationChart(series.data ?? []), [series.data]);
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Theo vòng thi</h2>}>
      <EChart option={chart.option} table={chart.table} height={300} ariaLabel="Số người dự thi, số lượt thi và tỷ lệ tham gia theo vòng" data-testid="participation-chart" />
    </Card>
  );
}

/** `/cuoc-thi/:id/tham-gia`: participation by unit — the subtree drill-down with rate bars, the chart per round, the collective ranking, headcounts. */
export function ContestParticipationPage() {
  const id = Number(useParams().id);
  const contest = useContest(id);
  const [trail, setTrail] = useState<{ id: number | null; name: string }[]>([{ id: null, name: 'Đơn vị tổ chức' }]);
  const [round, setRound] = useState<number | null>(null);
  const unitId = trail.at(-1)?.id ?? null;
  if (contest.isPending) return <Skeleton active />;
  if (contest.isError) return <ErrorResult error={contest.error} onRetry={() => void contest.refetch()} title="Chưa tải được cuộc thi" />;
  const c = contest.data as ContestDetail;
  return (
    <Flex vertical gap={12}>
      <title>{`Tham gia theo đơn vị — ${c.title} — Lan Tỏa`}</title>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ margin: 0 }}>Tham gia theo đơn vị</Typography.Title>
        <Link to={`/cuoc-thi/${id}`}>{c.title}</Link>
      </Flex>
      <Typography.Text type="secondary">Số người là số người khác nhau đã nộp bài (không phải số lượt). Tỷ lệ tham gia = số người dự thi ÷ số người của đơn vị (khi đơn vị đã nhập).</Typography.Text>
      <Flex gap={12} wrap align="center">
        <Breadcrumb items={trail.map((t, i) => ({ title: i === trail.length - 1 ? t.name : <Button type="link" style={linkStyle} onClick={() => setTrail((all) => all.slice(0, i + 1))}>{t.name}</Button> }))} />
        <Segmented aria-label="Vòng thi" value={round ?? 0} onChange={(v) => setRound(v === 0 ? null : Number(v))} options={[{ value: 0, label: 'Cả cuộc thi' }, ...c.rounds.map((r) => ({ value: r.number, label: `Vòng ${r.number}` }))]} />
      </Flex>
      <DrillDown id={id} unitId={unitId} round={round} onDrill={(u) => setTrail((t) => [...t, u])} />
      <RoundsChart id={id} unitId={unitId} />
      <Collective id={id} round={round} />
    </Flex>
  );
}
