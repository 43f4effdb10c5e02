import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { DirectiveQuery } from '../api/types.js';
import { ErrorResult } from '../components/ErrorResult.js';
import { SearchInput } from '../components/SearchInput.js';
import { useMe } from '../features/auth/authContext.js';
import { editsSomewhere } from '../features/auth/roleChecks.js';
import { DirectiveFilters, type DirectiveFilterValues } from '../features/directives/DirectiveFilters.js';
import { DirectiveTable } from '../features/directives/DirectiveTable.js';
import { useDirectiveList } from '../features/directives/useDirectives.js';
import { dayjs } from '../lib/time.js';

const SEARCH_DELAY_MS = 300;

function positive(raw: string | null, fallback: number): number {
  const n = Number(raw);
  return raw && Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The register: search and filters live in the address, so "back" from a directive keeps them. */
export function DirectivesPage() {
  const navigate = useNavigate();
  const me = useMe();
  const { q, page, pageSize, filters, query, update } = useRegisterAddress();

  const [text, setText] = useState(q);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      if (text.trim() !== q) update({ q: text.trim(), page: null });
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const list = useDirectiveList(query);

  return (
    <>
      <title>Văn bản chỉ đạo — Lan Tỏa</title>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          Văn bản chỉ đạo
        </Typography.Title>
        {/* A viewer only reads the register: no "Đăng ký văn bản". */}
        {editsSomewhere(me) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/van-ban/dang-ky')} data-testid="directive-register">
            Đăng ký văn bản
          </Button>
        )}
      </Flex>
      <Card styles={{ body: { padding: 12 } }}>
        <Flex vertical gap={12}>
          <SearchInput
            testId="directive-search"
            placeholder="Tìm theo trích yếu (không cần gõ dấu)…"
            aria-label="Tìm văn bản theo trích yếu"
            allowClear
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(value) => {
              setText(value);
              update({ q: value.trim(), page: null });
            }}
            loading={list.isFetching && text.trim() === q && q !== ''}
            style={{ maxWidth: 560 }}
          />
          <DirectiveFilters value={filters} onChange={(next) => update({ ...filterParams(next), page: null })} />
          {list.isError ? (
            <ErrorResult error={list.error} onRetry={() => void list.refetch()} title="Chưa tải được sổ văn bản" />
          ) : (
            <DirectiveTable
              data={list.data}
              loading={list.isFetching}
              page={page}
              pageSize={pageSize}
              onPageChange={(p, size) => update(size !== pageSize ? { pageSize: size, page: null } : { page: p })}
            />
          )}
        </Flex>
      </Card>
    </>
  );
}

/** The search, filters and page of the register, read from the address, and how to change them there. */
function useRegisterAddress() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = positive(params.get('page'), 1);
  const pageSize = positive(params.get('pageSize'), 50);
  const from = params.get('from');
  const to = params.get('to');
  const filters: DirectiveFilterValues = {
    numberSymbol: params.get('numberSymbol') ?? '',
    issuer: params.get('issuer') ?? '',
    docType: params.get('docType'),
    range: from && to ? [dayjs(from, 'YYYY-MM-DD'), dayjs(to, 'YYYY-MM-DD')] : null,
  };

  const update = (changes: Record<string, string | number | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        return next;
      },
      { replace: true },
    );

  const query = useMemo<DirectiveQuery>(
    () => ({
      q: q || undefined,
      numberSymbol: filters.numberSymbol || undefined,
      issuer: filters.issuer || undefined,
      docType: filters.docType ?? undefined,
      from: from ?? undefined,
      to: to ?? undefined,
      page,
      pageSize,
    }),
    [q, filters.numberSymbol, filters.issuer, filters.docType, from, to, page, pageSize],
  );
  return { q, page, pageSize, filters, query, update };
}

/** The address parameters of the filters (an empty value removes its parameter). */
function filterParams(next: DirectiveFilterValues): Record<string, string | null> {
  return {
    numberSymbol: next.numberSymbol,
    issuer: next.issuer,
    docType: next.docType,
    from: next.range ? next.range[0].format('YYYY-MM-DD') : null,
    to: next.range ? next.range[1].format('YYYY-MM-DD') : null,
  };
}
