import { api, data } from '../../api/client.js';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Me, WeeklyReportView } from '../../api/types.js';
import { ME_QUERY_KEY } from '../auth/authContext.js';
import { unitListQuery } from '../org/useUnits.js';

export const reportKeys = {
  consultations: ['consultations'] as const,
  all: ['weekly-report'] as const,
  view: (code: string, unitId: number, periodEnd: string) => ['weekly-report', code, unitId, periodEnd] as const,
};

const consultationsQuery = { queryKey: reportKeys.consultations, queryFn: () => data(api.GET('/api/v1/consultations')) };

export function useConsultations() {
  return useQuery(consultationsQuery);
}

const fetchReport = (code: string, unitId: number, periodEnd: string | undefined) =>
  data(api.GET('/api/v1/consultations/{code}/reports/{unitId}', { params: { path: { code, unitId }, query: { periodEnd } } }));

/**
 * A first visit's report of the current week, asked for before the page knows which week that is
 * (prefetchWeeklyReport): the server answers for its current week. Taken once, by the page's first
 * request for the same consultation and unit, if the weeks agree.
 */
const earlyReports = new Map<string, { view: Promise<WeeklyReportView | null>; at: number }>();
/** An early report not taken within this time (the page chose another unit) is not used later. */
const EARLY_REPORT_MS = 30_000;

async function takeEarlyReport(code: string, unitId: number, periodEnd: string): Promise<WeeklyReportView | null> {
  const key = `${code}/${unitId}`;
  const early = earlyReports.get(key);
  if (!early) return null;
  earlyReports.delete(key);
  if (Date.now() - early.at > EARLY_REPORT_MS) return null;
  const view = await early.view;
  return view?.period.periodEnd === periodEnd ? view : null;
}

/** The live weekly report: refreshed every minute while the page is open (feedback keeps arriving). */
export function useWeeklyReportView(code: string | null, unitId: number | null, periodEnd: string | null) {
  return useQuery({
    queryKey: reportKeys.view(code ?? '', unitId ?? 0, periodEnd ?? ''),
    queryFn: async () => (await takeEarlyReport(code ?? '', unitId ?? 0, periodEnd ?? '')) ?? fetchReport(code ?? '', unitId ?? 0, periodEnd ?? undefined),
    enabled: code !== null && unitId !== null && periodEnd !== null,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

/**
 * A first visit of the report page (`?dot=&don-vi=&tuan=`), as soon as the session is known: the
 * consultations, the units and the report start together, alongside the page's code, instead of
 * one after the other (session, then the page's code, then consultations and units, then the
 * report). Without `don-vi` the unit is the one the page picks first when the session names it (the
 * user's first granted unit, else their home unit); without `tuan` the server's current week.
 */
export function prefetchWeeklyReport(queryClient: QueryClient, search: URLSearchParams): void {
  void queryClient.prefetchQuery(consultationsQuery);
  void queryClient.prefetchQuery(unitListQuery);
  const me = queryClient.getQueryData<Me | null>(ME_QUERY_KEY);
  const code = search.get('dot');
  const unitParam = Number(search.get('don-vi'));
  const unitId = Number.isInteger(unitParam) && unitParam > 0 ? unitParam : (me?.grants.find((g) => g.unitId !== null)?.unitId ?? me?.homeUnitId ?? null);
  if (!code || !unitId) return;
  const periodEnd = search.get('tuan');
  if (periodEnd) void queryClient.prefetchQuery({ queryKey: reportKeys.view(code, unitId, periodEnd), queryFn: () => fetchReport(code, unitId, periodEnd) });
  else earlyReports.set(`${code}/${unitId}`, { view: fetchReport(code, unitId, undefined).catch(() => null), at: Date.now() });
}

export function useSubmitWeeklyReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string; unitId: number; periodEnd: string }) => data(api.POST('/api/v1/consultations/{code}/reports/{unitId}/submit', { params: { path: { code: input.code, unitId: input.unitId } }, body: { periodEnd: input.periodEnd } })),
    onSettled: () => client.invalidateQueries({ queryKey: reportKeys.all }),
  });
}
