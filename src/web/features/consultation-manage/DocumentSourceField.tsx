import { UploadOutlined } from '@ant-design/icons';
import { Button, Input, Radio, Upload } from 'antd';
import { manageText as t } from '../../i18n/consultation-manage.js';
import type { DocumentSource } from './useConsultationManage.js';

export interface SourceValue {
  mode: 'file' | 'paste';
  file?: File | null;
  text?: string;
}

export const emptySource = (): SourceValue => ({ mode: 'file', file: null, text: '' });

/** The draft's text to send, or null when none was given. */
export function sourceOf(value: SourceValue | undefined): DocumentSource | null {
  if (!value) return null;
  if (value.mode === 'file') return value.file ? { file: value.file } : null;
  return value.text?.trim() ? { text: value.text } : null;
}

/** A draft's text: a file (.docx, .pdf, .txt; read on the server within the upload limits) or pasted text. */
export function DocumentSourceField({ value = emptySource(), onChange, testId }: { value?: SourceValue; onChange?: (value: SourceValue) => void; testId: string }) {
  const set = (changes: Partial<SourceValue>) => onChange?.({ ...value, ...changes });
  return (
    <div data-testid={testId}>
      <Radio.Group
        value={value.mode}
        onChange={(e) => set({ mode: e.target.value as SourceValue['mode'] })}
        options={[
          { value: 'file', label: t.sourceFile },
          { value: 'paste', label: t.sourcePaste },
        ]}
        style={{ marginBottom: 8 }}
      />
      {value.mode === 'file' ? (
        <Upload
          accept=".docx,.pdf,.txt"
          maxCount={1}
          beforeUpload={(file) => {
            set({ file });
            return false;
          }}
          onRemove={() => set({ file: null })}
          fileList={value.file ? [{ uid: '1', name: value.file.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined />}>{t.chooseFile}</Button>
        </Upload>
      ) : (
        <Input.TextArea aria-label={t.sourcePaste} value={value.text} onChange={(e) => set({ text: e.target.value })} autoSize={{ minRows: 4, maxRows: 12 }} placeholder={t.pastePlaceholder} />
      )}
    </div>
  );
}
