import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { WeeklyReportChild } from '../../api/types.js';
import { reportStatusColors, reportStatusLabels, reportText } from '../../i18n/consultation-report.js';
import { formatDateTime } from '../../lib/time.js';
import { useIsMobile } from '../../lib/useIsMobile.js';

const n = (value: number) => value.toLocaleString('vi-VN');

function Figures({ submissions, opinions }: { submissions: number; opinions: number }) {
  return (
    // Each figure kept whole; on a phone the two may go on two lines.
    <span>
      <span style={{ whiteSpace: 'nowrap' }}>{n(submissions)} lượt</span> · <span style={{ whiteSpace: 'nowrap' }}>{n(opinions)} ý kiến</span>
    </span>
  );
}

/**
 * Each direct child: its report status, when it was sent, its frozen figures beside the live ones.
 * On a phone the key columns only (the unit, its status, the live figures), without sideways scroll.
 */
export function ChildrenTable({ rows }: { rows: WeeklyReportChild[] }) {
  const isMobile = useIsMobile();
  const columns: TableColumnsType<WeeklyReportChild> = [
    { title: reportText.unit, dataIndex: 'name', key: 'name', render: (name: string, row) => <span title={row.code}>{name}</span> },
    {
      title: 'Tình trạng',
      key: 'status',
      width: 120,
      filters: (['submitted', 'late', 'missing', 'overdue'] as const).map((s) => ({ text: reportStatusLabels[s], value: s })),
      onFilter: (value, row) => row.status === value,
      render: (_, row) => <Tag color={reportStatusColors[row.status]}>{reportStatusLabels[row.status]}</Tag>,
    },
    { title: 'Gửi lúc', key: 'submittedAt', width: 150, responsive: ['md'], render: (_, row) => (row.frozen ? formatDateTime(row.frozen.submittedAt) : '—') },
    {
      title: reportText.frozen,
      key: 'frozen',
      responsive: ['md'],
      render: (_, row) => (row.frozen ? <Figures submissions={row.frozen.submissions} opinions={row.frozen.opinions} /> : '—'),
    },
    {
      title: reportText.live,
      key: 'live',
      sorter: (a, b) => a.live.opinions - b.live.opinions,
      render: (_, row) => {
        const diff = row.frozen ? row.live.opinions - row.frozen.opinions : 0;
        return (
          <span>
            <Figures submissions={row.live.submissions} opinions={row.live.opinions} />
            {row.frozen && diff !== 0 && (
              <Typography.Text type="warning" style={{ marginInlineStart: 6 }} title="Chênh lệch so với bản đã gửi (ý kiến đến sau khi chốt)">
                ({diff > 0 ? '+' : ''}
                {n(diff)})
              </Typography.Text>
            )}
          </span>
        );
      },
    },
  ];
  return (
    <Table<WeeklyReportChild>
      data-testid="report-children"
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={isMobile ? undefined : { x: 720 }}
      locale={{ emptyText: reportText.noChildren }}
    />
  );
}
