import { Flex, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { AuditEntry, AuditPage } from '../../api/types.js';
import { auditActionLabel, entityTypeLabel } from '../../i18n/auditActions.js';
import { formatDateTime } from '../../lib/time.js';
import { useIsMobile } from '../../lib/useIsMobile.js';
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
    // The technical account name stays in the tooltip (e.g. `cli:root`), the cell speaks of people.
    render: (name: string, e) => <span title={e.actorUsername ?? undefined}>{name}</span>,
  },
  { title: 'Thao tác', dataIndex: 'action', key: 'action', render: (a: string) => auditActionLabel(a) },
  { title: 'Đối tượng', key: 'entity', render: (_v, e) => <AuditSubject entry={e} /> },
  { title: 'Đơn vị', dataIndex: 'unitName', key: 'unit', render: (v: string | null) => v ?? '—' },
];

/** On a phone one column: when and who, what was done, to what, in which unit. */
const mobileColumns: TableColumnsType<AuditEntry> = [
  {
    title: 'Thao tác',
    key: 'entry',
    render: (_v, e) => (
      <Flex vertical gap={2}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {formatDateTime(e.at)} — <span title={e.actorUsername ?? undefined}>{e.actorName}</span>
        </Typography.Text>
        <Typography.Text strong>{auditActionLabel(e.action)}</Typography.Text>
        <AuditSubject entry={e} />
        {e.unitName && <Typography.Text type="secondary">{e.unitName}</Typography.Text>}
      </Flex>
    ),
  },
];

/** Below this width the log scrolls sideways (a narrow tablet); on a desktop the columns share the width and wrap. */
const MIN_TABLE_WIDTH = 820;

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
  const isMobile = useIsMobile();
  return (
    <Table<AuditEntry>
      rowKey="id"
      size="middle"
      columns={isMobile ? mobileColumns : columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={isMobile ? undefined : { x: MIN_TABLE_WIDTH }}
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
