import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { DirectiveDraftSummary } from '../../api/types.js';
import { draftStatusLabels, formatPartialDate } from '../../i18n/directives.js';
import { formatDateTime } from '../../lib/time.js';
import { useIsMobile } from '../../lib/useIsMobile.js';

/**
 * "Công văn 212-CV/ĐU 22/10/2025"; a blank number is said so ("Công văn không số tháng 10/2025"),
 * never printed as "-CV/ĐU"; or a note that the parent is out of sight.
 */
export function parentTitle(parent: DirectiveDraftSummary['parent']): string {
  if (!parent) return 'Văn bản cấp trên (ngoài phạm vi của bạn)';
  const date = formatPartialDate(parent.date);
  const number = parent.numberSymbol && /^\d/u.test(parent.numberSymbol) ? parent.numberSymbol : 'không số';
  return [parent.docType ?? 'Văn bản', number, date === '—' ? null : date].filter(Boolean).join(' ');
}

export function DraftStatusTag({ draft }: { draft: Pick<DirectiveDraftSummary, 'status' | 'issuedDirectiveId'> }) {
  if (draft.status === 'draft') return <Tag color="gold">{draftStatusLabels.draft}</Tag>;
  return (
    <Tag color="green">
      {draft.issuedDirectiveId !== null ? <Link to={`/van-ban/${draft.issuedDirectiveId}`}>{draftStatusLabels.issued}</Link> : draftStatusLabels.issued}
    </Tag>
  );
}

function ParentCell({ d }: { d: DirectiveDraftSummary }) {
  if (!d.parent) return <Typography.Text type="secondary">{parentTitle(null)}</Typography.Text>;
  return (
    <Link to={`/van-ban/${d.parent.id}`} style={{ color: 'inherit', display: 'block' }}>
      <Typography.Text strong>{parentTitle(d.parent)}</Typography.Text>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0, fontSize: 13 }}>
        {d.parent.subject ?? ''}
      </Typography.Paragraph>
    </Link>
  );
}

function DraftCell({ d }: { d: DirectiveDraftSummary }) {
  return (
    <Link to={`/du-thao/${d.id}`} style={{ display: 'block' }} data-testid="draft-open">
      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0, color: 'inherit' }}>
        {d.subject ?? '(Chưa có trích yếu)'}
      </Typography.Paragraph>
      {d.numberSymbol && /^\d/u.test(d.numberSymbol) && <Typography.Text type="secondary">Số {d.numberSymbol}</Typography.Text>}
    </Link>
  );
}

const columns: TableColumnsType<DirectiveDraftSummary> = [
  { title: 'Dự thảo', key: 'draft', render: (_v, d) => <DraftCell d={d} /> },
  { title: 'Văn bản cấp trên', key: 'parent', width: 300, render: (_v, d) => <ParentCell d={d} /> },
  { title: 'Đơn vị ban hành', dataIndex: 'unitName', key: 'unit', width: 220 },
  { title: 'Trạng thái', key: 'status', width: 130, render: (_v, d) => <DraftStatusTag draft={d} /> },
  { title: 'Cập nhật', key: 'updatedAt', width: 150, render: (_v, d) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(d.updatedAt)}</span> },
];

/** On phones one column: the draft, its status and unit, then the parent directive. */
const mobileColumns: TableColumnsType<DirectiveDraftSummary> = [
  {
    title: 'Dự thảo',
    key: 'draft',
    render: (_v, d) => (
      <div>
        <DraftCell d={d} />
        <div style={{ margin: '4px 0' }}>
          <DraftStatusTag draft={d} />
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {d.unitName} · {formatDateTime(d.updatedAt)}
          </Typography.Text>
        </div>
        <ParentCell d={d} />
      </div>
    ),
  },
];

export function DraftTable({ items, loading }: { items: DirectiveDraftSummary[] | undefined; loading: boolean }) {
  const isMobile = useIsMobile();
  return (
    <Table<DirectiveDraftSummary>
      rowKey="id"
      size="middle"
      columns={isMobile ? mobileColumns : columns}
      dataSource={items ?? []}
      loading={loading}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: 'Chưa có dự thảo nào. Mở một văn bản cấp trên và bấm “Soạn văn bản thực hiện”.' }}
      data-testid="draft-table"
    />
  );
}
