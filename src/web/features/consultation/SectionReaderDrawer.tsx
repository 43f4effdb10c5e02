import { useQuery } from '@tanstack/react-query';
import { Drawer, Empty, Skeleton, Typography } from 'antd';
import { api, data } from '../../api/client.js';
import { AntdProvider } from '../../components/AntdProvider.js';
import { ErrorResult } from '../../components/ErrorResult.js';
import { publicFormText as t } from '../../i18n/consultation.js';
import { useIsMobile } from '../../lib/useIsMobile.js';
import { numbered, sectionWithDescendants } from './sectionText.js';

export interface SectionReaderDrawerProps {
  consultationCode: string;
  documentCode: string;
  sectionRef: string | null;
  testId: string;
  label: string;
  open: boolean;
  onClose: () => void;
}

/**
 * The reader's drawer (from the bottom on a phone, from the side on a wider screen) with the section's
 * text, fetched the first time it opens. Loaded on demand by SectionReader: antd's Drawer stays off
 * the public form until a reader asks for a text.
 */
export function SectionReaderDrawer({ consultationCode, documentCode, sectionRef, testId, label, open, onClose }: SectionReaderDrawerProps) {
  const mobile = useIsMobile();
  const text = useQuery({
    queryKey: ['public-document', consultationCode, documentCode],
    queryFn: () => data(api.GET('/api/v1/public/consultations/{code}/documents/{documentCode}', { params: { path: { code: consultationCode, documentCode } } })),
    enabled: open,
    staleTime: 10 * 60_000,
  });
  const shown = text.data ? sectionWithDescendants(text.data.sections, sectionRef) : [];
  return (
    <AntdProvider>
      <Drawer
        open={open}
        onClose={onClose}
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
    </AntdProvider>
  );
}
