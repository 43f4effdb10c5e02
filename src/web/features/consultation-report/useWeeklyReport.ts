import { api, data } from '../../api/client.js';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

export const reportKeys = {
  consultations: ['consultations'] as const,
  all: ['weekly-report'] as const,
  view: (code: string, unitId: number, periodEnd: string) => ['weekly-report', code, unitId, periodEnd] as const,
};

export function useConsultations() {
  return useQuery({ queryKey: reportKeys.consultations, queryFn: () => data(api.GET('/api/v1/consultations')) });
}

/** The live weekly report: refreshed every minute while the page is open (feedback keeps arriving). */
export function useWeeklyReportView(code: string | null, unitId: number | null, periodEnd: string | null) {
  return useQuery({
    queryKey: reportKeys.view(code ?? '', unitId ?? 0, periodEnd ?? ''),
    queryFn: () => data(api.GET('/api/v1/consultations/{code}/reports/{unitId}', { params: { path: { code: code ?? '', unitId: unitId ?? 0 }, query: { periodEnd: periodEnd ?? undefined } } })),
    enabled: code !== null && unitId !== null && periodEnd !== null,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

export function useSubmitWeeklyReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string; unitId: number; periodEnd: string }) => data(api.POST('/api/v1/consultations/{code}/reports/{unitId}/submit', { params: { path: { code: input.code, unitId: input.unitId } }, body: { periodEnd: input.periodEnd } })),
    onSettled: () => client.invalidateQueries({ queryKey: reportKeys.all }),
  });
}
