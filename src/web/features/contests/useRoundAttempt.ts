import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../api/client.js';
import { contestPublicApi } from './publicApi.js';
import { contestStorage } from './storage.js';
import type { AttemptView, SubmitResult } from './types.js';

export interface LoadedAttempt {
  view: AttemptView;
  receivedAt: number;
}

const attemptKey = (token: string | null) => ['contest-attempt', token] as const;

/** The person's record in the contest (attempts used per round), when registered. */
export function useMyContest(code: string, participantToken: string | null) {
  return useQuery({
    queryKey: ['contest-me', code, participantToken],
    queryFn: () => contestPublicApi.me(code, participantToken ?? ''),
    enabled: participantToken !== null,
  });
}

/**
 * The attempt of a round this browser has in progress (its token in localStorage, so a reload
 * continues it), starting a new one, and the result once submitted.
 */
export function useRoundAttempt(code: string, round: number) {
  const queryClient = useQueryClient();
  const participantToken = contestStorage.participantToken(code);
  const [token, setToken] = useState(() => contestStorage.attemptToken(code, round));
  const [result, setResult] = useState<SubmitResult | null>(null);
  const attempt = useQuery({
    queryKey: attemptKey(token),
    queryFn: async (): Promise<LoadedAttempt> => ({ view: await contestPublicApi.attempt(token ?? ''), receivedAt: Date.now() }),
    enabled: token !== null,
    staleTime: Infinity,
    retry: (failures, error) => failures < 3 && (!isApiError(error) || error.status === 0 || error.status >= 500),
  });
  const start = useMutation({
    mutationFn: () => contestPublicApi.startAttempt(code, round, participantToken ?? ''),
    onSuccess: ({ attemptToken, attempt: view }) => {
      contestStorage.setAttemptToken(code, round, attemptToken);
      queryClient.setQueryData<LoadedAttempt>(attemptKey(attemptToken), { view, receivedAt: Date.now() });
      setResult(null);
      setToken(attemptToken);
    },
  });
  const forget = () => {
    contestStorage.setAttemptToken(code, round, null);
    setToken(null);
    setResult(null);
    start.reset();
    void queryClient.invalidateQueries({ queryKey: ['contest-me', code] });
  };
  const finish = (submitted: SubmitResult) => {
    setResult(submitted);
    void queryClient.invalidateQueries({ queryKey: ['contest-me', code] });
  };
  // A token the server no longer knows (another browser's, a reset database) is dropped.
  const lost = attempt.isError && isApiError(attempt.error) && attempt.error.status >= 400 && attempt.error.status < 500;
  return { participantToken, token, attempt, start, result, finish, forget, lost };
}
