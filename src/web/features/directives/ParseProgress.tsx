import { useQuery } from '@tanstack/react-query';
import { Flex, Progress, Typography } from 'antd';
import { api, data } from '../../api/client.js';

/** A fresh id naming one upload's parse, so that its progress can be asked for while it runs. */
export function newProgressId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `p-${Date.now()}-${Math.random().toString(36).slice(2, 12)}`;
}

/**
 * The progress of reading an uploaded file, polled while the upload's request runs: for a scan
 * "Đang nhận dạng chữ trang 3/10…" with a bar; before the server knows (or for a file without
 * scanned pages) a plain "Đang đọc tệp…".
 */
export function ParseProgress({ id }: { id: string }) {
  const progress = useQuery({
    queryKey: ['directive-parse-progress', id],
    // Not known yet (or asked of another server): no progress to show, not an error.
    queryFn: () => data(api.GET('/api/v1/directives/parse-file/progress/{id}', { params: { path: { id } } })).catch(() => null),
    refetchInterval: 700,
    gcTime: 0,
  });
  const p = progress.data;
  const scanning = p && p.total > 0;
  return (
    <Flex vertical gap={4} style={{ maxWidth: 420 }} data-testid="directive-parse-progress" aria-live="polite">
      <Typography.Text type="secondary">
        {scanning ? `Đang nhận dạng chữ bản scan: trang ${Math.max(1, p.started)}/${p.total}…` : 'Đang đọc tệp…'}
      </Typography.Text>
      {scanning && <Progress percent={Math.round((p.done / p.total) * 100)} size="small" status="active" />}
    </Flex>
  );
}
