import { Button, Layout, Result, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { SubmissionResult } from '../api/types.js';
import { ErrorResult } from '../components/ErrorResult.js';
import { FullPageSpin } from '../components/FullPageSpin.js';
import { PublicOpinionForm } from '../features/consultation/PublicOpinionForm.js';
import { usePublicConsultation } from '../features/consultation/usePublicConsultation.js';
import { publicFormText as t } from '../i18n/consultation.js';
import { formatDateTime } from '../lib/time.js';

/** `/gop-y/:code`: the public feedback form of a consultation, without login, phone-sized first. */
export function PublicConsultationPage() {
  const { code = '' } = useParams();
  const consultation = usePublicConsultation(code);
  const [done, setDone] = useState<SubmissionResult | null>(null);
  const [round, setRound] = useState(0);

  let body;
  if (consultation.isPending) body = <FullPageSpin />;
  else if (consultation.isError) body = <ErrorResult page error={consultation.error} title={t.closedTitle} onRetry={() => void consultation.refetch()} />;
  else if (done)
    body = (
      <Result
        status="success"
        data-testid="public-done"
        role="status"
        title={
          <>
            <title>{`${t.doneTitle} — Lan Tỏa`}</title>
            <Typography.Title level={1} style={{ fontSize: 'inherit', lineHeight: 'inherit', margin: 0 }}>
              {t.doneTitle}
            </Typography.Title>
          </>
        }
        subTitle={t.done(done.opinions)}
        extra={
          <Button
            type="primary"
            onClick={() => {
              setDone(null);
              setRound((n) => n + 1);
              window.scrollTo(0, 0);
            }}
          >
            {t.again}
          </Button>
        }
      />
    );
  else
    body = (
      <>
        <title>{`${consultation.data.title} — Lan Tỏa`}</title>
        <Typography.Title level={1} style={{ marginTop: 0, fontSize: 20, lineHeight: 1.4 }}>
          {consultation.data.title}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {t.intro}
          <br />
          {t.opens} {formatDateTime(consultation.data.opensAt)}
          {consultation.data.closesAt ? ` ${t.closes} ${formatDateTime(consultation.data.closesAt)}` : ''}.
        </Typography.Paragraph>
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
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Layout.Header style={{ background: '#1554a5', paddingInline: 16, height: 'auto', lineHeight: 1.4, paddingBlock: 12 }}>
        <Typography.Text style={{ color: '#fff', fontWeight: 600, fontSize: 16 }}>{t.pageTitle}</Typography.Text>
      </Layout.Header>
      <Layout.Content style={{ padding: 12 }}>
        <div style={{ maxWidth: 720, margin: '0 auto' }}>{body}</div>
      </Layout.Content>
    </Layout>
  );
}
