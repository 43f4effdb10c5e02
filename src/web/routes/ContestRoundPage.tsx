import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { downloadUrl } from '../api/client.js';
import { ErrorResult } from '../components/ErrorResult.js';
import { useContest, useRoundActions, useRoundResults } from '../features/contests/api.js';
import { ItemStatistics } from '../features/contests/ItemStatistics.js';
import type { ContestDetail, ContestRoundDetail } from '../features/contests/organiserTypes.js';
import { RoundFlags } from '../features/contests/RoundFlags.js';
import { seconds } from '../features/contests/WinnersTable.js';
import { roundStateColors, roundStateLabels } from '../i18n/contests.js';
import { errorText } from '../i18n/errors.js';
import { formatDateTime } from '../lib/time.js';
import { ScrollRegion } from '../features/contests/ScrollRegion.js';

interface RankRow {
  rank: number;
  name: string;
  unit: string | { name: string };
  phoneMasked?: string | null;
  score: number;
  prediction: number | null;
  durationSeconds: number;
  submittedAt: string;
  prize?: string | null;
  flagged?: boolean;
}

const PAGE = 50;

function ResultsTable({ contestId, round }: { contestId: number; round: number }) {
  const [page, setPage] = useState(1);
  const results = useRoundResults(contestId, round, (page - 1) * PAGE, PAGE);
  if (results.isError) return <Typography.Text type="secondary">Chưa có kết quả: vòng thi chưa được tính kết quả.</Typography.Text>;
  const r = results.data as (Record<string, unknown> & { winners: RankRow[]; total?: number }) | undefined;
  return (
    <Flex vertical gap={8}>
      {r && (
        <>
          <Descriptions size="small" column={{ xs: 2, md: 5 }} data-testid="round-figures">
            <Descriptions.Item label="Con số chính thức">{String(r.officialFigure ?? '—')}</Descriptions.Item>
            <Descriptions.Item label="Số lượt thi">{String(r.attempts)}</Descriptions.Item>
            <Descriptions.Item label="Số người">{String(r.people)}</Descriptions.Item>
            <Descriptions.Item label="Điểm tuyệt đối">{String(r.perfectScores)}</Descriptions.Item>
            <Descriptions.Item label="Thời điểm chốt">{formatDateTime(String(r.cutOff ?? r.closesAt ?? ''))}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{`Cách tính: ${String(r.officialMethod ?? '')}`}</Typography.Paragraph>
        </>
      )}
      <ScrollRegion label="Bảng xếp hạng" minWidth={960}>
        <Table<RankRow>
          rowKey="rank"
          size="small"
          loading={results.isFetching}
          dataSource={r?.winners ?? []}
          data-testid="round-results"
          pagination={{ current: page, pageSize: PAGE, total: r?.total ?? r?.winners.length ?? 0, showSizeChanger: false, onChange: setPage }}
          columns={[
            { title: 'Hạng', dataIndex: 'rank', width: 70 },
            { title: 'Giải', width: 130, render: (_, w) => w.prize ?? '' },
            { title: 'Họ và tên', render: (_, w) => <>{w.name}{w.flagged && <Tag color="warning" style={{ marginInlineStart: 8 }}>Cần xem xét</Tag>}</> },
            { title: 'Đơn vị', render: (_, w) => (typeof w.unit === 'string' ? w.unit : w.unit.name) },
            { title: 'Điện thoại', width: 120, render: (_, w) => w.phoneMasked ?? '' },
            { title: 'Điểm', dataIndex: 'score', width: 70 },
            { title: 'Dự đoán', width: 90, render: (_, w) => w.prediction ?? '—' },
            { title: 'Thời gian (giây)', width: 110, render: (_, w) => seconds(w.durationSeconds) },
            { title: 'Nộp lúc', width: 150, render: (_, w) => formatDateTime(w.submittedAt) },
          ]}
        />
      </ScrollRegion>
    </Flex>
  );
}

function Actions({ contestId, round }: { contestId: number; round: ContestRoundDetail }) {
  const { close, confirm } = useRoundActions(contestId, round.number);
  const { message } = App.useApp();
  const error = close.error ?? confirm.error;
  const file = (ext: 'xlsx' | 'docx') => downloadUrl(`/api/v1/contests/{id}/rounds/{number}/results.${ext}` as '/api/v1/contests/{id}/rounds/{number}/results.xlsx', { path: { id: contestId, number: round.number } });
  return (
    <Flex gap={8} wrap align="center">
      {round.state === 'closed' && !round.closedAt && (
        <Popconfirm title="Tính kết quả vòng thi ngay?" okText="Tính kết quả" cancelText="Hủy" onConfirm={() => close.mutate(undefined, { onSuccess: () => void message.success('Đã tính kết quả vòng thi.') })}>
          <Button type="primary" loading={close.isPending} data-testid="round-close">Đóng vòng và tính kết quả</Button>
        </Popconfirm>
      )}
      {round.closedAt && !round.resultsConfirmedAt && (
        <Popconfirm title="Xác nhận kết quả và công bố danh sách đoạt giải?" okText="Xác nhận" cancelText="Hủy" onConfirm={() => confirm.mutate(undefined, { onSuccess: () => void message.success('Đã xác nhận kết quả.') })}>
          <Button type="primary" loading={confirm.isPending} data-testid="round-confirm">Xác nhận kết quả</Button>
        </Popconfirm>
      )}
      {round.closedAt && (
        <>
          <a href={file('xlsx')} download><Button icon={<DownloadOutlined />} tabIndex={-1}>Bảng xếp hạng (XLSX)</Button></a>
          <a href={file('docx')} download><Button icon={<DownloadOutlined />} tabIndex={-1}>Thông báo kết quả (DOCX)</Button></a>
        </>
      )}
      {error && <Typography.Text type="danger" role="alert">{errorText(error)}</Typography.Text>}
    </Flex>
  );
}

/** `/cuoc-thi/:id/vong/:number`: a round's results (paginated ranking), flags review, confirmation, downloads and item statistics. */
export function ContestRoundPage() {
  const params = useParams();
  const id = Number(params.id);
  const number = Number(params.number);
  const contest = useContest(id);
  if (contest.isPending) return <Skeleton active />;
  if (contest.isError) return <ErrorResult error={contest.error} onRetry={() => void contest.refetch()} title="Chưa tải được cuộc thi" />;
  const c = contest.data as ContestDetail;
  const round = c.rounds.find((r) => r.number === number);
  if (!round) return <Alert type="error" message="Không có vòng thi này." />;
  return (
    <Flex vertical gap={12}>
      <title>{`Vòng ${number} — ${c.title} — Lan Tỏa`}</title>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          {`Vòng ${number}`} <Tag color={roundStateColors[round.state]}>{roundStateLabels[round.state]}</Tag>
        </Typography.Title>
        <Link to={`/cuoc-thi/${id}`}>{c.title}</Link>
      </Flex>
      <Typography.Text type="secondary">{`Từ ${formatDateTime(round.opens)} đến ${formatDateTime(round.closes)} (giờ Việt Nam)${round.resultsConfirmedAt ? ` · Kết quả đã xác nhận lúc ${formatDateTime(round.resultsConfirmedAt)}` : ''}`}</Typography.Text>
      <Actions contestId={id} round={round} />
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Kết quả xếp hạng</h2>}>
        <ResultsTable contestId={id} round={number} />
      </Card>
      {round.closedAt && <RoundFlags contestId={id} round={number} />}
      {round.closedAt && <ItemStatistics contestId={id} round={number} />}
    </Flex>
  );
}
