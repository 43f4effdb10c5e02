import { Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { AuditEntry, AuditPage } from '../../api/types.js';
import { auditActionLabel, entityTypeLabel } from '../../i18n/auditActions.js';
import { formatDateTime } from '../../lib/time.js';
import { AuditDiff } from './AuditDiff.js';

export interface AuditTableProps {
  data: AuditPage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
}

const columns: TableColumnsType<AuditEntry> = [
  {
    title: 'Thời gian',
    dataIndex: 'at',
    key: 'at',
    width: 150,
    render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at)}</span>,
  },
  {
    title: 'Người thực hiện',
    dataIndex: 'actorName',
    key: 'actor',
    width: 200,
    // The technical account name stays in the tooltip (e.g. `cli:root`), the cell speaks of people.
    render: (name: string, e) => <span title={e.actorUsername ?? undefined}>{name}</span>,
  },
  { title: 'Thao tác', dataIndex: 'action', key: 'action', width: 200, render: (a: string) => auditActionLabel(a) },
  { title: 'Đối tượng', key: 'entity', width: 260, render: (_v, e) => <AuditSubject entry={e} /> },
  { title: 'Đơn vị', dataIndex: 'unitName', key: 'unit', width: 240, render: (v: string | null) => v ?? '—' },
];

/** The object by its name, linked to its page; by its kind alone when the server did not name it (outside the caller's scope, or gone). */
function AuditSubject({ entry }: { entry: AuditEntry }) {
  const kind = entityTypeLabel(entry.entityType);
  if (!entry.entityName) return <span>{kind}</span>;
  return (
    <span data-testid="audit-subject">
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {kind}
      </Typography.Text>
      {entry.entityLink ? <Link to={entry.entityLink}>{entry.entityName}</Link> : entry.entityName}
    </span>
  );
}

export function AuditTable({ data, loading, page, pageSize, onPageChange }: AuditTableProps) {
  return (
    <Table<AuditEntry>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 'max-content' }}
      expandable={{
        expandedRowRender: (e) => <AuditDiff before={e.before} after={e.after} />,
        rowExpandable: (e) => e.before != null || e.after != null,
      }}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (total) => `${total} mục`,
        onChange: onPageChange,
      }}
      locale={{ emptyText: 'Không có mục nhật ký nào trong phạm vi đã chọn.' }}
      data-testid="audit-table"
    />
  );
}
