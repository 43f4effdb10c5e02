import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Flex, Upload } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../api/client.js';
import { useNotifyError } from '../../lib/useNotifyError.js';
import { periodFileUrl, useImportWorkbook, type PeriodUnit } from './api.js';
import type { ImportIssue } from './types.js';

/** The bad cells of a refused workbook (IMPORT_REJECTED: details.errors, each {sheet, cell, message}). */
function issuesOf(error: unknown): ImportIssue[] {
  if (!isApiError(error) || !error.details || typeof error.details !== 'object') return [];
  const raw = Array.isArray(error.details) ? error.details : 'errors' in error.details && Array.isArray(error.details.errors) ? error.details.errors : [];
  return (raw as ImportIssue[]).filter((i) => i && typeof i.cell === 'string');
}

/** Tệp: DOCX of the report (and of the consolidation, XLSX too, for a receiving unit), the Excel template, and loading a filled template back. */
export function DownloadsCard({ p, receives, editable }: { p: PeriodUnit; receives: boolean; editable: boolean }) {
  const [submit, setSubmit] = useState(false);
  const [issues, setIssues] = useState<ImportIssue[]>([]);
  const importing = useImportWorkbook(p);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const upload = (file: File) => {
    setIssues([]);
    importing.mutate(
      { file, submit },
      {
        onSuccess: () => void message.success(submit ? 'Đã nhập và gửi báo cáo.' : 'Đã nhập số liệu vào bản nháp.'),
        onError: (error) => {
          const found = issuesOf(error);
          if (found.length > 0) setIssues(found);
          else notifyError(error);
        },
      },
    );
    return false;
  };
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Tệp báo cáo</h2>} data-testid="report-files">
      <Flex vertical gap={8}>
        <Flex wrap gap={8}>
          <Button icon={<DownloadOutlined />} href={periodFileUrl(p, 'report.docx')}>Báo cáo (DOCX)</Button>
          {receives && <Button icon={<DownloadOutlined />} href={periodFileUrl(p, 'consolidation.docx')}>Báo cáo tổng hợp (DOCX)</Button>}
          {receives && <Button icon={<DownloadOutlined />} href={periodFileUrl(p, 'consolidation.xlsx')}>Số liệu tổng hợp (Excel)</Button>}
          <Button icon={<DownloadOutlined />} href={periodFileUrl(p, 'template.xlsx')} data-testid="template-download">Tải mẫu Excel</Button>
        </Flex>
        {editable && (
          <Flex wrap gap={8} align="center">
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={upload} maxCount={1}>
              <Button icon={<UploadOutlined />} loading={importing.isPending} data-testid="import-upload">Nhập từ tệp Excel đã điền</Button>
            </Upload>
            <Checkbox checked={submit} onChange={(e) => setSubmit(e.target.checked)}>Gửi luôn sau khi nhập</Checkbox>
          </Flex>
        )}
        {issues.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={`Tệp có ${issues.length} ô sai; chưa lưu số liệu nào.`}
            description={<ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="import-issues">{issues.map((i) => <li key={`${i.sheet}!${i.cell}`}>{`Trang "${i.sheet}", ô ${i.cell}: ${i.message}`}</li>)}</ul>}
          />
        )}
      </Flex>
    </Card>
  );
}
