import { Link } from 'react-router';
import { Alert, Button } from '../../components/plain/Field.js';
import { errorText } from '../../i18n/errors.js';
import { attemptText as t, contestText } from '../../i18n/contests.js';
import { formatDateTime } from '../../lib/time.js';
import type { PublicRound, SubmitResult } from './types.js';

/** Before an attempt: what it is, and the button that starts it (or why it cannot start). */
export function StartPanel({ code, round, used, blocked, error, busy, onStart }: { code: string; round: PublicRound; used: number | null; blocked: string | null; error: unknown; busy: boolean; onStart: () => void }) {
  return (
    <section className="lt-card" data-testid="attempt-start">
      <div className="lt-card-body">
        <h1>{contestText.round(round.number)}</h1>
        <p className="lt-secondary">{contestText.roundTimes(formatDateTime(round.opensAt), formatDateTime(round.closesAt))}</p>
        <p>{t.startIntro(round.questionsPerAttempt, Math.round(round.timeLimitSeconds / 60))}</p>
        {used !== null ? <p data-testid="attempts-used">{contestText.attemptsUsed(used, round.attemptsAllowed)}</p> : null}
        {blocked ? (
          <Alert type="warning" testId="attempt-blocked">
            {blocked}
          </Alert>
        ) : (
          <Button variant="primary" size="large" block loading={busy} data-testid="attempt-begin" onClick={onStart}>
            {t.start}
          </Button>
        )}
        {error ? (
          <Alert type="error" testId="attempt-error" style={{ marginTop: 12 }}>
            {errorText(error)}
          </Alert>
        ) : null}
        <p style={{ marginTop: 16, marginBottom: 0 }}>
          <Link to={`/thi/${encodeURIComponent(code)}`}>{t.backHome}</Link>
        </p>
      </div>
    </section>
  );
}

/** After a submission: the score, the duration, and a new attempt when some are left. */
export function ResultPanel({ code, result, canAgain, onAgain }: { code: string; result: SubmitResult; canAgain: boolean; onAgain: () => void }) {
  return (
    <section className="lt-card" role="status" data-testid="attempt-result">
      <div className="lt-card-body" style={{ textAlign: 'center' }}>
        <h1>{t.resultTitle}</h1>
        <p style={{ fontSize: 28, fontWeight: 700, margin: '8px 0' }} data-testid="attempt-score">
          {t.score(result.score, result.maxScore)}
        </p>
        <p>{t.duration(result.durationSeconds)}</p>
        {result.late ? <Alert type="warning">{t.late}</Alert> : null}
        <p className="lt-secondary">{t.resultNote}</p>
        <div style={{ display: 'flex', gap: 8, justifyContent: 'center', flexWrap: 'wrap' }}>
          {canAgain ? (
            <Button variant="primary" size="large" onClick={onAgain} data-testid="attempt-again">
              {t.again}
            </Button>
          ) : null}
          <Link className="lt-link-button" to={`/thi/${encodeURIComponent(code)}`}>
            {t.backHome}
          </Link>
        </div>
      </div>
    </section>
  );
}
