import { Button, Result } from 'antd';
import { errorText } from '../i18n/errors.js';

/** A whole-area error with what to do next and an optional retry button. */
export function ErrorResult({
  error,
  onRetry,
  fullPage = false,
  title = 'Chưa tải được dữ liệu',
}: {
  error: unknown;
  onRetry?: () => void;
  fullPage?: boolean;
  title?: string;
}) {
  return (
    <Result
      status="warning"
      title={title}
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
