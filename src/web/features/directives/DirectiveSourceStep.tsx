import { api, data, formData } from '../../api/client.js';
import { FileTextOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, Segmented, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import type { DirectiveParseResult } from '../../api/types.js';
import { useNotifyError } from '../../lib/useNotifyError.js';
import { UnitTreeSelect } from '../org/UnitTreeSelect.js';
import { ParseProgress, newProgressId } from './ParseProgress.js';
import { useEditableUnits } from './useEditableUnits.js';

export interface ParsedSource {
  result: DirectiveParseResult;
  ownerUnitId: number;
  /** The uploaded file, kept with the directive when saved. */
  file: File | null;
}

const ACCEPT = '.docx,.pdf,.txt,application/pdf,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MAX_BYTES = 20 * 1024 * 1024;

/** Reads the pasted text or the file; a file's parse carries an id its progress is polled by. */
function useParseSource(source: { mode: 'text' | 'file'; text: string; file: File | null; ownerUnitId: number | null; onParsed: (source: ParsedSource) => void }) {
  const notifyError = useNotifyError();
  const [progressId, setProgressId] = useState<string | null>(null);
  const parse = useMutation({
    mutationFn: async (): Promise<ParsedSource> => {
      const { mode, text, file, ownerUnitId } = source;
      if (ownerUnitId === null) throw new Error('owner unit missing');
      if (mode === 'file' && file) {
        const id = newProgressId();
        setProgressId(id);
        const body = { file, ownerUnitId: String(ownerUnitId), progressId: id };
        return { result: await data(api.POST('/api/v1/directives/parse-file', { body, bodySerializer: formData })), ownerUnitId, file };
      }
      return { result: await data(api.POST('/api/v1/directives/parse', { body: { text, ownerUnitId } })), ownerUnitId, file: null };
    },
    onSuccess: source.onParsed,
    onError: notifyError,
  });
  return { parse, progressId };
}

/** Step 1 of registering: the text (pasted or a file) and the unit that keeps it in its register. */
export function DirectiveSourceStep({ initial, onParsed }: { initial: ParsedSource | null; onParsed: (source: ParsedSource) => void }) {
  const editable = useEditableUnits();
  const [mode, setMode] = useState<'text' | 'file'>(initial?.file ? 'file' : 'text');
  const [text, setText] = useState(initial && !initial.file ? initial.result.text : '');
  const [file, setFile] = useState<File | null>(initial?.file ?? null);
  const [ownerUnitId, setOwnerUnitId] = useState<number | null>(initial?.ownerUnitId ?? null);
  const [fileError, setFileError] = useState<string | null>(null);

  useEffect(() => {
    if (ownerUnitId === null && editable.firstId !== null) setOwnerUnitId(editable.firstId);
  }, [ownerUnitId, editable.firstId]);

  const { parse, progressId } = useParseSource({ mode, text, file, ownerUnitId, onParsed });

  const ready = ownerUnitId !== null && (mode === 'file' ? file !== null : text.trim() !== '');
  const noUnits = !editable.loading && editable.ids.size === 0;

  return (
    <Card>
      <Form layout="vertical" onFinish={() => parse.mutate()}>
        <Form.Item
          label="Đơn vị đăng ký (sổ văn bản của đơn vị nào)"
          htmlFor="dk-don-vi"
          required
          validateStatus={noUnits ? 'error' : undefined}
          help={noUnits ? 'Bạn chưa có quyền biên tập ở đơn vị nào nên chưa thể đăng ký văn bản.' : undefined}
          style={{ maxWidth: 560 }}
        >
          <UnitTreeSelect
            id="dk-don-vi"
            value={ownerUnitId}
            onChange={setOwnerUnitId}
            disabledIds={editable.disabledIds}
            allowClear={false}
            placeholder="Chọn đơn vị"
            data-testid="directive-owner-unit"
          />
        </Form.Item>
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
          <Form.Item label="Nội dung văn bản" htmlFor="dk-noi-dung" extra="Dán toàn bộ văn bản, từ phần đầu (tên cơ quan, số, ngày) đến phần nơi nhận và chữ ký.">
            <Input.TextArea
              id="dk-noi-dung"
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoSize={{ minRows: 10, maxRows: 24 }}
              placeholder="Dán nội dung văn bản vào đây…"
              data-testid="directive-paste"
            />
          </Form.Item>
        ) : (
          <SourceFileField file={file} error={fileError} onFile={setFile} onError={setFileError} />
        )}
        <Flex justify="flex-end" align="center" gap={16} wrap>
          {parse.isPending && mode === 'file' && progressId && <ParseProgress id={progressId} />}
          <Button type="primary" htmlType="submit" disabled={!ready} loading={parse.isPending} data-testid="directive-parse">
            Đọc văn bản
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}

/**
 * The file to read (.docx, .pdf, .txt up to 20 MB), refused in the browser when of another kind or
 * too large; `error` lives with the step so that it stays while switching to pasting and back.
 */
function SourceFileField(props: { file: File | null; error: string | null; onFile: (file: File | null) => void; onError: (error: string | null) => void }) {
  const { file, error, onFile, onError } = props;
  return (
    <Form.Item
      label="Tệp văn bản"
      validateStatus={error ? 'error' : undefined}
      help={error ?? 'Tệp Word (.docx), PDF (.pdf, cả bản scan: chữ được nhận dạng tự động) hoặc văn bản thuần (.txt), tối đa 20 MB. Tệp gốc được lưu kèm văn bản.'}
    >
      <Upload.Dragger
        accept={ACCEPT}
        maxCount={1}
        fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
        beforeUpload={(f) => {
          if (!/\.(docx|pdf|txt)$/i.test(f.name)) {
            onError('Chỉ nhận tệp .docx, .pdf hoặc .txt. Tệp .doc (Word cũ) hãy lưu lại thành .docx rồi tải lên.');
            return Upload.LIST_IGNORE;
          }
          if (f.size > MAX_BYTES) {
            onError('Tệp lớn hơn 20 MB. Hãy chọn tệp nhỏ hơn.');
            return Upload.LIST_IGNORE;
          }
          onError(null);
          onFile(f);
          return false;
        }}
        onRemove={() => onFile(null)}
        data-testid="directive-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <Typography.Paragraph style={{ marginBottom: 0 }}>Bấm để chọn tệp hoặc kéo tệp vào đây</Typography.Paragraph>
      </Upload.Dragger>
    </Form.Item>
  );
}
