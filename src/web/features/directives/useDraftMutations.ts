import { api, data, downloadUrl } from '../../api/client.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { fromDraftValues, type DraftFormValues } from './DraftForm.js';
import type { IssueValues } from './IssueDraftModal.js';
import { directiveKeys } from './useDirectives.js';
import { useNotifyError } from '../../lib/useNotifyError.js';

/** Opens a download in the page (the browser keeps the session cookie). */
export function downloadFile(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export const draftDocxUrl = (draftId: number) => downloadUrl('/api/v1/drafts/{id}/docx', { path: { id: draftId } });

/**
 * Saving a draft (then staying or downloading its DOCX) and "Ban hành" (unsaved edits are saved
 * first, then the draft is registered as a directive of its unit).
 */
export function useDraftMutations(draftId: number, form: FormInstance<DraftFormValues>, onIssued: () => void) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const put = (values: DraftFormValues) => data(api.PUT('/api/v1/drafts/{id}', { params: { path: { id: draftId } }, body: { content: fromDraftValues(values) } }));

  const save = useMutation({
    mutationFn: async (then: 'stay' | 'download') => ({ saved: await put(form.getFieldsValue(true) as DraftFormValues), then }),
    onSuccess: ({ saved, then }) => {
      queryClient.setQueryData(directiveKeys.draft(saved.id), saved);
      if (then === 'download') downloadFile(draftDocxUrl(saved.id));
      else void message.success('Đã lưu dự thảo.');
    },
    onError: notifyError,
  });

  const issue = useMutation({
    mutationFn: async (values: IssueValues) => {
      if (form.isFieldsTouched()) await put(form.getFieldsValue(true) as DraftFormValues);
      return data(api.POST('/api/v1/drafts/{id}/issue', { params: { path: { id: draftId } }, body: values }));
    },
    onSuccess: async (_issued, values) => {
      onIssued();
      void message.success(`Đã ban hành văn bản số ${values.numberSymbol}.`);
      await queryClient.invalidateQueries({ queryKey: ['drafts'] });
      await queryClient.invalidateQueries({ queryKey: directiveKeys.all });
    },
    onError: notifyError,
  });

  return { save, issue };
}
