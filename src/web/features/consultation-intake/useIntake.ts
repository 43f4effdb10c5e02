import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, type FormInstance } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, data, isApiError } from '../../api/client.js';
import type { SubmissionResult } from '../../api/types.js';
import { intakeText as t } from '../../i18n/consultation.js';
import { errorText } from '../../i18n/errors.js';
import { applyServerErrors, type FieldLayout } from '../consultation/serverFieldErrors.js';

export const intakeKeys = {
  form: (code: string) => ['intake-form', code] as const,
  recent: (code: string, unitId: number) => ['intake-recent', code, unitId] as const,
};

const PAGE = 20;

export function useStaffIntakeForm(code: string | null) {
  return useQuery({ queryKey: intakeKeys.form(code ?? ''), queryFn: () => data(api.GET('/api/v1/consultations/{code}/intake-form', { params: { path: { code: code ?? '' } } })), enabled: code !== null, staleTime: 5 * 60_000 });
}

/** The unit's recent submissions, newest first, a page of 20 at a time ("Xem thêm"). */
export function useRecentSubmissions(code: string | null, unitId: number | null) {
  return useInfiniteQuery({
    queryKey: intakeKeys.recent(code ?? '', unitId ?? 0),
    queryFn: ({ pageParam }) => data(api.GET('/api/v1/consultations/{code}/units/{unitId}/submissions', { params: { path: { code: code ?? '', unitId: unitId ?? 0 }, query: { limit: PAGE, before: pageParam } } })),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    enabled: code !== null && unitId !== null,
  });
}

/**
 * One entry form (a letter, a meeting): one idempotency key per entry, kept across retries so a
 * double click or a retry after a network error counts once; on success a message, the form emptied
 * (the page's pickers stay), a new key and the recent list and weekly figures refreshed; on a refusal
 * the server's messages next to their fields and the rest in a notice.
 */
export function useIntakeEntry<V>(options: {
  code: string;
  unitId: number;
  layout: FieldLayout;
  send: (values: V, idempotencyKey: string) => Promise<SubmissionResult>;
  initialValues: () => Partial<V>;
}) {
  const { code, unitId, layout } = options;
  const [form] = Form.useForm<V>();
  const [initialValues] = useState(options.initialValues);
  const { message } = App.useApp();
  const client = useQueryClient();
  const key = useRef<string>(crypto.randomUUID());
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    // Another unit or consultation: a new entry, whatever was tried before.
    key.current = crypto.randomUUID();
    setFailure(null);
  }, [code, unitId]);
  const save = useMutation({
    mutationFn: (values: V) => options.send(values, key.current),
    onSuccess: (result) => {
      setFailure(null);
      key.current = crypto.randomUUID();
      void message.success({ content: t.saved(result.opinions), duration: 5 });
      form.resetFields();
      form.setFieldsValue(options.initialValues() as Parameters<FormInstance<V>['setFieldsValue']>[0]);
      void client.invalidateQueries({ queryKey: intakeKeys.recent(code, unitId) });
      void client.invalidateQueries({ queryKey: ['weekly-report'] });
    },
    onError: (error) => {
      const retryable = !isApiError(error) || error.status === 0 || error.status >= 500;
      if (retryable) return setFailure(t.retryHint);
      const rest = applyServerErrors(form, error, layout);
      setFailure(rest === null ? errorText(error) : rest.length > 0 ? rest.join(' ') : null);
    },
  });
  return {
    form,
    initialValues,
    failure,
    saving: save.isPending,
    submit: (values: V) => {
      if (!save.isPending) save.mutate(values);
    },
  };
}

export type IntakeEntry<V> = ReturnType<typeof useIntakeEntry<V>>;
