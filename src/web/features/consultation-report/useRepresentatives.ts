import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  carryUpRepresentative,
  listRepresentativeCandidates,
  pickRepresentative,
  unpickRepresentative,
  type RepresentativeCandidateQuery,
} from '../../api/endpoints.js';
import { reportKeys } from './useWeeklyReport.js';

export const candidateKeys = {
  all: ['representative-candidates'] as const,
  list: (code: string, unitId: number, query: Omit<RepresentativeCandidateQuery, 'cursor'>) => ['representative-candidates', code, unitId, query] as const,
};

/** The opinions to pick from, page after page ("Xem thêm"), newest first. */
export function useRepresentativeCandidates(code: string, unitId: number, query: Omit<RepresentativeCandidateQuery, 'cursor'>, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: candidateKeys.list(code, unitId, query),
    queryFn: ({ pageParam, signal }) => listRepresentativeCandidates(code, unitId, { ...query, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.hasMore ? last.nextCursor : null),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Pick, carry up and unpick: each refreshes the report and the pick list. */
export function useRepresentativeMutations(code: string, unitId: number, periodEnd: string) {
  const client = useQueryClient();
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: reportKeys.all }), client.invalidateQueries({ queryKey: candidateKeys.all })]);
  const pick = useMutation({
    mutationFn: (input: { opinionId: number; note: string | null }) => pickRepresentative(code, unitId, { periodEnd, ...input }),
    onSettled: refresh,
  });
  const carryUp = useMutation({
    mutationFn: (input: { fromUnitId: number; opinionId: number }) => carryUpRepresentative(code, unitId, { periodEnd, ...input }),
    onSettled: refresh,
  });
  const unpick = useMutation({
    mutationFn: (id: number) => unpickRepresentative(code, unitId, id),
    onSettled: refresh,
  });
  return { pick, carryUp, unpick };
}
