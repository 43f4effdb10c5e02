import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getWeeklyReportView, listConsultations, submitWeeklyReport } from '../../api/endpoints.js';

export const reportKeys = {
  consultations: ['consultations'] as const,
  all: ['weekly-report'] as const,
  view: (code: string, unitId: number, periodEnd: string) => ['weekly-report', code, unitId, periodEnd] as const,
};

export function useConsultations() {
  return useQuery({ queryKey: reportKeys.consultations, queryFn: listConsultations });
}

/** The live weekly report: refreshed every minute while the page is open (feedback keeps arriving). */
export function useWeeklyReportView(code: string | null, unitId: number | null, periodEnd: string | null) {
  return useQuery({
    queryKey: reportKeys.view(code ?? '', unitId ?? 0, periodEnd ?? ''),
    queryFn: () => getWeeklyReportView(code ?? '', unitId ?? 0, periodEnd ?? undefined),
    enabled: code !== null && unitId !== null && periodEnd !== null,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

export function useSubmitWeeklyReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string; unitId: number; periodEnd: string }) => submitWeeklyReport(input.code, input.unitId, input.periodEnd),
    onSettled: () => client.invalidateQueries({ queryKey: reportKeys.all }),
  });
}
