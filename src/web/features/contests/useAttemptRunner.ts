import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isApiError } from '../../api/client.js';
import { AnswerSaver, type SaveState } from './answerSaver.js';
import { clockOffset, remainingMs } from './clock.js';
import { contestPublicApi } from './publicApi.js';
import type { AttemptView } from './types.js';

/** Network failures, a busy or failing server and rate limits are worth another try; other refusals are final. */
export function retryableSave(error: unknown): boolean {
  return !isApiError(error) || error.status === 0 || error.status === 429 || error.status >= 500;
}

/** The server clock's countdown: ticks every quarter second; the offset follows every `serverNow` received. */
function useServerCountdown(deadlineAt: string, serverNow: string, receivedAt: number) {
  const offset = useRef(clockOffset(serverNow, receivedAt));
  const [left, setLeft] = useState(() => remainingMs(deadlineAt, offset.current, Date.now()));
  useEffect(() => {
    const tick = () => setLeft(remainingMs(deadlineAt, offset.current, Date.now()));
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [deadlineAt]);
  const resync = useCallback((now: string) => {
    offset.current = clockOffset(now, Date.now());
  }, []);
  return { left, resync };
}

/** Whether the browser says it is online (answers wait and retry while it is not). */
function useOnline(onBack: () => void): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => {
      setOnline(true);
      onBack();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, [onBack]);
  return online;
}

/**
 * An attempt in progress: the answers chosen (saved as chosen, retried when the connection drops),
 * each question's save state, and the time left on the server clock.
 */
export function useAttemptRunner(token: string, attempt: AttemptView, receivedAt: number) {
  const [answers, setAnswers] = useState<Record<string, number[]>>(() => ({ ...attempt.answers }));
  const [states, setStates] = useState<Record<string, SaveState>>(() => Object.fromEntries(Object.keys(attempt.answers).map((k) => [k, 'saved' as const])));
  const { left, resync } = useServerCountdown(attempt.deadlineAt, attempt.serverNow, receivedAt);
  const saver = useMemo(
    () =>
      new AnswerSaver({
        send: (position, chosen) => contestPublicApi.saveAnswer(token, position, chosen),
        onState: (position, state) => setStates((s) => ({ ...s, [position]: state })),
        onSaved: (answer) => resync(answer.serverNow),
        retryable: retryableSave,
      }),
    [token, resync],
  );
  const retryNow = useCallback(() => saver.retryNow(), [saver]);
  const online = useOnline(retryNow);
  const choose = useCallback(
    (position: number, chosen: number[]) => {
      setAnswers((a) => ({ ...a, [position]: chosen }));
      void saver.save(position, chosen);
    },
    [saver],
  );
  const answered = Object.values(answers).filter((c) => c.length > 0).length;
  return { answers, states, left, online, choose, answered, saver, resync };
}
