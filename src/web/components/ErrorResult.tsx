import { Button, Result, Typography } from 'antd';
import { errorText } from '../i18n/errors.js';

/**
 * A whole-area error with what to do next and an optional retry button. With `page` (or `fullPage`)
 * it stands for the whole page: its title is the page's h1 and the document's title.
 */
export function ErrorResult({
  error,
  onRetry,
  fullPage = false,
  page = fullPage,
  title = 'Chưa tải được dữ liệu',
}: {
  error: unknown;
  onRetry?: () => void;
  fullPage?: boolean;
  page?: boolean;
  title?: string;
}) {
  return (
    <Result
      status="warning"
      title={
        page ? (
          <>
            <title>{`${title} — Lan Tỏa`}</title>
            <Typography.Title level={1} style={{ fontSize: 'inherit', lineHeight: 'inherit', margin: 0 }}>
              {title}
            </Typography.Title>
          </>
        ) : (
          title
        )
      }
      subTitle={errorText(error)}
      style={fullPage ? { paddingTop: '15vh' } : undefined}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            Thử lại
          </Button>
        ) : undefined
      }
    />
  );
}
