import { Card, Flex, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { AuditQuery } from '../api/types.js';
import { ErrorResult } from '../components/ErrorResult.js';
import { AuditFilters, type AuditFilterValues } from '../features/audit/AuditFilters.js';
import { AuditTable } from '../features/audit/AuditTable.js';
import { useAuditPage } from '../features/audit/useAudit.js';
import { vnDayEndIso, vnDayStartIso } from '../lib/time.js';

export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilterValues>({ unitId: null, action: null, range: null });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);

  const query = useMemo<AuditQuery>(
    () => ({
      unitId: filters.unitId ?? undefined,
      action: filters.action ?? undefined,
      // The picked calendar days are Vietnam days, whatever the browser's zone.
      from: filters.range ? vnDayStartIso(filters.range[0].format('YYYY-MM-DD')) : undefined,
      to: filters.range ? vnDayEndIso(filters.range[1].format('YYYY-MM-DD')) : undefined,
      page,
      pageSize,
    }),
    [filters, page, pageSize],
  );
  const audit = useAuditPage(query);

  return (
    <>
      <title>Nhật ký thao tác — Lan Tỏa</title>
      <Typography.Title level={1} style={{ marginTop: 0 }}>
        Nhật ký thao tác
      </Typography.Title>
      <Card styles={{ body: { padding: 12 } }}>
        <Flex vertical gap={12}>
          <AuditFilters
            value={filters}
            onChange={(next) => {
              setFilters(next);
              setPage(1);
            }}
          />
          <Typography.Text type="secondary">Thời gian hiển thị theo giờ Việt Nam (GMT+7).</Typography.Text>
          {audit.isError ? (
            <ErrorResult error={audit.error} onRetry={() => void audit.refetch()} title="Chưa tải được nhật ký" />
          ) : (
            <AuditTable
              data={audit.data}
              loading={audit.isFetching}
              page={page}
              pageSize={pageSize}
              onPageChange={(p, size) => {
                if (size !== pageSize) {
                  setPageSize(size);
                  setPage(1);
                } else {
                  setPage(p);
                }
              }}
            />
          )}
        </Flex>
      </Card>
    </>
  );
}
