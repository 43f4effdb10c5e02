import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Unit } from '../api/types.js';
import { ErrorResult } from '../components/ErrorResult.js';
import { SearchInput } from '../components/SearchInput.js';
import { useMe } from '../features/auth/authContext.js';
import { UnitDetailPanel } from '../features/org/UnitDetailPanel.js';
import { UnitFormDrawer, type UnitFormMode } from '../features/org/UnitFormDrawer.js';
import { UnitImportExport } from '../features/org/UnitImportExport.js';
import { UnitTree } from '../features/org/UnitTree.js';
import { useUnitIndex, useUnitSearch } from '../features/org/useUnits.js';
import { useIsMobile } from '../lib/useIsMobile.js';

const SEARCH_DELAY_MS = 300;

function parseId(raw: string | null): number | null {
  if (!raw) return null;
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** The units (/don-vi): the tree with its search beside the chosen unit (?id=), and the unit form. */
export function UnitsPage() {
  const me = useMe();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const selectedId = parseId(params.get('id'));

  const [formMode, setFormMode] = useState<UnitFormMode | null>(null);
  const detailRef = useRef<HTMLDivElement>(null);

  const select = (id: number, scroll = true) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('id', String(id));
        return next;
      },
      { replace: false },
    );
    if (scroll && isMobile) {
      window.setTimeout(() => detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
    }
  };

  return (
    <>
      <title>Đơn vị — Lan Tỏa</title>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          Đơn vị
        </Typography.Title>
        {me.permissions.manageUnits && (
          <Flex gap={8} wrap>
            {me.permissions.isSystemAdmin && (
              <Button icon={<PlusOutlined />} onClick={() => setFormMode({ type: 'create', parent: null })}>
                Thêm đơn vị cấp cao nhất
              </Button>
            )}
            <UnitImportExport />
          </Flex>
        )}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={11} lg={10} xl={9}>
          <UnitBrowser selectedId={selectedId} onSelect={(id) => select(id)} />
        </Col>
        <Col xs={24} md={13} lg={14} xl={15}>
          <div ref={detailRef} style={{ scrollMarginTop: 72 }}>
            <UnitDetailPanel
              unitId={selectedId}
              onSelect={(id) => select(id, false)}
              onEdit={(unit) => setFormMode({ type: 'edit', unit })}
              onAddChild={(unit) => setFormMode({ type: 'create', parent: unit })}
            />
          </div>
        </Col>
      </Row>
      <UnitFormDrawer
        mode={formMode}
        onClose={() => setFormMode(null)}
        onSaved={(unit) => {
          setFormMode(null);
          select(unit.id, false);
        }}
      />
    </>
  );
}

/** The unit tree and its search (accents ignored): matches and their ancestors while searching. */
function UnitBrowser({ selectedId, onSelect }: { selectedId: number | null; onSelect: (id: number) => void }) {
  const isMobile = useIsMobile();
  const { index, query: listQuery } = useUnitIndex();

  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  const search = useUnitSearch(q);
  const matches: readonly Unit[] | null = q ? (search.data ?? null) : null;
  const treeHeight = isMobile ? 420 : Math.max(420, window.innerHeight - 300);

  return (
    <Card styles={{ body: { padding: isMobile ? 12 : 16 } }}>
      <SearchInput
        testId="unit-search"
        placeholder="Tìm đơn vị (không cần gõ dấu)…"
        aria-label="Tìm đơn vị"
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(value) => {
          setText(value);
          setQ(value.trim());
        }}
        loading={search.isFetching}
        style={{ marginBottom: 12 }}
      />
      <div data-testid="unit-tree">
        {listQuery.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
        {listQuery.isError && (
          <ErrorResult error={listQuery.error} onRetry={() => void listQuery.refetch()} title="Chưa tải được danh sách đơn vị" />
        )}
        {q && search.isError && (
          <ErrorResult error={search.error} onRetry={() => void search.refetch()} title="Chưa tìm được đơn vị" />
        )}
        {index && !(q && search.isError) && !(q && search.isPending) && (
          <UnitTree
            index={index}
            matches={matches}
            query={q}
            selectedId={selectedId}
            onSelect={onSelect}
            height={treeHeight}
          />
        )}
        {index && q && search.isPending && <Skeleton active paragraph={{ rows: 4 }} />}
      </div>
    </Card>
  );
}
