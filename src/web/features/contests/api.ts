/** Every call of the organiser's contest pages (issue 14), through the generated openapi-fetch client. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, formData } from '../../api/client.js';
import type { ContestDefinition, QuestionFilter, QuestionInput } from './organiserTypes.js';

export const contestKeys = {
  all: ['contests'] as const,
  list: () => ['contests', 'list'] as const,
  one: (id: number) => ['contests', id] as const,
  questions: (id: number, filter: QuestionFilter) => ['contests', id, 'questions', filter] as const,
  versions: (questionId: number) => ['contests', 'question-versions', questionId] as const,
  results: (id: number, round: number, offset: number, limit: number) => ['contests', id, 'round', round, 'results', offset, limit] as const,
  flags: (id: number, round: number) => ['contests', id, 'round', round, 'flags'] as const,
  items: (id: number, round: number) => ['contests', id, 'round', round, 'items'] as const,
  participation: (id: number, unitId: number | null, round: number | null) => ['contests', id, 'participation', unitId, round] as const,
  series: (id: number, unitId: number | null) => ['contests', id, 'series', unitId] as const,
  collective: (id: number, round: number | null) => ['contests', id, 'collective', round] as const,
  headcount: (unitId: number) => ['contests', 'headcount', unitId] as const,
};

const path = (id: number) => ({ path: { id } });
const roundPath = (id: number, number: number) => ({ path: { id, number } });

export function useContests() {
  return useQuery({ queryKey: contestKeys.list(), queryFn: () => data(api.GET('/api/v1/contests', { params: { query: {} } })) });
}

export function useContest(id: number | null) {
  return useQuery({ queryKey: contestKeys.one(id ?? 0), queryFn: () => data(api.GET('/api/v1/contests/{id}', { params: path(id ?? 0) })), enabled: id !== null });
}

export function useSaveContest(id: number | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContestDefinition) =>
      id === null ? data(api.POST('/api/v1/contests', { body: body as never })) : data(api.PUT('/api/v1/contests/{id}', { params: path(id), body: body as never })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contestKeys.all }),
  });
}

export function useQuestions(id: number, filter: QuestionFilter) {
  return useQuery({
    queryKey: contestKeys.questions(id, filter),
    queryFn: () => data(api.GET('/api/v1/contests/{id}/questions', { params: { path: { id }, query: filter } })),
    placeholderData: keepPreviousData,
  });
}

export function useQuestionVersions(questionId: number | null) {
  return useQuery({
    queryKey: contestKeys.versions(questionId ?? 0),
    queryFn: () => data(api.GET('/api/v1/contest-questions/{id}/versions', { params: path(questionId ?? 0) })),
    enabled: questionId !== null,
  });
}

export function useSaveQuestion(contestId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ questionId, body }: { questionId: number | null; body: QuestionInput }) =>
      questionId === null
        ? data(api.POST('/api/v1/contests/{id}/questions', { params: path(contestId), body: body as never }))
        : data(api.PUT('/api/v1/contest-questions/{id}', { params: path(questionId), body: body as never })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['contests', contestId, 'questions'] }),
  });
}

export function useImportQuestions(contestId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      data(api.POST('/api/v1/contests/{id}/questions/import', { params: path(contestId), body: { file } as never, bodySerializer: formData })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['contests', contestId, 'questions'] }),
  });
}

export function useRoundResults(id: number, round: number, offset: number, limit: number) {
  return useQuery({
    queryKey: contestKeys.results(id, round, offset, limit),
    queryFn: () => data(api.GET('/api/v1/contests/{id}/rounds/{number}/results', { params: { ...roundPath(id, round), query: { offset, limit } } })),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useRoundFlags(id: number, round: number) {
  return useQuery({ queryKey: contestKeys.flags(id, round), queryFn: () => data(api.GET('/api/v1/contests/{id}/rounds/{number}/flags', { params: roundPath(id, round) })), retry: false });
}

export function useItemStatistics(id: number, round: number) {
  return useQuery({ queryKey: contestKeys.items(id, round), queryFn: () => data(api.GET('/api/v1/contests/{id}/rounds/{number}/item-statistics', { params: roundPath(id, round) })), retry: false });
}

/** Close now, confirm, review a flag: each refreshes the contest's pages. */
export function useRoundActions(id: number, round: number) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: contestKeys.all });
  return {
    close: useMutation({ mutationFn: () => data(api.POST('/api/v1/contests/{id}/rounds/{number}/close', { params: roundPath(id, round) })), onSuccess: refresh }),
    confirm: useMutation({ mutationFn: () => data(api.POST('/api/v1/contests/{id}/rounds/{number}/confirm', { params: roundPath(id, round) })), onSuccess: refresh }),
    review: useMutation({
      mutationFn: ({ flagId, decision, note }: { flagId: number; decision: 'cleared' | 'excluded'; note: string }) =>
        data(api.POST('/api/v1/contest-flags/{id}/review', { params: path(flagId), body: { decision, note } })),
      onSuccess: refresh,
    }),
  };
}

export function useParticipation(id: number, unitId: number | null, round: number | null) {
  return useQuery({
    queryKey: contestKeys.participation(id, unitId, round),
    queryFn: () => data(api.GET('/api/v1/contests/{id}/participation', { params: { path: { id }, query: { unitId: unitId ?? undefined, round: round ?? undefined } } })),
    placeholderData: keepPreviousData,
  });
}

export function useParticipationSeries(id: number, unitId: number | null) {
  return useQuery({
    queryKey: contestKeys.series(id, unitId),
    queryFn: () => data(api.GET('/api/v1/contests/{id}/participation/series', { params: { path: { id }, query: { unitId: unitId ?? undefined } } })),
    placeholderData: keepPreviousData,
  });
}

export function useCollectiveRanking(id: number, round: number | null) {
  return useQuery({
    queryKey: contestKeys.collective(id, round),
    queryFn: () => data(api.GET('/api/v1/contests/{id}/collective-ranking', { params: { path: { id }, query: { round: round ?? undefined } } })),
  });
}

export function useHeadcount(unitId: number | null) {
  return useQuery({
    queryKey: contestKeys.headcount(unitId ?? 0),
    queryFn: () => data(api.GET('/api/v1/units/{unitId}/headcount', { params: { path: { unitId: unitId ?? 0 } } })),
    enabled: unitId !== null,
    retry: false,
  });
}

export function useSaveHeadcount(unitId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { headcount: number | null; label: string }) => data(api.PUT('/api/v1/units/{unitId}/headcount', { params: { path: { unitId } }, body: body as never })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contestKeys.all }),
  });
}
