import { api, data } from '../../api/client.js';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditQuery } from '../../api/types.js';

export function useAuditPage(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query] as const,
    queryFn: () => data(api.GET('/api/v1/audit', { params: { query: { page: 1, pageSize: 50, ...query } } })),
    placeholderData: keepPreviousData,
  });
}
