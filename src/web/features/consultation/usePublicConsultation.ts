import { api, data } from '../../api/client.js';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/** The consultation behind a public form (also fetched early, with the page's code, by the manifest's `prefetch`). */
export function publicConsultationQuery(code: string) {
  return { queryKey: ['public-consultation', code], queryFn: () => data(api.GET('/api/v1/public/consultations/{code}', { params: { path: { code } } })), staleTime: 5 * 60_000 };
}

export function usePublicConsultation(code: string) {
  return useQuery(publicConsultationQuery(code));
}

/** The receiving units matching what the person typed (debounced; at most 50 from the server). */
export function usePublicUnitSearch(code: string, text: string) {
  const [q, setQ] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  return useQuery({
    queryKey: ['public-units', code, q],
    queryFn: ({ signal }) => data(api.GET('/api/v1/public/consultations/{code}/units', { params: { path: { code }, query: { q } }, signal })),
    enabled: q !== '',
    staleTime: 5 * 60_000,
    placeholderData: (previous) => previous,
  });
}
