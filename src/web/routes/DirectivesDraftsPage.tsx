import { Card, Flex, Segmented, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { DraftListQuery } from '../api/types.js';
import { ErrorResult } from '../components/ErrorResult.js';
import { DraftTable } from '../features/directives/DraftTable.js';
import { useDraftList } from '../features/directives/useDirectives.js';

type StatusFilter = 'draft' | 'issued' | 'all';
const statusOptions: { value: StatusFilter; label: string }[] = [
  { value: 'draft', label: 'Đang soạn' },
  { value: 'issued', label: 'Đã ban hành' },
  { value: 'all', label: 'Tất cả' },
];

/** The drafts of implementing directives of the user's units and their subtrees (/du-thao); the filter lives in the address. */
export function DirectivesDraftsPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('trang-thai');
  const status: StatusFilter = raw === 'issued' || raw === 'all' ? raw : 'draft';
  const query: DraftListQuery = status === 'all' ? {} : { status };
  const list = useDraftList(query);

  return (
    <>
      <title>Dự thảo văn bản thực hiện — Lan Tỏa</title>
      <Typography.Title level={1} style={{ marginTop: 0 }}>
        Dự thảo văn bản thực hiện
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Dự thảo của các đơn vị bạn phụ trách (và đơn vị trực thuộc). Bấm vào dự thảo để sửa, tải DOCX hoặc ban hành.
      </Typography.Paragraph>
      <Card styles={{ body: { padding: 12 } }}>
        <Flex vertical gap={12}>
          <Segmented<StatusFilter>
            aria-label="Lọc theo trạng thái"
            options={statusOptions}
            value={status}
            onChange={(value) => setParams(value === 'draft' ? {} : { 'trang-thai': value }, { replace: true })}
            style={{ alignSelf: 'flex-start' }}
          />
          {list.isError ? (
            <ErrorResult error={list.error} onRetry={() => void list.refetch()} title="Chưa tải được danh sách dự thảo" />
          ) : (
            <DraftTable items={list.data?.items} loading={list.isPending} />
          )}
        </Flex>
      </Card>
    </>
  );
}
