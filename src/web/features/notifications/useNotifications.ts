import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client.js';
import { ME_QUERY_KEY } from '../auth/authContext.js';

const NOTIFICATIONS = ['notifications'] as const;
const PREFERENCES = ['preferences'] as const;

/** One's notifications (newest 100) and the unread count; refreshed every minute (reminders go out by the minute). */
export function useNotifications(options: { unreadOnly?: boolean } = {}) {
  const unread = options.unreadOnly ? 'true' : undefined;
  return useQuery({
    queryKey: [...NOTIFICATIONS, unread ?? 'all'] as const,
    queryFn: () => data(api.GET('/api/v1/notifications', { params: { query: { unread } } })),
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => data(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => data(api.POST('/api/v1/notifications/read-all')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS }),
  });
}

export function usePreferences() {
  return useQuery({ queryKey: PREFERENCES, queryFn: () => data(api.GET('/api/v1/auth/me/preferences')) });
}

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { emailNotifications?: boolean; email?: string | null }) => data(api.PATCH('/api/v1/auth/me/preferences', { body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(PREFERENCES, saved);
      void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}
