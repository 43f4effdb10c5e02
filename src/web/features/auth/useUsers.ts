import { api, data } from '../../api/client.js';
import { useQuery } from '@tanstack/react-query';

export const userKeys = {
  all: ['users'] as const,
  list: (q: string) => ['users', 'list', q] as const,
};

export function useUserList(q: string) {
  return useQuery({
    queryKey: userKeys.list(q),
    queryFn: () => data(api.GET('/api/v1/users', { params: { query: { q: q || undefined } } })),
    placeholderData: (previous) => previous,
  });
}
