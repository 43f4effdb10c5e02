import { Link } from 'react-router';
import { contestText as t, roundStateLabels } from '../../i18n/contests.js';
import { formatDateTime } from '../../lib/time.js';
import type { PublicRound } from './types.js';

interface MyRound {
  number: number;
  attemptsUsed: number;
  attemptsAllowed: number;
  best?: number | null;
}

/** The rounds of a contest: times, settings, state, and the way in (open) or to the results (closed). */
export function RoundList({ code, rounds, mine }: { code: string; rounds: PublicRound[]; mine: MyRound[] | null }) {
  const base = `/thi/${encodeURIComponent(code)}`;
  return (
    <section className="lt-card" style={{ marginBottom: 12 }} data-testid="contest-rounds">
      <div className="lt-card-head">
        <h2>{t.rounds}</h2>
      </div>
      <div className="lt-card-body">
        {rounds.map((r) => {
          const my = mine?.find((m) => m.number === r.number);
          return (
            <article key={r.number} data-testid={`round-${r.number}`} style={{ borderBottom: '1px solid #e5e5e5', paddingBottom: 12, marginBottom: 12 }}>
              <h3 style={{ margin: '0 0 4px', fontSize: 16 }}>
                {t.round(r.number)} · <span className={r.state === 'open' ? '' : 'lt-secondary'}>{roundStateLabels[r.state]}</span>
              </h3>
              <p className="lt-secondary" style={{ margin: 0 }}>
                {t.roundTimes(formatDateTime(r.opensAt), formatDateTime(r.closesAt))}
              </p>
              <p style={{ margin: '4px 0 8px' }}>{t.roundFacts(r.questionsPerAttempt, Math.round(r.timeLimitSeconds / 60), r.attemptsAllowed)}</p>
              {r.prizes.length > 0 ? <p style={{ margin: '0 0 8px' }}>{r.prizes.map((p) => `${p.count} ${p.name}`).join(' · ')}</p> : null}
              {my ? (
                <p style={{ margin: '0 0 8px' }} data-testid={`my-round-${r.number}`}>
                  {t.attemptsUsed(my.attemptsUsed, my.attemptsAllowed)}, {t.best(my.best)}
                </p>
              ) : null}
              {r.state === 'open' ? (
                <Link className="lt-link-button lt-link-button-primary" to={`${base}/vong/${r.number}`} data-testid={`enter-${r.number}`}>
                  {t.enter}
                </Link>
              ) : null}
              {r.state === 'closed' ? (
                <Link className="lt-link-button" to={`${base}/vong/${r.number}/ket-qua`} data-testid={`results-${r.number}`}>
                  {t.results}
                </Link>
              ) : null}
            </article>
          );
        })}
      </div>
    </section>
  );
}
