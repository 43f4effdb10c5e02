import { useMutation } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button } from '../components/plain/Field.js';
import { ContestShell } from '../features/contests/ContestShell.js';
import { contestPublicApi, usePublicContest } from '../features/contests/publicApi.js';
import { QuestionCard } from '../features/contests/QuestionCard.js';
import { attemptText, contestText, practiceText as t } from '../i18n/contests.js';
import { errorText } from '../i18n/errors.js';

interface PracticeQuestion {
  position: number;
  text: string;
  options: string[];
  multiple: boolean;
}
interface Checked {
  correct: boolean;
  correctPositions: number[];
  explanation?: string | null;
  source?: string | null;
}

/** One practice question: choose, check, then the key, the explanation and the source. */
function PracticeItem({ token, q, total }: { token: string; q: PracticeQuestion; total: number }) {
  const [chosen, setChosen] = useState<number[]>([]);
  const check = useMutation({ mutationFn: (c: number[]): Promise<Checked> => contestPublicApi.practiceAnswer(token, q.position, c) });
  const onChoose = useCallback((_: number, c: number[]) => setChosen(c), []);
  const result = check.data;
  const marks = result ? q.options.map((_, i) => (result.correctPositions.includes(i) ? ('correct' as const) : chosen.includes(i) ? ('wrong' as const) : null)) : undefined;
  return (
    <div style={{ marginBottom: 16 }}>
      <QuestionCard position={q.position} total={total} text={q.text} options={q.options} multiple={q.multiple} chosen={chosen} disabled={!!result} marks={marks} onChoose={onChoose} />
      {result ? (
        <div className="lt-card" role="status" data-testid={`practice-result-${q.position}`} style={{ padding: 12 }}>
          <strong style={{ color: result.correct ? '#237804' : '#c4161c' }}>{result.correct ? t.correct : t.wrong}</strong>
          {result.explanation ? <p style={{ margin: '8px 0 0' }}>{result.explanation}</p> : null}
          {result.source ? <p className="lt-secondary" style={{ margin: '8px 0 0' }}>{`${t.source}: ${result.source}`}</p> : null}
        </div>
      ) : (
        <Button variant="primary" size="large" disabled={chosen.length === 0} loading={check.isPending} onClick={() => check.mutate(chosen)} data-testid={`practice-check-${q.position}`}>
          {t.check}
        </Button>
      )}
      {check.isError ? <Alert type="error">{errorText(check.error)}</Alert> : null}
    </div>
  );
}

/** `/thi/:code/on-tap`: practice on the questions of closed rounds, with the explanation after each answer; never ranked nor counted. */
export function ContestPracticePage() {
  const { code = '' } = useParams();
  const contest = usePublicContest(code);
  const start = useMutation({ mutationFn: async () => (await contestPublicApi.practice(code)) as { practiceToken: string; questions: PracticeQuestion[] } });
  const set = start.data;
  return (
    <ContestShell code={code} title={contest.data?.title}>
      <h1>{t.title}</h1>
      <p className="lt-secondary">{contestText.practiceIntro}</p>
      {start.isError ? <Alert type="error">{errorText(start.error)}</Alert> : null}
      {set ? (
        <div key={set.practiceToken} data-testid="practice">
          {set.questions.length === 0 ? <Alert type="warning">{t.none}</Alert> : null}
          {set.questions.map((q) => (
            <PracticeItem key={q.position} token={set.practiceToken} q={q} total={set.questions.length} />
          ))}
        </div>
      ) : null}
      <Button variant={set ? 'default' : 'primary'} size="large" block loading={start.isPending} onClick={() => start.mutate()} data-testid="practice-start" style={{ marginBottom: 16 }}>
        {set ? t.another : t.start}
      </Button>
      <Link to={`/thi/${encodeURIComponent(code)}`}>{attemptText.backHome}</Link>
    </ContestShell>
  );
}
