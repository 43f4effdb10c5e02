import { DownloadOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Flex, Form, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { DirectiveDraft } from '../api/types.js';
import { ErrorResult } from '../components/ErrorResult.js';
import { DraftForm, toDraftValues, type DraftFormValues } from '../features/directives/DraftForm.js';
import { IssueDraftModal } from '../features/directives/IssueDraftModal.js';
import { IssuedDraftAlert } from '../features/directives/IssuedDraftAlert.js';
import { parseRouteId, useDraft } from '../features/directives/useDirectives.js';
import { downloadFile, draftDocxUrl, useDraftMutations } from '../features/directives/useDraftMutations.js';
import { formatDateTime } from '../lib/time.js';

export function DirectivesDraftPage() {
  const id = parseRouteId(useParams().id);
  const draft = useDraft(id);
  if (id === null) return <ErrorResult page error={null} title="Địa chỉ dự thảo không hợp lệ" />;
  if (draft.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (draft.isError || !draft.data) return <ErrorResult page error={draft.error} onRetry={() => void draft.refetch()} title="Chưa tải được dự thảo" />;
  return <DraftEditor draft={draft.data} />;
}

/** A draft: editable with "Lưu", "Tải DOCX" and "Ban hành" while being drafted; read-only once issued (or for a viewer). */
function DraftEditor({ draft: d }: { draft: DirectiveDraft }) {
  const [form] = Form.useForm<DraftFormValues>();
  const initialValues = useMemo(() => toDraftValues(d.content), [d.content]);
  const [issuing, setIssuing] = useState(false);
  const { save, issue } = useDraftMutations(d.id, form, () => setIssuing(false));

  /** Valid fields first; then `then` (edits are saved before a download). */
  const checked = async (then: () => void) => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    then();
  };
  const downloadDocx = () => {
    if (!d.canEdit) downloadFile(draftDocxUrl(d.id));
    else void checked(() => (form.isFieldsTouched() ? save.mutate('download') : downloadFile(draftDocxUrl(d.id))));
  };
  const openIssue = () =>
    void checked(() => {
      issue.reset();
      setIssuing(true);
    });

  const footer = (
    <Flex justify="flex-end" gap={8} wrap style={{ position: 'sticky', bottom: 0, background: '#fff', paddingBlock: 12, borderTop: '1px solid #f0f0f0', zIndex: 2 }}>
      <Button icon={<DownloadOutlined />} onClick={downloadDocx} loading={save.isPending && save.variables === 'download'} data-testid="draft-docx" disabled={false}>
        Tải DOCX
      </Button>
      {d.canEdit && (
        <>
          <Button htmlType="submit" icon={<SaveOutlined />} loading={save.isPending && save.variables === 'stay'} data-testid="draft-save">
            Lưu
          </Button>
          <Button type="primary" icon={<SendOutlined />} onClick={openIssue} data-testid="draft-issue">
            Ban hành
          </Button>
        </>
      )}
    </Flex>
  );

  return (
    <>
      <title>Dự thảo văn bản thực hiện — Lan Tỏa</title>
      <DraftBreadcrumb draft={d} />
      <Typography.Title level={1} style={{ marginTop: 0, marginBottom: 4 }}>
        Dự thảo văn bản thực hiện
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {d.unitName} — lưu lần cuối {formatDateTime(d.updatedAt)}. Tệp DOCX theo thể thức Hướng dẫn 36-HD/VPTW (văn bản của Đảng) hoặc Nghị định 30/2020/NĐ-CP (văn bản hành chính).
      </Typography.Paragraph>
      {d.status === 'issued' && <IssuedDraftAlert draft={d} />}
      <Card style={{ maxWidth: 900 }}>
        <DraftForm key={d.updatedAt} form={form} initialValues={initialValues} onFinish={() => save.mutate('stay')} footer={footer} disabled={!d.canEdit} />
      </Card>
      {issuing && (
        <IssueDraftModal
          open
          numberSymbol={(form.getFieldValue('numberSymbol') as string | undefined) ?? d.content.numberSymbol}
          unitName={d.unitName}
          pending={issue.isPending}
          error={issue.error}
          onIssue={(values) => issue.mutate(values)}
          onCancel={() => setIssuing(false)}
        />
      )}
    </>
  );
}

function DraftBreadcrumb({ draft: d }: { draft: DirectiveDraft }) {
  return (
    <Breadcrumb
      style={{ marginBottom: 8 }}
      items={[
        { title: <Link to="/van-ban">Văn bản chỉ đạo</Link> },
        ...(d.parentDirectiveId !== null ? [{ title: <Link to={`/van-ban/${d.parentDirectiveId}`}>Văn bản cấp trên</Link> }] : []),
        { title: <Link to="/du-thao">Dự thảo</Link> },
        { title: `#${d.id}` },
      ]}
    />
  );
}
