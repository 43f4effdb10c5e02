import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, Typography, Upload } from 'antd';
import { downloadUrl, isApiError } from '../../api/client.js';
import { errorText } from '../../i18n/errors.js';
import { useImportQuestions } from './api.js';

interface ImportResult {
  rowsRead: number;
  imported: number;
  alreadyPresent: number;
  rejected: { line: number; reason: string }[];
}

/** The import's answer: a success, or (422) the rejected rows, each with its line — nothing was saved then. */
function resultOf(data: unknown, error: unknown): ImportResult | null {
  if (data) return data as ImportResult;
  if (isApiError(error) && error.details && typeof error.details === 'object' && 'rejected' in error.details) return error.details as ImportResult;
  return null;
}

/** Import of questions from CSV or XLSX (all or nothing), with the template to fill. */
export function QuestionImport({ contestId }: { contestId: number }) {
  const upload = useImportQuestions(contestId);
  const result = resultOf(upload.data, upload.error);
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Nhập câu hỏi từ tệp</h2>} data-testid="question-import">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">
          Tệp CSV hoặc XLSX với các cột question, option_a … option_f, correct (các chữ cái, cách nhau bởi dấu ;), topic, difficulty (easy, medium, hard), source. Có dòng sai thì không nhập dòng nào; nhập lại cùng tệp không thêm câu trùng.
        </Typography.Text>
        <Flex gap={8} wrap>
          <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(file) => (upload.mutate(file), false)}>
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="question-import-button">
              Chọn tệp để nhập
            </Button>
          </Upload>
          <a href={downloadUrl('/api/v1/contests/{id}/questions/template.xlsx', { path: { id: contestId } })} download>
            <Button icon={<DownloadOutlined />} tabIndex={-1}>
              Tải tệp mẫu
            </Button>
          </a>
        </Flex>
        {result && result.rejected.length === 0 && <Alert type="success" showIcon message={`Đã đọc ${result.rowsRead} dòng: nhập ${result.imported} câu mới, ${result.alreadyPresent} câu đã có.`} />}
        {result && result.rejected.length > 0 && (
          <>
            <Alert type="error" showIcon message={`Không nhập câu nào: ${result.rejected.length} dòng sai trên ${result.rowsRead} dòng. Sửa các dòng dưới đây rồi nhập lại.`} />
            <Table rowKey="line" size="small" pagination={false} dataSource={result.rejected} columns={[{ title: 'Dòng', dataIndex: 'line', width: 80 }, { title: 'Lý do', dataIndex: 'reason' }]} data-testid="question-import-rejected" />
          </>
        )}
        {upload.isError && !result && <Alert type="error" showIcon message={errorText(upload.error)} />}
      </Flex>
    </Card>
  );
}
