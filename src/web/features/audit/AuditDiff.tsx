import { Table, Typography } from 'antd';
import { fieldLabel } from '../../i18n/auditActions.js';
import { diffRows, formatScalar, type DiffRow } from './auditDiff.js';

function Value({ field, value }: { field: string; value: unknown }) {
  const text = formatScalar(field, value);
  if (text !== null) return <span style={{ wordBreak: 'break-word' }}>{text}</span>;
  return <pre className="lt-json">{JSON.stringify(value, null, 2)}</pre>;
}

/** Before/after snapshots of an audit entry as a key / trước / sau table; changed rows stand out. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const rows = diffRows(before, after);
  if (rows.length === 0) return <Typography.Text type="secondary">Không có dữ liệu trước và sau.</Typography.Text>;
  return (
    <Table<DiffRow>
      size="small"
      rowKey={(r) => r.key || '_'}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowClassName={(r) => (r.changed ? '' : 'lt-unchanged')}
      onRow={(r) => ({ style: r.changed ? { background: '#fffbe6' } : { color: '#595959' } })}
      columns={[
        {
          title: 'Trường',
          dataIndex: 'key',
          width: 200,
          render: (key: string) => (key ? fieldLabel(key) : 'Giá trị'),
        },
        { title: 'Trước', key: 'before', width: 260, render: (_v, r) => <Value field={r.key} value={r.before} /> },
        { title: 'Sau', key: 'after', width: 260, render: (_v, r) => <Value field={r.key} value={r.after} /> },
      ]}
      data-testid="audit-diff"
    />
  );
}
