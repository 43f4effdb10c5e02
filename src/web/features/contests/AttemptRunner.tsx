import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Field, controlProps } from '../../components/plain/Field.js';
import { errorText } from '../../i18n/errors.js';
import { attemptText as t, predictionKindLabels } from '../../i18n/contests.js';
import { formatCountdown } from './clock.js';
import { contestPublicApi } from './publicApi.js';
import { QuestionCard } from './QuestionCard.js';
import type { AttemptView, SubmitResult } from './types.js';
import { useAttemptRunner } from './useAttemptRunner.js';

/** The prediction as typed: a whole number ≥ 0, empty for none, NaN when unreadable. */
function parsePrediction(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function TimerBar({ left, answered, total }: { left: number; answered: number; total: number }) {
  const low = left < 60_000;
  return (
    <div className="lt-contest-timer" data-testid="attempt-timer">
      <span>
        {t.timeLeft}:{' '}
        <span className={low ? 'lt-contest-clock lt-contest-clock-low' : 'lt-contest-clock'} data-testid="attempt-clock" aria-live={low ? 'polite' : 'off'}>
          {formatCountdown(left)}
        </span>
      </span>
      <span className="lt-secondary">{t.answered(answered, total)}</span>
    </div>
  );
}

/** Submits once: after every pending answer is saved (or refused), with the prediction. */
function useSubmit(token: string, flush: () => Promise<void>, onDone: (result: SubmitResult) => void) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const sent = useRef(false);
  const submit = async (prediction: number | null) => {
    if (sent.current) return;
    sent.current = true;
    setBusy(true);
    setError(null);
    try {
      await flush();
      onDone(await contestPublicApi.submit(token, prediction));
    } catch (e) {
      sent.current = false;
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { submit, error, busy };
}

/** An attempt in progress: the server-clock countdown, the questions (saved as chosen), the prediction, and the submission. */
export function AttemptRunner({ title, token, attempt, receivedAt, onDone }: { title: string; token: string; attempt: AttemptView; receivedAt: number; onDone: (result: SubmitResult) => void }) {
  const run = useAttemptRunner(token, attempt, receivedAt);
  const [predictionText, setPredictionText] = useState(attempt.prediction === null ? '' : String(attempt.prediction));
  const [confirming, setConfirming] = useState(false);
  const { submit, error, busy } = useSubmit(token, () => run.saver.flush(), onDone);
  const prediction = parsePrediction(predictionText);
  const predictionError = Number.isNaN(prediction) ? t.predictionInvalid : null;
  const total = attempt.questions.length;
  const over = run.left <= 0;

  // At the deadline the attempt is submitted with what was saved (the server counts nothing later).
  useEffect(() => {
    if (over) void submit(prediction !== null && !Number.isNaN(prediction) ? prediction : null);
  }, [over]);

  const savePrediction = () => {
    if (prediction !== null && !Number.isNaN(prediction)) void contestPublicApi.savePrediction(token, prediction).catch(() => undefined);
  };

  return (
    <div data-testid="attempt">
      <h1 style={{ fontSize: 18 }}>{title}</h1>
      <TimerBar left={run.left} answered={run.answered} total={total} />
      {!run.online ? <Alert type="warning">{t.offline}</Alert> : null}
      {over ? <Alert type="warning">{t.timeUp}</Alert> : null}
      {attempt.questions.map((q) => (
        <QuestionCard key={q.position} position={q.position} total={total} text={q.text} options={q.options} multiple={q.multiple} chosen={run.answers[q.position] ?? []} disabled={over || busy} saveState={run.states[q.position]} onChoose={run.choose} />
      ))}
      <section className="lt-card" style={{ marginBottom: 12 }}>
        <div className="lt-card-body">
          <Field id="prediction" label={t.prediction} error={predictionError} extra={t.predictionHint(predictionKindLabels[attempt.predictionKind])} last>
            <input {...controlProps('prediction', predictionError, true)} className="lt-input" inputMode="numeric" data-testid="prediction" value={predictionText} disabled={over || busy} onChange={(e) => setPredictionText(e.target.value)} onBlur={savePrediction} style={{ fontSize: 16, minHeight: 44 }} />
          </Field>
        </div>
      </section>
      {error ? <Alert type="error" testId="submit-error">{errorText(error)}</Alert> : null}
      {confirming ? (
        <div className="lt-card" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text" data-testid="submit-confirm" style={{ padding: 16, marginBottom: 24 }}>
          <h2 id="confirm-title">{t.confirmTitle}</h2>
          <p id="confirm-text">{t.confirmUnanswered(total - run.answered)}</p>
          <div style={{ display: 'flex', gap: 8 }}>
            <Button variant="primary" size="large" loading={busy} data-testid="submit-yes" onClick={() => void submit(Number.isNaN(prediction) ? null : prediction)}>
              {t.confirmYes}
            </Button>
            <Button size="large" onClick={() => setConfirming(false)}>
              {t.confirmNo}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="primary" size="large" block data-testid="submit" disabled={!!predictionError} onClick={() => setConfirming(true)} style={{ marginBottom: 24 }}>
          {t.submit}
        </Button>
      )}
    </div>
  );
}
