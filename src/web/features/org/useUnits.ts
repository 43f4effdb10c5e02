import { api, data } from '../../api/client.js';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { indexUnits, type UnitIndex } from '../../lib/unitTree.js';

export const unitKeys = {
  all: ['units'] as const,
  list: () => ['units', 'list'] as const,
  search: (q: string) => ['units', 'search', q] as const,
  detail: (id: number) => ['units', 'detail', id] as const,
};

/** Every unit the caller may see (shared by the tree, TreeSelects and labels; fetched early by the report page's prefetch). */
export const unitListQuery = { queryKey: unitKeys.list(), queryFn: () => data(api.GET('/api/v1/units')), staleTime: 60_000 };

export function useUnitList() {
  return useQuery(unitListQuery);
}

export function useUnitIndex(): { index: UnitIndex | null; query: ReturnType<typeof useUnitList> } {
  const query = useUnitList();
  const index = useMemo(() => (query.data ? indexUnits(query.data) : null), [query.data]);
  return { index, query };
}

export function useUnitSearch(q: string) {
  const trimmed = q.trim();
  return useQuery({
    queryKey: unitKeys.search(trimmed),
    queryFn: ({ signal }) => data(api.GET('/api/v1/units', { params: { query: { q: trimmed } }, signal })),
    enabled: trimmed.length > 0,
    placeholderData: (previous) => previous,
  });
}

export function useUnitDetail(id: number | null) {
  return useQuery({
    queryKey: unitKeys.detail(id ?? 0),
    queryFn: () => data(api.GET('/api/v1/units/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== null,
  });
}
