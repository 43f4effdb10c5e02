import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listAudit } from '../../api/endpoints.js';
import type { AuditQuery } from '../../api/types.js';

export function useAuditPage(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query] as const,
    queryFn: () => listAudit(query),
    placeholderData: keepPreviousData,
  });
}
