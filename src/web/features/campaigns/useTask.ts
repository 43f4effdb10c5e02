import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { api, data, formData } from '../../api/client.js';
import { useNotifyError } from '../../lib/useNotifyError.js';
import type { ActivityInput } from './campaignTypes.js';
import { campaignKeys } from './useCampaignEditing.js';

/** A task with its campaign, unit, status and activities (GET /campaign-tasks/{id}). */
export function useTask(id: number) {
  return useQuery({ queryKey: campaignKeys.task(id), queryFn: () => data(api.GET('/api/v1/campaign-tasks/{id}', { params: { path: { id } } })) });
}

/** The task's page, and every list that counts it, after a change. */
function useRefresh(taskId: number) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: campaignKeys.task(taskId) });
    await queryClient.invalidateQueries({ queryKey: campaignKeys.all });
    await queryClient.invalidateQueries({ queryKey: ['home'] });
  };
}

/** Records an activity, then uploads its files one by one (the activity stays if a file is refused). */
export function useRecordActivity(taskId: number) {
  const refresh = useRefresh(taskId);
  const { message } = App.useApp();
  return useMutation({
    mutationFn: async ({ input, files }: { input: ActivityInput; files: File[] }) => {
      const { id } = await data(api.POST('/api/v1/campaign-tasks/{id}/activities', { params: { path: { id: taskId } }, body: input }));
      try {
        for (const file of files) await data(api.POST('/api/v1/campaign-activities/{id}/files', { params: { path: { id } }, body: { file }, bodySerializer: formData }));
      } finally {
        await refresh();
      }
      return id;
    },
    onSuccess: () => void message.success('Đã ghi hoạt động.'),
  });
}

export function useDeleteActivity(taskId: number) {
  const refresh = useRefresh(taskId);
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (activityId: number) => data(api.DELETE('/api/v1/campaign-activities/{id}', { params: { path: { id: activityId } } })),
    onSuccess: async () => {
      await refresh();
      void message.success('Đã xóa hoạt động.');
    },
    onError: notifyError,
  });
}

/** "Đánh dấu hoàn thành" with a note, and reopening. */
export function useTaskDone(taskId: number) {
  const refresh = useRefresh(taskId);
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const done = useMutation({
    mutationFn: (note: string) => data(api.POST('/api/v1/campaign-tasks/{id}/done', { params: { path: { id: taskId } }, body: { note } })),
    onSuccess: async () => {
      await refresh();
      void message.success('Đã đánh dấu hoàn thành nhiệm vụ.');
    },
    onError: notifyError,
  });
  const reopen = useMutation({
    mutationFn: () => data(api.DELETE('/api/v1/campaign-tasks/{id}/done', { params: { path: { id: taskId } } })),
    onSuccess: async () => {
      await refresh();
      void message.success('Đã mở lại nhiệm vụ.');
    },
    onError: notifyError,
  });
  return { done, reopen };
}
