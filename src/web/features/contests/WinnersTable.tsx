import { winnersText as t } from '../../i18n/contests.js';
import { formatDateTime } from '../../lib/time.js';

export interface WinnerRow {
  rank?: number;
  prize?: string | null;
  name: string;
  unit: string | { name: string };
  phoneMasked?: string | null;
  score: number;
  prediction: number | null;
  durationSeconds: number;
  submittedAt: string;
}

/** Seconds as Vietnamese write them (5,341). */
export const seconds = (value: number) => value.toLocaleString('vi-VN', { maximumFractionDigits: 3 });

const unitName = (u: WinnerRow['unit']) => (typeof u === 'string' ? u : u.name);

/** The published winners (or the top of the ranking): name, unit, masked phone, and every figure of the tie-breaks. */
export function WinnersTable({ rows, caption, testId }: { rows: WinnerRow[]; caption: string; testId: string }) {
  return (
    <>
    <ol className="lt-winners-narrow" aria-label={caption} data-testid={`${testId}-list`}>
      {rows.map((w, i) => (
        <li key={i} className="lt-card" style={{ padding: 12, marginBottom: 8 }}>
          <strong>{`${w.rank ?? i + 1}. ${w.name}`}</strong>
          {w.prize ? <span style={{ color: '#ad4e00', fontWeight: 600 }}>{` · ${w.prize}`}</span> : null}
          <br />
          <span className="lt-secondary">{[unitName(w.unit), w.phoneMasked].filter(Boolean).join(' · ')}</span>
          <br />
          {`${t.score} ${w.score} · ${t.prediction} ${w.prediction ?? '—'} · ${seconds(w.durationSeconds)} giây · ${formatDateTime(w.submittedAt)}`}
        </li>
      ))}
    </ol>
    <div className="lt-contest-scroll lt-winners-wide" role="region" aria-label={caption} tabIndex={0}>
      <table className="lt-contest-table" data-testid={testId}>
        <caption style={{ textAlign: 'left', fontWeight: 600, padding: '8px 0', captionSide: 'top' }}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.rank}</th>
            <th scope="col">{t.prize}</th>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.unit}</th>
            <th scope="col">{t.phone}</th>
            <th scope="col">{t.score}</th>
            <th scope="col">{t.prediction}</th>
            <th scope="col">{t.duration}</th>
            <th scope="col">{t.submittedAt}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((w, i) => (
            <tr key={i}>
              <td>{w.rank ?? i + 1}</td>
              <td>{w.prize ?? ''}</td>
              <td>{w.name}</td>
              <td>{unitName(w.unit)}</td>
              <td>{w.phoneMasked ?? ''}</td>
              <td>{w.score}</td>
              <td>{w.prediction ?? '—'}</td>
              <td>{seconds(w.durationSeconds)}</td>
              <td>{formatDateTime(w.submittedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    </>
  );
}
