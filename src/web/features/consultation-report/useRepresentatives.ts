import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client.js';
import type { RepresentativeCandidateQuery } from '../../api/types.js';
import { reportKeys } from './useWeeklyReport.js';

export const candidateKeys = {
  all: ['representative-candidates'] as const,
  list: (code: string, unitId: number, query: Omit<RepresentativeCandidateQuery, 'cursor'>) => ['representative-candidates', code, unitId, query] as const,
};

/** The opinions to pick from, page after page ("Xem thêm"), newest first. */
export function useRepresentativeCandidates(code: string, unitId: number, query: Omit<RepresentativeCandidateQuery, 'cursor'>, enabled: boolean) {
  const path = { code, unitId };
  return useInfiniteQuery({
    queryKey: candidateKeys.list(code, unitId, query),
    queryFn: ({ pageParam, signal }) => data(api.GET('/api/v1/consultations/{code}/reports/{unitId}/opinions', { params: { path, query: { ...query, cursor: pageParam ?? undefined } }, signal })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.hasMore ? last.nextCursor : null),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Pick, carry up and unpick: each refreshes the report and the pick list. */
export function useRepresentativeMutations(code: string, unitId: number, periodEnd: string) {
  const client = useQueryClient();
  const path = { code, unitId };
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: reportKeys.all }), client.invalidateQueries({ queryKey: candidateKeys.all })]);
  const pick = useMutation({
    mutationFn: (input: { opinionId: number; note: string | null }) => data(api.POST('/api/v1/consultations/{code}/reports/{unitId}/representatives', { params: { path }, body: { periodEnd, ...input } })),
    onSettled: refresh,
  });
  const carryUp = useMutation({
    mutationFn: (input: { fromUnitId: number; opinionId: number }) => data(api.POST('/api/v1/consultations/{code}/reports/{unitId}/representatives/carry-up', { params: { path }, body: { periodEnd, ...input } })),
    onSettled: refresh,
  });
  const unpick = useMutation({
    mutationFn: (id: number) => data(api.DELETE('/api/v1/consultations/{code}/reports/{unitId}/representatives/{id}', { params: { path: { ...path, id } } })),
    onSettled: refresh,
  });
  return { pick, carryUp, unpick };
}
