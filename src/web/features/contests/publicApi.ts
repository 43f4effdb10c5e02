/** The public contest pages' calls (no account): through the generated openapi-fetch client. */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, data } from '../../api/client.js';
import type { AttemptView, PickUnit, PublicContest, Registration, SubmitResult } from './types.js';

const tokenHeader = (token: string) => ({ 'x-participant-token': token });

export function publicContestQuery(code: string) {
  return {
    queryKey: ['public-contest', code],
    queryFn: async (): Promise<PublicContest & { receivedAt: number }> => {
      const contest: PublicContest = await data(api.GET('/api/v1/public/contests/{code}', { params: { path: { code } } }));
      return { ...contest, receivedAt: Date.now() };
    },
    staleTime: 30_000,
  };
}

export function usePublicContest(code: string) {
  return useQuery(publicContestQuery(code));
}

/** The active units matching what the person typed (debounced), to pick the unit from (never free text). */
export function useContestUnits(code: string, text: string) {
  const [q, setQ] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  return useQuery({
    queryKey: ['public-contest-units', code, q],
    queryFn: async ({ signal }): Promise<PickUnit[]> => data(api.GET('/api/v1/public/contests/{code}/units', { params: { path: { code }, query: { q } }, signal })),
    staleTime: 5 * 60_000,
    placeholderData: (previous) => previous,
  });
}

export interface RegistrationInput {
  name: string;
  phone: string;
  idNumber?: string;
  unitId: number;
  group: string;
  consent: true;
}

export const contestPublicApi = {
  register: async (code: string, body: RegistrationInput): Promise<Registration> =>
    data(api.POST('/api/v1/public/contests/{code}/participants', { params: { path: { code } }, body: body as never })),
  registerMe: async (code: string): Promise<Registration> => data(api.POST('/api/v1/contests/{code}/participants/me', { params: { path: { code } }, body: {} })),
  me: async (code: string, token: string) => data(api.GET('/api/v1/public/contests/{code}/me', { params: { path: { code } }, headers: tokenHeader(token) })),
  startAttempt: async (code: string, round: number, token: string): Promise<{ attemptToken: string; attempt: AttemptView }> =>
    data(api.POST('/api/v1/public/contests/{code}/rounds/{number}/attempts', { params: { path: { code, number: round } }, headers: tokenHeader(token) })),
  attempt: async (attemptToken: string): Promise<AttemptView> => data(api.GET('/api/v1/public/attempts/{token}', { params: { path: { token: attemptToken } } })),
  saveAnswer: async (attemptToken: string, position: number, chosen: number[]) =>
    data(api.PUT('/api/v1/public/attempts/{token}/answers/{position}', { params: { path: { token: attemptToken, position } }, body: { chosen } })),
  savePrediction: async (attemptToken: string, value: number) => data(api.PUT('/api/v1/public/attempts/{token}/prediction', { params: { path: { token: attemptToken } }, body: { value } })),
  submit: async (attemptToken: string, prediction: number | null): Promise<SubmitResult> =>
    data(api.POST('/api/v1/public/attempts/{token}/submit', { params: { path: { token: attemptToken } }, body: prediction === null ? {} : { prediction } })),
  practice: async (code: string) => data(api.POST('/api/v1/public/contests/{code}/practice', { params: { path: { code } } })),
  practiceAnswer: async (practiceToken: string, position: number, chosen: number[]) =>
    data(api.PUT('/api/v1/public/practice/{token}/answers/{position}', { params: { path: { token: practiceToken, position } }, body: { chosen } })),
  myRank: async (code: string, round: number, token: string) =>
    data(api.GET('/api/v1/public/contests/{code}/rounds/{number}/my-rank', { params: { path: { code, number: round } }, headers: tokenHeader(token) })),
  winners: async (code: string, round: number) => data(api.GET('/api/v1/public/contests/{code}/rounds/{number}/winners', { params: { path: { code, number: round } } })),
};
