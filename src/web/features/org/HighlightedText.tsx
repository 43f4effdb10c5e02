import { splitMatch } from '../../lib/fold.js';

/** `text` with the part matching `query` (ignoring marks and case) highlighted. */
export function HighlightedText({ text, query, whole }: { text: string; query: string; whole: boolean }) {
  const parts = query ? splitMatch(text, query) : null;
  if (!parts) return whole ? <mark className="lt-match">{text}</mark> : <>{text}</>;
  return (
    <>
      {parts.map((p, i) =>
        p.match ? (
          <mark key={i} className="lt-match">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
