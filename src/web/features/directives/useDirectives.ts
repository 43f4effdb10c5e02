import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getCascade, getDirective, getDraft, listDirectives } from '../../api/endpoints.js';
import type { DirectiveQuery } from '../../api/types.js';

export const directiveKeys = {
  all: ['directives'] as const,
  list: (query: DirectiveQuery) => ['directives', 'list', query] as const,
  detail: (id: number) => ['directives', 'detail', id] as const,
  cascade: (id: number) => ['directives', 'cascade', id] as const,
  draft: (id: number) => ['drafts', id] as const,
};

export function useDirectiveList(query: DirectiveQuery) {
  return useQuery({ queryKey: directiveKeys.list(query), queryFn: () => listDirectives(query), placeholderData: keepPreviousData });
}

export function useDirective(id: number | null) {
  return useQuery({ queryKey: directiveKeys.detail(id ?? 0), queryFn: () => getDirective(id ?? 0), enabled: id !== null });
}

export function useCascade(id: number | null) {
  return useQuery({ queryKey: directiveKeys.cascade(id ?? 0), queryFn: () => getCascade(id ?? 0), enabled: id !== null });
}

export function useDraft(id: number | null) {
  return useQuery({ queryKey: directiveKeys.draft(id ?? 0), queryFn: () => getDraft(id ?? 0), enabled: id !== null });
}

/** A positive integer route parameter, or null. */
export function parseRouteId(raw: string | undefined): number | null {
  const n = Number(raw);
  return raw && Number.isInteger(n) && n > 0 ? n : null;
}
