import { Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { DirectivePage, DirectiveSummary } from '../../api/types.js';
import { formatPartialDate } from '../../i18n/directives.js';
import { useIsMobile } from '../../lib/useIsMobile.js';

const columns: TableColumnsType<DirectiveSummary> = [
  {
    title: 'Số, ký hiệu',
    dataIndex: 'numberSymbol',
    key: 'numberSymbol',
    render: (v: string | null, d) => (
      <Link to={`/van-ban/${d.id}`} style={{ whiteSpace: 'nowrap' }}>
        {v ?? 'Không số'}
      </Link>
    ),
  },
  { title: 'Loại', dataIndex: 'docType', key: 'docType', width: 100, render: (v: string | null) => v ?? '—' },
  {
    title: 'Trích yếu',
    dataIndex: 'subject',
    key: 'subject',
    render: (v: string | null, d) => (
      <Link to={`/van-ban/${d.id}`} style={{ color: 'inherit' }}>
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0, minWidth: 200, maxWidth: 460 }}>
          {v ?? '(Chưa có trích yếu)'}
        </Typography.Paragraph>
      </Link>
    ),
  },
  { title: 'Cơ quan ban hành', dataIndex: 'issuerName', key: 'issuer', render: (v: string | null) => v ?? '—' },
  {
    title: 'Ngày',
    dataIndex: 'date',
    key: 'date',
    width: 110,
    render: (_v, d) => <span style={{ whiteSpace: 'nowrap' }}>{formatPartialDate(d.date)}</span>,
  },
  { title: 'Đơn vị đăng ký', dataIndex: 'ownerUnitName', key: 'owner' },
];

/**
 * Below this width the register scrolls sideways (a narrow tablet); above it — every desktop from
 * 1024 px with the menu open — the columns share the width and long names wrap: nothing is cut.
 * Fixed widths only on the short columns (a column's width is a minimum in an auto-layout table).
 */
const MIN_TABLE_WIDTH = 860;

/** On phones one column: number and type, subject, then issuer, date and registering unit. */
const mobileColumns: TableColumnsType<DirectiveSummary> = [
  {
    title: 'Văn bản',
    key: 'directive',
    render: (_v, d) => (
      <Link to={`/van-ban/${d.id}`} style={{ color: 'inherit', display: 'block' }}>
        <Typography.Text strong style={{ color: '#1554a5' }}>
          {[d.docType, d.numberSymbol ?? 'Không số'].filter(Boolean).join(' ')}
        </Typography.Text>
        <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ marginBottom: 2 }}>
          {d.subject ?? '(Chưa có trích yếu)'}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {[d.issuerName, formatPartialDate(d.date)].filter((p) => p && p !== '—').join(' — ')}
          {` · Đăng ký: ${d.ownerUnitName}`}
        </Typography.Text>
      </Link>
    ),
  },
];

export interface DirectiveTableProps {
  data: DirectivePage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
}

export function DirectiveTable({ data, loading, page, pageSize, onPageChange }: DirectiveTableProps) {
  const isMobile = useIsMobile();
  return (
    <Table<DirectiveSummary>
      rowKey="id"
      size="middle"
      columns={isMobile ? mobileColumns : columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={isMobile ? undefined : { x: MIN_TABLE_WIDTH }}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (total) => `${total} văn bản`,
        onChange: onPageChange,
      }}
      locale={{ emptyText: 'Không có văn bản nào phù hợp.' }}
      data-testid="directive-table"
    />
  );
}
