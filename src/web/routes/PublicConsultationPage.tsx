import { Suspense, useState } from 'react';
import { useParams } from 'react-router';
import type { SubmissionResult } from '../api/types.js';
import { FullPageSpin } from '../components/FullPageSpin.js';
import { Button } from '../components/plain/Field.js';
import { PublicOpinionForm } from '../features/consultation/PublicOpinionForm.js';
import { usePublicConsultation } from '../features/consultation/usePublicConsultation.js';
import { publicFormText as t } from '../i18n/consultation.js';
import { formatDateTime } from '../lib/time.js';
import { lazyPage } from '../manifests/lazyPage.js';
import { brandBlue } from '../theme.js';

/** Loaded only when the consultation cannot be shown (antd's Result stays off the form). */
const ErrorResult = lazyPage(() => import('../components/AntdErrorResult.js'), 'AntdErrorResult');

/** After a submission: thanks, how many opinions were recorded, and a way to send another. */
function Done({ result, onAgain }: { result: SubmissionResult; onAgain: () => void }) {
  return (
    <div data-testid="public-done" role="status" style={{ padding: '48px 16px', textAlign: 'center' }}>
      <title>{`${t.doneTitle} — Lan Tỏa`}</title>
      <div aria-hidden="true" style={{ fontSize: 56, lineHeight: 1, color: '#237804', marginBottom: 24 }}>
        ✓
      </div>
      <h1 style={{ fontSize: 24, lineHeight: 1.33, margin: 0 }}>{t.doneTitle}</h1>
      <p className="lt-secondary" style={{ marginTop: 8, marginBottom: 24 }}>
        {t.done(result.opinions)}
      </p>
      <Button variant="primary" onClick={onAgain}>
        {t.again}
      </Button>
    </div>
  );
}

/** `/gop-y/:code`: the public feedback form of a consultation, without login, phone-sized first, in plain HTML (no antd). */
export function PublicConsultationPage() {
  const { code = '' } = useParams();
  const consultation = usePublicConsultation(code);
  const [done, setDone] = useState<SubmissionResult | null>(null);
  const [round, setRound] = useState(0);

  let body;
  if (consultation.isPending) body = <FullPageSpin />;
  else if (consultation.isError)
    body = (
      <Suspense fallback={<FullPageSpin />}>
        <ErrorResult page error={consultation.error} title={t.closedTitle} onRetry={() => void consultation.refetch()} />
      </Suspense>
    );
  else if (done)
    body = (
      <Done
        result={done}
        onAgain={() => {
          setDone(null);
          setRound((n) => n + 1);
          window.scrollTo(0, 0);
        }}
      />
    );
  else
    body = (
      <>
        <title>{`${consultation.data.title} — Lan Tỏa`}</title>
        <h1 style={{ marginTop: 0, marginBottom: '0.5em', fontSize: 20, lineHeight: 1.4 }}>{consultation.data.title}</h1>
        <p className="lt-secondary">
          {t.intro}
          <br />
          {t.opens} {formatDateTime(consultation.data.opensAt)}
          {consultation.data.closesAt ? ` ${t.closes} ${formatDateTime(consultation.data.closesAt)}` : ''}.
        </p>
        <PublicOpinionForm
          key={round}
          consultation={consultation.data}
          onDone={(result) => {
            setDone(result);
            window.scrollTo(0, 0);
          }}
        />
      </>
    );

  return (
    <div className="lt-plain" style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <header style={{ background: brandBlue, padding: '12px 16px', lineHeight: 1.4 }}>
        <span style={{ color: '#fff', fontWeight: 600, fontSize: 16 }}>{t.pageTitle}</span>
      </header>
      <main style={{ padding: 12 }}>
        <div style={{ maxWidth: 720, margin: '0 auto' }}>{body}</div>
      </main>
    </div>
  );
}
