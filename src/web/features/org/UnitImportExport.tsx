import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Table, Upload } from 'antd';
import { useState } from 'react';
import { api, data, downloadUrl, formData, isApiError } from '../../api/client.js';
import type { ImportResult } from '../../api/types.js';

/** One refused line of an import, as the server lists them in the error's details. */
interface ImportLineError {
  line: number;
  message: string;
}
import { errorText } from '../../i18n/errors.js';
import { unitKeys } from './useUnits.js';

type Outcome =
  | { kind: 'ok'; fileName: string; result: ImportResult }
  | { kind: 'rejected'; fileName: string; errors: ImportLineError[] }
  | { kind: 'failed'; fileName: string; message: string };

function lineErrorsOf(details: unknown): ImportLineError[] {
  if (!details || typeof details !== 'object' || !('errors' in details) || !Array.isArray(details.errors)) return [];
  return (details.errors as unknown[])
    .filter((e): e is ImportLineError => !!e && typeof e === 'object' && 'line' in e && 'message' in e)
    .map((e) => ({ line: Number(e.line), message: String(e.message) }))
    .sort((a, b) => a.line - b.line);
}

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Export buttons (plain downloads) and the import upload with its result. */
export function UnitImportExport() {
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const mutation = useMutation({
    mutationFn: (file: File) => data(api.POST('/api/v1/units/import', { body: { file }, bodySerializer: formData })),
    onSuccess: async (result, file) => {
      setOutcome({ kind: 'ok', fileName: file.name, result });
      await queryClient.invalidateQueries({ queryKey: unitKeys.all });
    },
    onError: (error, file) => {
      if (isApiError(error) && error.code === 'UNAUTHENTICATED') return;
      if (isApiError(error) && error.code === 'IMPORT_REJECTED') {
        setOutcome({ kind: 'rejected', fileName: file.name, errors: lineErrorsOf(error.details) });
        return;
      }
      setOutcome({ kind: 'failed', fileName: file.name, message: errorText(error) });
    },
  });

  return (
    <>
      <Flex gap={8} wrap>
        <Button icon={<DownloadOutlined />} href={downloadUrl('/api/v1/units/export', { query: { format: 'csv' } })} data-testid="unit-export-csv">
          Xuất CSV
        </Button>
        <Button
          icon={<DownloadOutlined />}
          href={downloadUrl('/api/v1/units/export', { query: { format: 'csv', variant: 'people' } })}
          title="Tiêu đề cột, loại đơn vị và ngày tháng bằng tiếng Việt để đọc, in; vẫn nhập lại được"
          data-testid="unit-export-csv-people"
        >
          Xuất CSV tiếng Việt
        </Button>
        <Button icon={<DownloadOutlined />} href={downloadUrl('/api/v1/units/export', { query: { format: 'xlsx' } })} data-testid="unit-export-xlsx">
          Xuất Excel
        </Button>
        <Upload
          accept={ACCEPT}
          showUploadList={false}
          maxCount={1}
          beforeUpload={(file) => {
            mutation.mutate(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={mutation.isPending} data-testid="unit-import">
            Nhập từ tệp
          </Button>
        </Upload>
      </Flex>
      <Modal
        open={outcome !== null}
        title={outcome ? `Kết quả nhập tệp “${outcome.fileName}”` : ''}
        onCancel={() => setOutcome(null)}
        footer={
          <Button type="primary" onClick={() => setOutcome(null)}>
            Đóng
          </Button>
        }
        width={640}
      >
        <ImportOutcome outcome={outcome} />
      </Modal>
    </>
  );
}

/** What became of the imported file: counts, the refused lines, or why it failed. */
function ImportOutcome({ outcome }: { outcome: Outcome | null }) {
  return (
    <div data-testid="unit-import-result">
      {outcome?.kind === 'ok' && (
        <Alert
          type="success"
          showIcon
          title="Đã nhập xong."
          description={`Thêm mới ${outcome.result.created} đơn vị, cập nhật ${outcome.result.updated} đơn vị, ${outcome.result.unchanged} đơn vị không thay đổi.`}
        />
      )}
      {outcome?.kind === 'failed' && <Alert type="error" showIcon title="Chưa nhập được tệp." description={outcome.message} />}
      {outcome?.kind === 'rejected' && (
        <Flex vertical gap={12}>
          <Alert
            type="error"
            showIcon
            title={`Tệp chưa được nhập vì có ${outcome.errors.length} dòng không hợp lệ.`}
            description="Hãy sửa các dòng dưới đây trong tệp rồi nhập lại."
          />
          <Table<ImportLineError>
            size="small"
            rowKey={(r) => `${r.line}-${r.message}`}
            dataSource={outcome.errors}
            pagination={outcome.errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: 'Dòng', dataIndex: 'line', width: 80 },
              { title: 'Lỗi', dataIndex: 'message' },
            ]}
            locale={{ emptyText: 'Máy chủ không cho biết dòng nào bị lỗi.' }}
          />
        </Flex>
      )}
    </div>
  );
}
