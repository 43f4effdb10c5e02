import { api, data, downloadUrl } from '../api/client.js';
import { DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Breadcrumb, Button, Card, Flex, Form, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorResult } from '../components/ErrorResult.js';
import { DraftForm, fromDraftValues, toDraftValues, type DraftFormValues } from '../features/directives/DraftForm.js';
import { directiveKeys, parseRouteId, useDraft } from '../features/directives/useDirectives.js';
import { formatDateTime } from '../lib/time.js';
import { useNotifyError } from '../lib/useNotifyError.js';

function download(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function DirectivesDraftPage() {
  const id = parseRouteId(useParams().id);
  const draft = useDraft(id);
  const [form] = Form.useForm<DraftFormValues>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const initialValues = useMemo(() => (draft.data ? toDraftValues(draft.data.content) : null), [draft.data]);

  const save = useMutation({
    mutationFn: async (then: 'stay' | 'download') => {
      const values = form.getFieldsValue(true) as DraftFormValues;
      const saved = await data(api.PUT('/api/v1/drafts/{id}', { params: { path: { id: id ?? 0 } }, body: { content: fromDraftValues(values) } }));
      return { saved, then };
    },
    onSuccess: ({ saved, then }) => {
      queryClient.setQueryData(directiveKeys.draft(saved.id), saved);
      if (then === 'download') download(downloadUrl('/api/v1/drafts/{id}/docx', { path: { id: saved.id } }));
      else void message.success('Đã lưu dự thảo.');
    },
    onError: notifyError,
  });

  if (id === null) return <ErrorResult page error={null} title="Địa chỉ dự thảo không hợp lệ" />;
  if (draft.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (draft.isError || !draft.data || !initialValues) return <ErrorResult page error={draft.error} onRetry={() => void draft.refetch()} title="Chưa tải được dự thảo" />;
  const d = draft.data;

  const downloadDocx = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    if (form.isFieldsTouched()) save.mutate('download');
    else download(downloadUrl('/api/v1/drafts/{id}/docx', { path: { id: d.id } }));
  };

  const footer = (
    <Flex justify="flex-end" gap={8} wrap style={{ position: 'sticky', bottom: 0, background: '#fff', paddingBlock: 12, borderTop: '1px solid #f0f0f0', zIndex: 2 }}>
      <Button icon={<DownloadOutlined />} onClick={() => void downloadDocx()} loading={save.isPending && save.variables === 'download'} data-testid="draft-docx">
        Tải DOCX
      </Button>
      <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending && save.variables === 'stay'} data-testid="draft-save">
        Lưu
      </Button>
    </Flex>
  );

  return (
    <>
      <title>Dự thảo văn bản thực hiện — Lan Tỏa</title>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/van-ban">Văn bản chỉ đạo</Link> },
          ...(d.parentDirectiveId !== null ? [{ title: <Link to={`/van-ban/${d.parentDirectiveId}`}>Văn bản cấp trên</Link> }] : []),
          { title: 'Dự thảo' },
        ]}
      />
      <Typography.Title level={1} style={{ marginTop: 0, marginBottom: 4 }}>
        Dự thảo văn bản thực hiện
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {d.unitName} — lưu lần cuối {formatDateTime(d.updatedAt)}. Tệp DOCX theo thể thức Hướng dẫn 36-HD/VPTW (văn bản của Đảng) hoặc Nghị định 30/2020/NĐ-CP (văn bản hành chính).
      </Typography.Paragraph>
      <Card style={{ maxWidth: 900 }}>
        <DraftForm key={d.updatedAt} form={form} initialValues={initialValues} onFinish={() => save.mutate('stay')} footer={footer} />
      </Card>
    </>
  );
}
