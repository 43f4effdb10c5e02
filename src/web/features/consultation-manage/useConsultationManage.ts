import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, formData } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { reportKeys } from '../consultation-report/useWeeklyReport.js';

export type ConsultationDetail = components['schemas']['ConsultationDetail'];
export type CreateConsultationInput = components['schemas']['CreateConsultationInput'];
export type UpdateConsultationInput = components['schemas']['UpdateConsultationInput'];

/** A draft's text to load: a file, or pasted text. */
export type DocumentSource = { file: File } | { text: string };

const detailKey = (code: string) => ['consultation', code] as const;

export function useConsultationDetail(code: string) {
  return useQuery({ queryKey: detailKey(code), queryFn: () => data(api.GET('/api/v1/consultations/{code}', { params: { path: { code } } })) });
}

/** Loads one draft's text (DOCX/PDF/TXT or pasted), split into sections on the server. */
export function loadDocumentText(code: string, documentCode: string, source: DocumentSource) {
  const body = 'file' in source ? { file: source.file } : { text: source.text };
  return data(
    api.POST('/api/v1/consultations/{code}/documents/{documentCode}/text', {
      params: { path: { code, documentCode } },
      body: body as never,
      bodySerializer: (b) => formData(b as Record<string, string | Blob>),
    }),
  );
}

export function useInvalidateConsultations() {
  const client = useQueryClient();
  return (code?: string) => {
    void client.invalidateQueries({ queryKey: reportKeys.consultations });
    if (code) void client.invalidateQueries({ queryKey: detailKey(code) });
  };
}

export function useCreateConsultation() {
  const invalidate = useInvalidateConsultations();
  return useMutation({
    mutationFn: (input: CreateConsultationInput) => data(api.POST('/api/v1/consultations', { body: input })),
    onSuccess: (created) => invalidate(created.code),
  });
}

export function useUpdateConsultation(code: string) {
  const invalidate = useInvalidateConsultations();
  return useMutation({
    mutationFn: (input: UpdateConsultationInput) => data(api.PATCH('/api/v1/consultations/{code}', { params: { path: { code } }, body: input })),
    onSuccess: () => invalidate(code),
  });
}

export function useLoadDocumentText(code: string) {
  const invalidate = useInvalidateConsultations();
  return useMutation({
    mutationFn: (input: { documentCode: string; source: DocumentSource }) => loadDocumentText(code, input.documentCode, input.source),
    onSuccess: () => invalidate(code),
  });
}
