import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useNavigate } from 'react-router';
import { api, data } from '../../api/client.js';
import type { CampaignInput } from './campaignTypes.js';

export const campaignKeys = {
  all: ['campaigns'] as const,
  quantityKinds: ['campaigns', 'quantity-kinds'] as const,
  match: (ownerUnitId: number, names: readonly string[]) => ['campaigns', 'match', ownerUnitId, names] as const,
  directiveText: (id: number) => ['campaigns', 'directive-text', id] as const,
  draft: (campaignId: number, unitId: number) => ['campaigns', 'implementing-draft', campaignId, unitId] as const,
  task: (id: number) => ['campaigns', 'task', id] as const,
};

/** The configurable quantity kinds (số tin bài, số buổi, …) as options. */
export function useQuantityKinds() {
  return useQuery({
    queryKey: campaignKeys.quantityKinds,
    queryFn: () => data(api.GET('/api/v1/campaign-quantity-kinds')),
    staleTime: 10 * 60_000,
    select: (kinds) => kinds.map((k) => ({ value: k.code, label: k.label })),
  });
}

/** The plan's structure read from its text (nothing saved). */
export function proposeFrom(text: string) {
  return data(api.POST('/api/v1/campaigns/proposal', { body: { text } }));
}

/** The units each written name stands for, in the owner's subtree (groups expanded). */
export function useUnitMatches(ownerUnitId: number | null | undefined, names: readonly string[]) {
  return useQuery({
    queryKey: campaignKeys.match(ownerUnitId ?? 0, names),
    queryFn: () => data(api.POST('/api/v1/campaigns/match-units', { body: { ownerUnitId: ownerUnitId ?? 0, names: [...names] } })),
    enabled: !!ownerUnitId && names.length > 0,
    staleTime: Infinity,
    select: (answer) => new Map(answer.matches.map((m) => [m.name.trim(), m])),
  });
}

/** Confirms the plan: its tasks are created, and its page opens. */
export function useCreateCampaign() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (input: CampaignInput) => data(api.POST('/api/v1/campaigns', { body: input })),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: campaignKeys.all });
      void message.success(`Đã lập kế hoạch ${created.code}: ${created.tasks.length} nhiệm vụ đã giao cho các đơn vị.`);
      navigate(`/ke-hoach/${created.id}`);
    },
  });
}
