import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin.js';
import { Alert } from '../components/plain/Field.js';
import { AttemptRunner } from '../features/contests/AttemptRunner.js';
import { ResultPanel, StartPanel } from '../features/contests/AttemptPanels.js';
import { ContestError, ContestShell } from '../features/contests/ContestShell.js';
import { usePublicContest } from '../features/contests/publicApi.js';
import { useMyContest, useRoundAttempt } from '../features/contests/useRoundAttempt.js';
import type { PublicRound } from '../features/contests/types.js';
import { attemptText as t, contestText } from '../i18n/contests.js';
import { formatDateTime } from '../lib/time.js';

/** Why no attempt may start now, in Vietnamese, or null. */
function blockedReason(round: PublicRound, used: number | null): string | null {
  if (round.state === 'scheduled') return `${t.notOpen} ${contestText.roundTimes(formatDateTime(round.opensAt), formatDateTime(round.closesAt))}`;
  if (round.state === 'closed') return t.closed;
  if (used !== null && used >= round.attemptsAllowed) return t.exhausted(round.attemptsAllowed);
  return null;
}

function RoundAttempt({ code, round }: { code: string; round: PublicRound }) {
  const session = useRoundAttempt(code, round.number);
  const me = useMyContest(code, session.participantToken);
  const used = me.data?.rounds.find((r: { number: number }) => r.number === round.number)?.attemptsUsed ?? null;
  const { lost, forget } = session;
  useEffect(() => {
    if (lost) forget();
  }, [lost, forget]);

  if (session.participantToken === null)
    return (
      <>
        <h1>{contestText.round(round.number)}</h1>
        <Alert type="warning" testId="attempt-register-first">
          {t.needRegister} <Link to={`/thi/${encodeURIComponent(code)}`}>{contestText.register}</Link>
        </Alert>
      </>
    );
  if (session.result) {
    const left = session.result && used !== null ? used < round.attemptsAllowed : false;
    return <ResultPanel code={code} result={session.result} canAgain={left && round.state === 'open'} onAgain={session.forget} />;
  }
  if (session.token !== null) {
    if (session.attempt.isPending || lost) return <FullPageSpin />;
    if (session.attempt.isError) return <ContestError error={session.attempt.error} onRetry={() => void session.attempt.refetch()} />;
    const { view, receivedAt } = session.attempt.data;
    if (view.submittedAt === null) return <AttemptRunner title={`${contestText.round(round.number)} · ${view.questions.length} câu hỏi`} token={session.token} attempt={view} receivedAt={receivedAt} onDone={session.finish} />;
    return (
      <section className="lt-card" data-testid="attempt-submitted">
        <div className="lt-card-body">
          <p>{t.submittedBefore(formatDateTime(view.submittedAt))}</p>
          {view.score != null && view.maxScore !== undefined ? <p data-testid="attempt-score" style={{ fontSize: 20, fontWeight: 700 }}>{t.score(view.score, view.maxScore)}</p> : null}
          <StartPanel code={code} round={round} used={view.attemptsUsed} blocked={blockedReason(round, view.attemptsUsed)} error={session.start.error} busy={session.start.isPending} onStart={() => session.start.mutate()} />
        </div>
      </section>
    );
  }
  return <StartPanel code={code} round={round} used={used} blocked={blockedReason(round, used)} error={session.start.error} busy={session.start.isPending} onStart={() => session.start.mutate()} />;
}

/** `/thi/:code/vong/:number`: taking part in a round, on a phone first (plain HTML, no antd). */
export function ContestAttemptPage() {
  const { code = '', number = '' } = useParams();
  const contest = usePublicContest(code);
  const round = contest.data?.rounds.find((r) => r.number === Number(number));
  let body;
  if (contest.isPending) body = <FullPageSpin />;
  else if (contest.isError) body = <ContestError error={contest.error} onRetry={() => void contest.refetch()} />;
  else if (!round) body = <Alert type="error">{contestText.notFound}</Alert>;
  else body = <RoundAttempt code={code} round={round} />;
  return (
    <ContestShell code={code} title={contest.data?.title}>
      {body}
    </ContestShell>
  );
}
