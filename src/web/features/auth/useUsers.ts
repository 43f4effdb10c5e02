import { useQuery } from '@tanstack/react-query';
import { listUsers } from '../../api/endpoints.js';

export const userKeys = {
  all: ['users'] as const,
  list: (q: string) => ['users', 'list', q] as const,
};

export function useUserList(q: string) {
  return useQuery({
    queryKey: userKeys.list(q),
    queryFn: () => listUsers(q || undefined),
    placeholderData: (previous) => previous,
  });
}
