import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin.js';
import { Alert, Button } from '../components/plain/Field.js';
import { ContestError, ContestShell } from '../features/contests/ContestShell.js';
import { RegistrationForm } from '../features/contests/RegistrationForm.js';
import { RoundList } from '../features/contests/RoundList.js';
import { contestPublicApi, usePublicContest } from '../features/contests/publicApi.js';
import { contestStorage } from '../features/contests/storage.js';
import type { PublicContest, Registration } from '../features/contests/types.js';
import { useMyContest } from '../features/contests/useRoundAttempt.js';
import { contestText as t, participantGroupLabels } from '../i18n/contests.js';
import { errorText } from '../i18n/errors.js';

/** Who takes part from this browser, or the way to take part: the public registration, or the account for an internal contest. */
function Participant({ contest, token, onToken }: { contest: PublicContest; token: string | null; onToken: (r: Registration | null) => void }) {
  const me = useMyContest(contest.code, token);
  const join = useMutation({ mutationFn: () => contestPublicApi.registerMe(contest.code), onSuccess: onToken });
  if (token !== null) {
    const p = me.data?.participant as Registration['participant'] | undefined;
    return (
      <section className="lt-card" style={{ marginBottom: 12 }} data-testid="participant">
        <div className="lt-card-body">
          {p ? <p style={{ margin: '0 0 8px' }}>{t.registered(p.name, p.unit.name)} {participantGroupLabels[p.group as keyof typeof participantGroupLabels] ?? ''}</p> : null}
          <Button onClick={() => onToken(null)}>{t.notMe}</Button>
        </div>
      </section>
    );
  }
  if (contest.audience === 'public') return <RegistrationForm code={contest.code} onRegistered={onToken} />;
  return (
    <section className="lt-card" style={{ marginBottom: 12 }}>
      <div className="lt-card-body">
        <p>{t.internalNote}</p>
        {join.isError ? <Alert type="error">{errorText(join.error)}</Alert> : null}
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Button variant="primary" size="large" loading={join.isPending} onClick={() => join.mutate()}>
            {t.internalJoin}
          </Button>
          <Link className="lt-link-button" to="/dang-nhap" state={{ from: `/thi/${contest.code}` }}>
            {t.login}
          </Link>
        </div>
      </div>
    </section>
  );
}

function ContestHome({ contest }: { contest: PublicContest }) {
  const [token, setToken] = useState(() => contestStorage.participantToken(contest.code));
  const me = useMyContest(contest.code, token);
  const onToken = (registration: Registration | null) => {
    const next = registration?.participantToken ?? null;
    contestStorage.setParticipantToken(contest.code, next);
    setToken(next);
  };
  const mine = (me.data?.rounds as { number: number; attemptsUsed: number; attemptsAllowed: number; best?: number | null }[] | undefined) ?? null;
  return (
    <>
      <h1>{contest.title}</h1>
      <p className="lt-secondary">
        {t.organiser}: {contest.organiser.name}
      </p>
      <Participant contest={contest} token={token} onToken={onToken} />
      <RoundList code={contest.code} rounds={contest.rounds} mine={token ? mine : null} />
      {contest.rounds.some((r) => r.state === 'closed') ? (
        <p>
          <Link className="lt-link-button" to={`/thi/${encodeURIComponent(contest.code)}/on-tap`} data-testid="practice-link">
            {t.practice}
          </Link>
        </p>
      ) : null}
      <section className="lt-card" style={{ marginBottom: 12 }}>
        <div className="lt-card-head">
          <h2>{t.rules}</h2>
        </div>
        <div className="lt-card-body lt-contest-rules">{contest.rules}</div>
      </section>
    </>
  );
}

/** `/thi/:code`: a contest's public home — rules, rounds, registration, the person's attempts. */
export function ContestPublicPage() {
  const { code = '' } = useParams();
  const contest = usePublicContest(code);
  let body;
  if (contest.isPending) body = <FullPageSpin />;
  else if (contest.isError) body = <ContestError error={contest.error} onRetry={() => void contest.refetch()} />;
  else body = <ContestHome contest={contest.data} />;
  return (
    <ContestShell code={code} title={contest.data?.title}>
      {body}
    </ContestShell>
  );
}
