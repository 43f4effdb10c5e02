import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin.js';
import { Alert } from '../components/plain/Field.js';
import { ContestError, ContestShell } from '../features/contests/ContestShell.js';
import { contestPublicApi, usePublicContest } from '../features/contests/publicApi.js';
import { contestStorage } from '../features/contests/storage.js';
import { WinnersTable, type WinnerRow } from '../features/contests/WinnersTable.js';
import { attemptText, predictionKindLabels, winnersText as t } from '../i18n/contests.js';
import { formatDateTime } from '../lib/time.js';

type Winners = Awaited<ReturnType<typeof contestPublicApi.winners>>;

function Facts({ w }: { w: Winners }) {
  const facts: [string, string][] = [
    [t.officialFigure, String(w.officialFigure ?? '—')],
    [t.people, String(w.people)],
    [t.attempts, String(w.attempts)],
    [t.perfectScores, String(w.perfectScores)],
  ];
  return (
    <>
      <dl className="lt-contest-facts" data-testid="winners-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p>
        <strong>{t.method}:</strong> {w.officialMethod}
        <br />
        <strong>{t.cutOff}:</strong> {w.cutOff ? `${formatDateTime(w.cutOff)} (giờ Việt Nam)` : '—'}
      </p>
    </>
  );
}

/** A registered visitor's own rank (once the round is closed). */
function MyRank({ code, round }: { code: string; round: number }) {
  const token = contestStorage.participantToken(code);
  const rank = useQuery({ queryKey: ['contest-my-rank', code, round, token], queryFn: () => contestPublicApi.myRank(code, round, token ?? ''), enabled: token !== null, retry: false });
  if (!rank.data || rank.data.rank == null) return null;
  return (
    <p data-testid="my-rank" style={{ fontWeight: 600 }}>
      {t.myRank(rank.data.rank, rank.data.total)}
    </p>
  );
}

/** `/thi/:code/vong/:number/ket-qua`: a closed round's official figure, how it was counted, the cut-off, and the winners once confirmed. */
export function ContestWinnersPage() {
  const { code = '', number = '' } = useParams();
  const round = Number(number);
  const contest = usePublicContest(code);
  const winners = useQuery({ queryKey: ['contest-winners', code, round], queryFn: () => contestPublicApi.winners(code, round), retry: false });
  let body;
  if (winners.isPending) body = <FullPageSpin />;
  else if (winners.isError) body = <ContestError error={winners.error} onRetry={() => void winners.refetch()} />;
  else {
    const w = winners.data;
    const rows: WinnerRow[] = w.winners;
    const kind = contest.data?.rounds.find((r) => r.number === round)?.prediction;
    body = (
      <>
        <h1>{t.title(round)}</h1>
        {kind ? <p className="lt-secondary">{`${t.officialFigure}: ${predictionKindLabels[kind].toLowerCase()}`}</p> : null}
        <Facts w={w} />
        <MyRank code={code} round={round} />
        {w.confirmed && rows.length > 0 ? <WinnersTable rows={rows} caption={t.winners} testId="winners-table" /> : <Alert type="warning">{w.notice ?? t.notConfirmed}</Alert>}
        <p style={{ marginTop: 16 }}>
          <Link to={`/thi/${encodeURIComponent(code)}`}>{attemptText.backHome}</Link>
        </p>
      </>
    );
  }
  return (
    <ContestShell code={code} title={contest.data?.title}>
      {body}
    </ContestShell>
  );
}
