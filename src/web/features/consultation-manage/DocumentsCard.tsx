import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { manageText as t } from '../../i18n/consultation-manage.js';
import { useNotifyError } from '../../lib/useNotifyError.js';
import { DocumentSourceField, emptySource, sourceOf, type SourceValue } from './DocumentSourceField.js';
import { useLoadDocumentText, type ConsultationDetail } from './useConsultationManage.js';

/** The consultation's drafts by title, with how many sections each has; managers load or replace a draft's text. */
export function DocumentsCard({ detail }: { detail: ConsultationDetail }) {
  const [open, setOpen] = useState<{ code: string; title: string } | null>(null);
  const [source, setSource] = useState<SourceValue>(emptySource());
  const load = useLoadDocumentText(detail.code);
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const ready = sourceOf(source);
  return (
    <Card size="small" title={t.documentsTitle}>
      <List
        dataSource={detail.documents}
        renderItem={(d) => (
          <List.Item
            data-testid={`consultation-doc-${d.code}`}
            extra={
              detail.canEdit ? (
                <Button
                  icon={<UploadOutlined />}
                  onClick={() => {
                    setSource(emptySource());
                    setOpen(d);
                  }}
                >
                  {d.sections === 0 ? t.loadText : t.replaceText}
                </Button>
              ) : null
            }
          >
            <List.Item.Meta title={d.title} description={<Typography.Text type="secondary">{t.sections(d.sections)}</Typography.Text>} />
          </List.Item>
        )}
      />
      <Modal
        open={open !== null}
        title={open ? t.loadTextTitle(open.title) : ''}
        okText={t.loadTextOk}
        okButtonProps={{ disabled: !ready }}
        confirmLoading={load.isPending}
        onCancel={() => setOpen(null)}
        onOk={() => {
          if (!open || !ready) return;
          load.mutate(
            { documentCode: open.code, source: ready },
            {
              onSuccess: (result) => {
                void message.success(t.textLoaded(result.sections));
                setOpen(null);
              },
              onError: notifyError,
            },
          );
        }}
      >
        <DocumentSourceField value={source} onChange={setSource} testId="consultation-load-source" />
      </Modal>
    </Card>
  );
}
