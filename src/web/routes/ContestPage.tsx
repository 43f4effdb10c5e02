import { Button, Card, Descriptions, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorResult } from '../components/ErrorResult.js';
import { useContest } from '../features/contests/api.js';
import type { ContestDetail, ContestRoundDetail } from '../features/contests/organiserTypes.js';
import { audienceLabels, predictionKindLabels, roundStateColors, roundStateLabels } from '../i18n/contests.js';
import { formatDateTime } from '../lib/time.js';
import { ScrollRegion } from '../features/contests/ScrollRegion.js';

function RoundsTable({ contest }: { contest: ContestDetail }) {
  return (
    <ScrollRegion label="Các vòng thi" minWidth={900}>
      <Table<ContestRoundDetail>
        rowKey="number"
        size="small"
        pagination={false}
        dataSource={contest.rounds}
        columns={[
          { title: 'Vòng', dataIndex: 'number', render: (n: number) => <Link to={`/cuoc-thi/${contest.id}/vong/${n}`} data-testid={`round-link-${n}`}>{`Vòng ${n}`}</Link> },
          { title: 'Trạng thái', render: (_, r) => <Tag color={roundStateColors[r.state]}>{roundStateLabels[r.state]}</Tag> },
          { title: 'Mở', render: (_, r) => formatDateTime(r.opens) },
          { title: 'Đóng', render: (_, r) => formatDateTime(r.closes) },
          { title: 'Câu hỏi / lượt', dataIndex: 'questionsPerAttempt' },
          { title: 'Thời gian (phút)', render: (_, r) => Math.round(r.timeLimitSeconds / 60) },
          { title: 'Số lượt', dataIndex: 'attemptsAllowed' },
          { title: 'Dự đoán', render: (_, r) => predictionKindLabels[r.prediction] },
          { title: 'Con số chính thức', render: (_, r) => r.officialFigure ?? '—' },
          { title: 'Kết quả', render: (_, r) => (r.resultsConfirmedAt ? `Đã xác nhận ${formatDateTime(r.resultsConfirmedAt)}` : r.closedAt ? 'Chờ xác nhận' : '—') },
        ]}
      />
    </ScrollRegion>
  );
}

/** `/cuoc-thi/:id`: a contest's overview — its definition, its rounds, and the ways to its bank, participation and public page. */
export function ContestPage() {
  const id = Number(useParams().id);
  const contest = useContest(id);
  if (contest.isPending) return <Skeleton active />;
  if (contest.isError) return <ErrorResult error={contest.error} onRetry={() => void contest.refetch()} title="Chưa tải được cuộc thi" />;
  const c = contest.data as ContestDetail;
  return (
    <Flex vertical gap={12}>
      <title>{`${c.title} — Lan Tỏa`}</title>
      <Typography.Title level={1} style={{ margin: 0 }}>
        {c.title}
      </Typography.Title>
      <Flex gap={8} wrap>
        <Link to={`/cuoc-thi/${id}/sua`} data-testid="contest-edit">
          <Button tabIndex={-1}>Sửa cuộc thi</Button>
        </Link>
        <Link to={`/cuoc-thi/${id}/cau-hoi`} data-testid="contest-bank">
          <Button tabIndex={-1}>{`Ngân hàng câu hỏi (${c.questionCount})`}</Button>
        </Link>
        <Link to={`/cuoc-thi/${id}/tham-gia`} data-testid="contest-participation">
          <Button tabIndex={-1}>Tham gia theo đơn vị</Button>
        </Link>
        <a href={`/thi/${encodeURIComponent(c.code)}`} target="_blank" rel="noreferrer">
          <Button tabIndex={-1}>Trang dự thi công khai</Button>
        </a>
      </Flex>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="Mã">{c.code}</Descriptions.Item>
          <Descriptions.Item label="Đơn vị tổ chức">{c.organiser.name}</Descriptions.Item>
          <Descriptions.Item label="Đối tượng">{audienceLabels[c.audience]}</Descriptions.Item>
          <Descriptions.Item label="Giải tập thể">{(c.collectivePrizes ?? []).map((p) => `${p.count} ${p.name}`).join(' · ') || '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Các vòng thi</h2>}>
        <RoundsTable contest={c} />
      </Card>
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Thể lệ</h2>}>
        <div style={{ whiteSpace: 'pre-wrap' }}>{c.rules}</div>
      </Card>
    </Flex>
  );
}
