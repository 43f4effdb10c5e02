import { Flex, Input, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { CascadeUnit, CascadeUnitStatus } from '../../api/types.js';
import { statusColors, statusLabels } from '../../i18n/directives.js';
import { foldIncludes } from '../../lib/fold.js';
import { formatDateTime } from '../../lib/time.js';
import { useIsMobile } from '../../lib/useIsMobile.js';

const ORDER: Record<CascadeUnitStatus, number> = { none: 0, acknowledged: 1, implemented: 2 };

const statusTag = (u: CascadeUnit) => (
  <Tag color={statusColors[u.status]} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
    {statusLabels[u.status]}
  </Tag>
);
const unitLink = (u: CascadeUnit) => <Link to={`/don-vi?id=${u.unitId}`}>{u.unitName}</Link>;
const detail = (u: CascadeUnit) =>
  u.implementingDirectiveId !== null ? (
    <Link to={`/van-ban/${u.implementingDirectiveId}`}>Xem văn bản thực hiện</Link>
  ) : u.acknowledgedAt ? (
    <span style={{ whiteSpace: 'nowrap' }}>Nhận lúc {formatDateTime(u.acknowledgedAt)}</span>
  ) : null;

const columns: TableColumnsType<CascadeUnit> = [
  { title: 'Đơn vị', dataIndex: 'unitName', key: 'unit', render: (_name: string, u) => unitLink(u) },
  { title: 'Tình trạng', key: 'status', width: 200, render: (_v, u) => statusTag(u) },
  { title: 'Chi tiết', key: 'detail', width: 170, render: (_v, u) => detail(u) ?? '—' },
];

/** On a phone one column per unit: its name, its status and the link or the receipt time, all in sight. */
const mobileColumns: TableColumnsType<CascadeUnit> = [
  {
    title: 'Đơn vị',
    key: 'unit',
    render: (_v, u) => (
      <Flex vertical gap={4} align="flex-start">
        {unitLink(u)}
        {statusTag(u)}
        {detail(u)}
      </Flex>
    ),
  },
];

/** The addressed units of one directive, not-yet-acted first; paginated so thousands stay fast. */
export function CascadeUnitTable({ units, onlyNone }: { units: readonly CascadeUnit[]; onlyNone: boolean }) {
  const isMobile = useIsMobile();
  const [q, setQ] = useState('');
  const rows = useMemo(() => {
    const filtered = units.filter((u) => (!onlyNone || u.status === 'none') && (q === '' || foldIncludes(u.unitName, q)));
    return filtered.sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  }, [units, onlyNone, q]);
  return (
    <>
      {units.length > 10 && (
        <Input.Search
          allowClear
          placeholder="Tìm đơn vị (không cần gõ dấu)…"
          aria-label="Tìm đơn vị trong danh sách"
          onChange={(e) => setQ(e.target.value.trim())}
          onSearch={(v) => setQ(v.trim())}
          style={{ maxWidth: 360, marginBottom: 8 }}
        />
      )}
      <Table<CascadeUnit>
        rowKey="unitId"
        size="small"
        columns={isMobile ? mobileColumns : columns}
        dataSource={rows}
        scroll={isMobile ? undefined : { x: 560 }}
        pagination={{ defaultPageSize: 10, showSizeChanger: true, pageSizeOptions: [10, 50, 100], showTotal: (total) => `${total} đơn vị`, hideOnSinglePage: true }}
        locale={{ emptyText: onlyNone ? 'Mọi đơn vị đã nhận hoặc đã thực hiện.' : 'Không có đơn vị nào.' }}
      />
    </>
  );
}
