import { api, data } from '../../api/client.js';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DirectiveQuery, DraftListQuery } from '../../api/types.js';

export const directiveKeys = {
  all: ['directives'] as const,
  list: (query: DirectiveQuery) => ['directives', 'list', query] as const,
  detail: (id: number) => ['directives', 'detail', id] as const,
  cascade: (id: number) => ['directives', 'cascade', id] as const,
  draft: (id: number) => ['drafts', id] as const,
  drafts: (query: DraftListQuery) => ['drafts', 'list', query] as const,
};

export function useDirectiveList(query: DirectiveQuery) {
  return useQuery({ queryKey: directiveKeys.list(query), queryFn: () => data(api.GET('/api/v1/directives', { params: { query: { page: 1, pageSize: 50, ...query } } })), placeholderData: keepPreviousData });
}

export function useDirective(id: number | null) {
  return useQuery({ queryKey: directiveKeys.detail(id ?? 0), queryFn: () => data(api.GET('/api/v1/directives/{id}', { params: { path: { id: id ?? 0 } } })), enabled: id !== null });
}

export function useCascade(id: number | null) {
  return useQuery({ queryKey: directiveKeys.cascade(id ?? 0), queryFn: () => data(api.GET('/api/v1/directives/{id}/cascade', { params: { path: { id: id ?? 0 } } })), enabled: id !== null });
}

export function useDraft(id: number | null) {
  return useQuery({ queryKey: directiveKeys.draft(id ?? 0), queryFn: () => data(api.GET('/api/v1/drafts/{id}', { params: { path: { id: id ?? 0 } } })), enabled: id !== null });
}

/** The drafts of the user's units (and their subtrees), optionally of one parent directive. */
export function useDraftList(query: DraftListQuery, enabled = true) {
  return useQuery({ queryKey: directiveKeys.drafts(query), queryFn: () => data(api.GET('/api/v1/drafts', { params: { query } })), enabled });
}

/** A positive integer route parameter, or null. */
export function parseRouteId(raw: string | undefined): number | null {
  const n = Number(raw);
  return raw && Number.isInteger(n) && n > 0 ? n : null;
}
