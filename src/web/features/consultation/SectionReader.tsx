import { ReadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Empty, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { api, data } from '../../api/client.js';
import { ErrorResult } from '../../components/ErrorResult.js';
import { publicFormText as t } from '../../i18n/consultation.js';
import { useIsMobile } from '../../lib/useIsMobile.js';
import { numbered, sectionWithDescendants } from './sectionText.js';

/**
 * "Đọc nội dung phần này": the text of the section a reader comments on (or of the whole draft),
 * in a drawer from the bottom on a phone and from the side on a wider screen. The draft's text is
 * fetched the first time a reader opens it, so the form itself stays light.
 */
export function SectionReader({ consultationCode, documentCode, sectionRef, testId }: { consultationCode: string; documentCode: string; sectionRef: string | null; testId: string }) {
  const [open, setOpen] = useState(false);
  const mobile = useIsMobile();
  const text = useQuery({
    queryKey: ['public-document', consultationCode, documentCode],
    queryFn: () => data(api.GET('/api/v1/public/consultations/{code}/documents/{documentCode}', { params: { path: { code: consultationCode, documentCode } } })),
    enabled: open,
    staleTime: 10 * 60_000,
  });
  const shown = text.data ? sectionWithDescendants(text.data.sections, sectionRef) : [];
  const label = sectionRef ? t.readSection : t.readDocument;
  return (
    <>
      <Button type="link" icon={<ReadOutlined />} onClick={() => setOpen(true)} data-testid={testId} style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}>
        {label}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={text.data?.title ?? label}
        placement={mobile ? 'bottom' : 'right'}
        height={mobile ? '85%' : undefined}
        width={mobile ? undefined : 'min(640px, 100vw)'}
        closeIcon={<span aria-label={t.readerClose}>✕</span>}
        data-testid={`${testId}-drawer`}
      >
        {text.isError ? (
          <ErrorResult error={text.error} onRetry={() => void text.refetch()} />
        ) : text.isPending ? (
          <Skeleton active />
        ) : shown.length === 0 ? (
          <Empty description={t.readerEmpty} />
        ) : (
          <article data-testid={`${testId}-text`} style={{ fontSize: 16, lineHeight: 1.6 }}>
            {shown.map((s) => (
              <div key={s.ref} style={{ marginBottom: 12 }}>
                {s.heading ? (
                  <Typography.Paragraph strong style={{ marginBottom: s.body ? 4 : 0 }}>
                    {numbered(s, s.heading)}
                  </Typography.Paragraph>
                ) : null}
                {s.body ? <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-line' }}>{s.heading ? s.body : numbered(s, s.body)}</Typography.Paragraph> : null}
              </div>
            ))}
          </article>
        )}
      </Drawer>
    </>
  );
}
