import { FileTextOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, Segmented, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, data, formData } from '../../api/client.js';
import { useNotifyError } from '../../lib/useNotifyError.js';
import type { CampaignProposal } from './campaignTypes.js';
import { proposeFrom } from './useCampaignEditing.js';

const ACCEPT = '.docx,.pdf,.txt,application/pdf,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MAX_BYTES = 20 * 1024 * 1024;

/** A file's text: a .txt read here, a .docx or .pdf read by the server (the directives' reader, within its limits). */
async function textOfFile(file: File): Promise<string> {
  if (/\.txt$/i.test(file.name)) return file.text();
  return (await data(api.POST('/api/v1/directives/parse-file', { body: { file }, bodySerializer: formData }))).text;
}

/** Step 1: the plan's text, pasted or from a file; "Đọc kế hoạch" proposes its structure. */
export function CampaignSourceStep({ onProposed }: { onProposed: (proposal: CampaignProposal) => void }) {
  const notifyError = useNotifyError();
  const [mode, setMode] = useState<'text' | 'file'>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const propose = useMutation({
    mutationFn: async () => proposeFrom(mode === 'file' && file ? await textOfFile(file) : text),
    onSuccess: onProposed,
    onError: notifyError,
  });
  const ready = mode === 'file' ? file !== null : text.trim() !== '';
  return (
    <Card>
      <Form layout="vertical" onFinish={() => propose.mutate()}>
        <Segmented<'text' | 'file'>
          value={mode}
          onChange={setMode}
          options={[
            { value: 'text', label: 'Dán nội dung', icon: <FileTextOutlined /> },
            { value: 'file', label: 'Tải tệp lên', icon: <InboxOutlined /> },
          ]}
          style={{ marginBottom: 12 }}
        />
        {mode === 'text' ? (
          <Form.Item label="Nội dung kế hoạch" htmlFor="kh-noi-dung" extra="Dán toàn bộ kế hoạch: các đợt, nội dung, hình thức và phần “Tổ chức thực hiện”.">
            <Input.TextArea id="kh-noi-dung" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 10, maxRows: 24 }} placeholder="Dán nội dung kế hoạch vào đây…" data-testid="campaign-paste" />
          </Form.Item>
        ) : (
          <Form.Item label="Tệp kế hoạch" validateStatus={fileError ? 'error' : undefined} help={fileError ?? 'Tệp Word (.docx), PDF có lớp chữ (.pdf) hoặc văn bản thuần (.txt), tối đa 20 MB.'}>
            <Upload.Dragger
              accept={ACCEPT}
              maxCount={1}
              fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
              beforeUpload={(f) => {
                const error = !/\.(docx|pdf|txt)$/i.test(f.name) ? 'Chỉ nhận tệp .docx, .pdf hoặc .txt.' : f.size > MAX_BYTES ? 'Tệp lớn hơn 20 MB. Hãy chọn tệp nhỏ hơn.' : null;
                setFileError(error);
                if (error) return Upload.LIST_IGNORE;
                setFile(f);
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <Typography.Paragraph style={{ marginBottom: 0 }}>Bấm để chọn tệp hoặc kéo tệp vào đây</Typography.Paragraph>
            </Upload.Dragger>
          </Form.Item>
        )}
        <Flex justify="flex-end">
          <Button type="primary" htmlType="submit" disabled={!ready} loading={propose.isPending} data-testid="campaign-propose">
            Đọc kế hoạch
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
