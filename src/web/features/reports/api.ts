/**
 * Every call of the reports pages to the API, in one file (issue 13 paths of i13-common). Until the
 * reports routes are in the OpenAPI document the calls go through `reportsApi`, the same openapi-fetch
 * client (CSRF, errors, session expiry) seen without its generated path types; once `npm run
 * api:client` knows the routes, `reportsApi` becomes `api` and the shapes come from schema.d.ts.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, formData } from '../../api/client.js';
import type { ReportContent } from '../../../shared/report-form.js';
import type { ConsolidatedReport, FrozenVersion, Monitoring, PeriodRef, RegimeDefinition, RegimeDetail, RegimeSummary, SaveRegimeResult, UnitReport } from './types.js';

interface Init {
  params?: { path?: Record<string, string | number>; query?: Record<string, string | number | boolean | undefined> };
  body?: unknown;
  bodySerializer?: (body: never) => FormData;
}
type Call = (path: string, init?: Init) => Promise<{ data?: unknown }>;
const reportsApi = api as unknown as { GET: Call; POST: Call; PUT: Call };

const get = <T>(path: string, init?: Init) => data(reportsApi.GET(path, init)) as Promise<T>;
const post = <T>(path: string, init?: Init) => data(reportsApi.POST(path, init)) as Promise<T>;
const put = <T>(path: string, init?: Init) => data(reportsApi.PUT(path, init)) as Promise<T>;

/** The address of a unit's period: regime, period closing date, unit. */
export interface PeriodUnit {
  regimeId: number;
  periodEnd: string;
  unitId: number;
}

const unitBase = '/api/v1/report-regimes/{id}/periods/{periodEnd}/units/{unitId}';
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
  return useQuery({ queryKey: reportKeys.regimes(), queryFn: () => get<RegimeSummary[]>('/api/v1/report-regimes') });
}

export function useRegime(id: number | null) {
  return useQuery({ queryKey: reportKeys.regime(id ?? 0), queryFn: () => get<RegimeDetail>('/api/v1/report-regimes/{id}', { params: { path: { id: id ?? 0 } } }), enabled: id !== null });
}

export function useRegimePeriods(id: number) {
  return useQuery({ queryKey: reportKeys.periods(id), queryFn: () => get<(PeriodRef & { label: string })[]>('/api/v1/report-regimes/{id}/periods', { params: { path: { id } } }) });
}

export function useMonitoring(id: number, unitId: number | null) {
  return useQuery({
    queryKey: reportKeys.monitoring(id, unitId),
    queryFn: () => get<Monitoring>('/api/v1/report-regimes/{id}/monitoring', { params: { path: { id }, query: { unitId: unitId ?? undefined, periods: 12 } } }),
    enabled: unitId !== null,
    placeholderData: keepPreviousData,
  });
}

/** Saves a regime: POST for a new one, PUT for an existing one. */
export function useSaveRegime(id: number | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegimeDefinition) =>
      id === null ? post<SaveRegimeResult>('/api/v1/report-regimes', { body }) : put<SaveRegimeResult>('/api/v1/report-regimes/{id}', { params: { path: { id } }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

export function useArchiveRegime(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => post<unknown>('/api/v1/report-regimes/{id}/archive', { params: { path: { id } } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

/** A definition draft from a directive's text (frequency and deadlines from its deadline rule). */
export function useProposal() {
  return useMutation({ mutationFn: (text: string) => post<Partial<RegimeDefinition>>('/api/v1/report-regimes/proposal', { body: { text } }) });
}

export function useUnitReport(p: PeriodUnit) {
  return useQuery({ queryKey: reportKeys.unit(p), queryFn: () => get<UnitReport>(`${unitBase}/report`, { params: unitPath(p) }) });
}

export function useConsolidation(p: PeriodUnit, enabled: boolean) {
  return useQuery({ queryKey: [...reportKeys.unit(p), 'consolidation'], queryFn: () => get<ConsolidatedReport>(`${unitBase}/consolidation`, { params: unitPath(p) }), enabled });
}

export function fetchVersion(p: PeriodUnit, version: number): Promise<FrozenVersion> {
  return get<FrozenVersion>(`${unitBase}/report/versions/{version}`, { params: { path: { ...unitPath(p).path, version } } });
}

export function saveDraft(p: PeriodUnit, content: ReportContent): Promise<{ savedAt: string }> {
  return put<{ savedAt: string }>(`${unitBase}/report/draft`, { params: unitPath(p), body: { content } });
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
    mutationFn: (content: ReportContent) => post<{ submissionId: number; version: number; late: boolean }>(`${unitBase}/report/submit`, { params: unitPath(p), body: { content } }),
    onSettled: refresh,
  });
}

export type ReviewAction = 'return' | 'approve' | 'reopen';

/** The recipient's review of a child's submission: return (reason), approve, reopen (reason). */
export function useReview(p: PeriodUnit) {
  const refresh = useRefresh(p);
  return useMutation({
    mutationFn: ({ submissionId, action, reason }: { submissionId: number; action: ReviewAction; reason?: string }) =>
      post<unknown>(`/api/v1/report-submissions/{id}/${action}`, { params: { path: { id: submissionId } }, body: action === 'approve' ? {} : { reason } }),
    onSettled: refresh,
  });
}

/** Loads a filled XLSX template into the draft (`submit`: also submits); a 422 lists the bad cells. */
export function useImportWorkbook(p: PeriodUnit) {
  const refresh = useRefresh(p);
  return useMutation({
    mutationFn: ({ file, submit }: { file: File; submit: boolean }) =>
      post<unknown>(`${unitBase}/import`, { params: { ...unitPath(p), query: submit ? { submit: true } : {} }, body: { file }, bodySerializer: formData as (body: never) => FormData }),
    onSettled: refresh,
  });
}

/** The plain address of a download of this unit's period (report.docx, consolidation.docx|xlsx, template.xlsx). */
export function periodFileUrl(p: PeriodUnit, file: 'report.docx' | 'consolidation.docx' | 'consolidation.xlsx' | 'template.xlsx'): string {
  return `/api/v1/report-regimes/${p.regimeId}/periods/${encodeURIComponent(p.periodEnd)}/units/${p.unitId}/${file}`;
}
