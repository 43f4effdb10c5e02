import { Card, Descriptions, Table, Tag, Typography } from 'antd';
import { itemStatisticFlagLabels } from '../../../shared/labels.js';
import { formatDateTime } from '../../lib/time.js';
import { useItemStatistics } from './api.js';
import { ScrollRegion } from './ScrollRegion.js';

interface ItemRow {
  questionId: number;
  versionId: number;
  text: string;
  n: number;
  facility: number | null;
  sd: number | null;
  discrimination: number | null;
  options: { position: number; text: string; count: number; correct: boolean }[];
  flags: string[];
}

const flagText: Record<string, string> = itemStatisticFlagLabels;

const fixed = (v: number | null | undefined, digits = 2) => (v == null ? '—' : v.toLocaleString('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const letters = 'ABCDEF';

/** Facility, SD, discrimination and distractor counts per item (first attempts), test mean/median/SD/alpha; flagged items highlighted. */
export function ItemStatistics({ contestId, round }: { contestId: number; round: number }) {
  const stats = useItemStatistics(contestId, round);
  const test = stats.data?.test;
  const items: ItemRow[] = stats.data?.items ?? [];
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Thống kê câu hỏi (lượt thi đầu tiên)</h2>} data-testid="item-statistics">
      {test && (
        <Descriptions size="small" column={{ xs: 2, md: 6 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="Số người">{test.people}</Descriptions.Item>
          <Descriptions.Item label="Điểm tối đa">{test.maxScore}</Descriptions.Item>
          <Descriptions.Item label="Trung bình">{fixed(test.mean)}</Descriptions.Item>
          <Descriptions.Item label="Trung vị">{fixed(test.median)}</Descriptions.Item>
          <Descriptions.Item label="Độ lệch chuẩn">{fixed(test.sd)}</Descriptions.Item>
          <Descriptions.Item label="Cronbach alpha">{fixed(test.alpha)}</Descriptions.Item>
        </Descriptions>
      )}
      {stats.isError && <Typography.Text type="secondary">Chưa có thống kê (vòng thi chưa kết thúc).</Typography.Text>}
      <ScrollRegion label="Thống kê câu hỏi" minWidth={900}>
        <Table<ItemRow>
          rowKey="versionId"
          size="small"
          loading={stats.isPending}
          dataSource={items}
          pagination={false}
          rowClassName={(r) => (r.flags.length > 0 ? 'lt-row-flagged' : '')}
          onRow={(r) => (r.flags.length > 0 ? { style: { background: '#fff7e6' }, 'data-flagged': 'true' } as never : {})}
          columns={[
            { title: 'Câu hỏi', dataIndex: 'text', render: (text: string, r) => <>{text}{r.flags.length > 0 && <div>{r.flags.map((f) => <Tag key={f} color="warning">{flagText[f] ?? f}</Tag>)}</div>}</> },
            { title: 'Số người', dataIndex: 'n', width: 80 },
            { title: 'Độ khó (p)', width: 90, render: (_, r) => fixed(r.facility) },
            { title: 'Độ lệch chuẩn', width: 100, render: (_, r) => fixed(r.sd) },
            { title: 'Độ phân biệt', width: 100, render: (_, r) => fixed(r.discrimination) },
            { title: 'Số người chọn từng phương án', render: (_, r) => r.options.map((o) => `${letters[o.position] ?? o.position}${o.correct ? '✓' : ''}: ${o.count}`).join(' · ') },
          ]}
        />
      </ScrollRegion>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 13 }}>
        Câu có độ khó p trên 95 % hoặc độ phân biệt âm được đánh dấu: có thể sai đáp án hoặc mơ hồ, cần xem lại.
        {stats.data && (stats.data.computedAt ? ` Tính một lần sau khi vòng đóng, lúc ${formatDateTime(stats.data.computedAt)}.` : ' Vòng đang mở: số liệu tính trực tiếp, còn thay đổi.')}
      </Typography.Paragraph>
    </Card>
  );
}
