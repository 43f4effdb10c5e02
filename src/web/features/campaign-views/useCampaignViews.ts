import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client.js';

/** The campaign page's reads (structure, progress of a unit's subtree, matrix, weeks) and "Việc cần làm". */
export const campaignViewKeys = {
  campaign: (id: number) => ['campaigns', id] as const,
  progress: (id: number, unitId: number | null) => ['campaigns', id, 'progress', unitId] as const,
  matrix: (id: number, unitId: number | null) => ['campaigns', id, 'matrix', unitId] as const,
  weeks: (id: number, unitId: number | null) => ['campaigns', id, 'weeks', unitId] as const,
  todo: ['campaign-tasks', 'todo'] as const,
};

const unitQuery = (unitId: number | null) => (unitId === null ? {} : { unitId });

export function useCampaign(id: number | null) {
  return useQuery({ queryKey: campaignViewKeys.campaign(id ?? 0), queryFn: () => data(api.GET('/api/v1/campaigns/{id}', { params: { path: { id: id ?? 0 } } })), enabled: id !== null });
}

export function useCampaignProgress(id: number | null, unitId: number | null) {
  return useQuery({
    queryKey: campaignViewKeys.progress(id ?? 0, unitId),
    queryFn: () => data(api.GET('/api/v1/campaigns/{id}/progress', { params: { path: { id: id ?? 0 }, query: unitQuery(unitId) } })),
    enabled: id !== null,
    placeholderData: keepPreviousData,
  });
}

export function useCampaignMatrix(id: number | null, unitId: number | null) {
  return useQuery({
    queryKey: campaignViewKeys.matrix(id ?? 0, unitId),
    queryFn: () => data(api.GET('/api/v1/campaigns/{id}/matrix', { params: { path: { id: id ?? 0 }, query: unitQuery(unitId) } })),
    enabled: id !== null,
    placeholderData: keepPreviousData,
  });
}

export function useActivityWeeks(id: number | null, unitId: number | null) {
  return useQuery({
    queryKey: campaignViewKeys.weeks(id ?? 0, unitId),
    queryFn: () => data(api.GET('/api/v1/campaigns/{id}/activity-weeks', { params: { path: { id: id ?? 0 }, query: unitQuery(unitId) } })),
    enabled: id !== null,
    placeholderData: keepPreviousData,
  });
}

export function useTodo() {
  return useQuery({ queryKey: campaignViewKeys.todo, queryFn: () => data(api.GET('/api/v1/campaign-tasks', { params: { query: { scope: 'todo' } } })) });
}
