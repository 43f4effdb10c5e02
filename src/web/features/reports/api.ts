/** Every call of the reports pages to the API (issue 13), through the generated openapi-fetch client. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, formData } from '../../api/client.js';
import type { ReportContent } from '../../../shared/report-form.js';
import type { components } from '../../api/schema.js';
import type { RegimeDefinition } from './types.js';

/** The address of a unit's period: regime, period closing date, unit. */
export interface PeriodUnit {
  regimeId: number;
  periodEnd: string;
  unitId: number;
}

const unitPath = (p: PeriodUnit) => ({ path: { id: p.regimeId, periodEnd: p.periodEnd, unitId: p.unitId } });

export const reportKeys = {
  all: ['reports'] as const,
  regimes: () => ['reports', 'regimes'] as const,
  regime: (id: number) => ['reports', 'regime', id] as const,
  periods: (id: number) => ['reports', 'regime', id, 'periods'] as const,
  monitoring: (id: number, unitId: number | null) => ['reports', 'regime', id, 'monitoring', unitId] as const,
  unit: (p: PeriodUnit) => ['reports', 'regime', p.regimeId, 'period', p.periodEnd, 'unit', p.unitId] as const,
};

export function useRegimes() {
  return useQuery({ queryKey: reportKeys.regimes(), queryFn: () => data(api.GET('/api/v1/report-regimes')) });
}

export function useRegime(id: number | null) {
  return useQuery({ queryKey: reportKeys.regime(id ?? 0), queryFn: () => data(api.GET('/api/v1/report-regimes/{id}', { params: { path: { id: id ?? 0 } } })), enabled: id !== null });
}

export function useRegimePeriods(id: number) {
  return useQuery({ queryKey: reportKeys.periods(id), queryFn: () => data(api.GET('/api/v1/report-regimes/{id}/periods', { params: { path: { id } } })) });
}

export function useMonitoring(id: number, unitId: number | null) {
  return useQuery({
    queryKey: reportKeys.monitoring(id, unitId),
    queryFn: () => data(api.GET('/api/v1/report-regimes/{id}/monitoring', { params: { path: { id }, query: { unitId: unitId ?? undefined, periods: 12 } } })),
    enabled: unitId !== null,
    placeholderData: keepPreviousData,
  });
}

/** Saves a regime: POST for a new one, PUT for an existing one. */
export function useSaveRegime(id: number | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (definition: RegimeDefinition) => {
      // Unit kinds are checked by the API (the editor offers only known ones).
      const body = definition as components['schemas']['ReportRegimeDefinition'];
      return id === null ? data(api.POST('/api/v1/report-regimes', { body })) : data(api.PUT('/api/v1/report-regimes/{id}', { params: { path: { id } }, body }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

export function useArchiveRegime(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => data(api.POST('/api/v1/report-regimes/{id}/archive', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

/** A definition draft from a directive's text (frequency and deadlines from its deadline rule). */
export function useProposal() {
  return useMutation({ mutationFn: (text: string) => data(api.POST('/api/v1/report-regimes/proposal', { body: { text } })) });
}

export function useUnitReport(p: PeriodUnit) {
  return useQuery({ queryKey: reportKeys.unit(p), queryFn: () => data(api.GET('/api/v1/report-regimes/{id}/periods/{periodEnd}/units/{unitId}/report', { params: unitPath(p) })) });
}

export function useConsolidation(p: PeriodUnit, enabled: boolean) {
  return useQuery({ queryKey: [...reportKeys.unit(p), 'consolidation'], queryFn: () => data(api.GET('/api/v1/report-regimes/{id}/periods/{periodEnd}/units/{unitId}/consolidation', { params: unitPath(p) })), enabled });
}

/** The status of a unit's period (its children with their latest submissions' ids, for the review buttons). */
export function useReportStatus(p: PeriodUnit, enabled: boolean) {
  return useQuery({ queryKey: [...reportKeys.unit(p), 'status'], queryFn: () => data(api.GET('/api/v1/report-regimes/{id}/periods/{periodEnd}/units/{unitId}/status', { params: unitPath(p) })), enabled });
}

export function fetchVersion(p: PeriodUnit, version: number) {
  return data(api.GET('/api/v1/report-regimes/{id}/periods/{periodEnd}/units/{unitId}/report/versions/{version}', { params: { path: { ...unitPath(p).path, version } } }));
}

export function saveDraft(p: PeriodUnit, content: ReportContent): Promise<{ savedAt: string }> {
  return data(api.PUT('/api/v1/report-regimes/{id}/periods/{periodEnd}/units/{unitId}/report/draft', { params: unitPath(p), body: { content } }));
}

/** Everything that shows a period's reports (this unit's page, the regime page, the home page). */
function useRefresh(p: PeriodUnit) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: reportKeys.regime(p.regimeId) });
    await queryClient.invalidateQueries({ queryKey: ['home'] });
  };
}

export function useSubmitReport(p: PeriodUnit) {
  const refresh = useRefresh(p);
  return useMutation({
    mutationFn: (content: ReportContent) => data(api.POST('/api/v1/report-regimes/{id}/periods/{periodEnd}/units/{unitId}/report/submit', { params: unitPath(p), body: { content } })),
    onSettled: refresh,
  });
}

export type ReviewAction = 'return' | 'approve' | 'reopen';

/** The recipient's review of a child's submission: return (reason), approve, reopen (reason). */
export function useReview(p: PeriodUnit) {
  const refresh = useRefresh(p);
  return useMutation({
    mutationFn: ({ submissionId, action, reason }: { submissionId: number; action: ReviewAction; reason?: string }) => {
      const path = { id: submissionId };
      if (action === 'approve') return data(api.POST('/api/v1/report-submissions/{id}/approve', { params: { path } }));
      const body = { reason: reason ?? '' };
      return action === 'return' ? data(api.POST('/api/v1/report-submissions/{id}/return', { params: { path }, body })) : data(api.POST('/api/v1/report-submissions/{id}/reopen', { params: { path }, body }));
    },
    onSettled: refresh,
  });
}

/** Loads a filled XLSX template into the draft (`submit`: also submits); a 422 lists the bad cells. */
export function useImportWorkbook(p: PeriodUnit) {
  const refresh = useRefresh(p);
  return useMutation({
    mutationFn: ({ file, submit }: { file: File; submit: boolean }) =>
      data(
        api.POST('/api/v1/report-regimes/{id}/periods/{periodEnd}/units/{unitId}/import', {
          params: { ...unitPath(p), query: submit ? { submit: 'true' } : {} },
          body: { file } as never,
          bodySerializer: formData,
        }),
      ),
    onSettled: refresh,
  });
}

/** The plain address of a download of this unit's period (report.docx, consolidation.docx|xlsx, template.xlsx). */
export function periodFileUrl(p: PeriodUnit, file: 'report.docx' | 'consolidation.docx' | 'consolidation.xlsx' | 'template.xlsx'): string {
  return `/api/v1/report-regimes/${p.regimeId}/periods/${encodeURIComponent(p.periodEnd)}/units/${p.unitId}/${file}`;
}
