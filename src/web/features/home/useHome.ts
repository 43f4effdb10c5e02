import { useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client.js';
import type { HomeItemDue } from '../../api/types.js';

/** What the user's units must do now (GET /api/v1/home). */
export function useHome() {
  return useQuery({ queryKey: ['home'] as const, queryFn: () => data(api.GET('/api/v1/home')) });
}

export interface HomeGroup {
  title: string;
  items: HomeItemDue[];
}

/** The items under their group's heading, the groups in the order of their first item (the server sorts overdue first). */
export function groupItems(items: readonly HomeItemDue[]): HomeGroup[] {
  const groups = new Map<string, HomeItemDue[]>();
  for (const item of items) groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
  return [...groups].map(([title, grouped]) => ({ title, items: grouped }));
}
