import { api, data } from '../../api/client.js';
import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Descriptions, Typography } from 'antd';
import { intakeText as t } from '../../i18n/consultation.js';
import { useNotifyError } from '../../lib/useNotifyError.js';

/**
 * "Xem thông tin liên hệ" for the receiving unit's editors: the server records every viewing in the
 * audit log, so the person confirms first. An erased contact says so.
 */
export function ContactReveal({ code, submissionId }: { code: string; submissionId: number }) {
  const { modal } = App.useApp();
  const notifyError = useNotifyError();
  const reveal = useMutation({ mutationFn: () => data(api.GET('/api/v1/consultations/{code}/submissions/{id}/contact', { params: { path: { code, id: submissionId } } })), onError: notifyError });
  const contact = reveal.data;

  if (contact) {
    if (contact.erasedAt) return <Typography.Text type="secondary">{t.contactErased}</Typography.Text>;
    const shown = (v: string | null) => v ?? <Typography.Text type="secondary">{t.contactEmpty}</Typography.Text>;
    return (
      <Descriptions
        data-testid={`contact-${submissionId}`}
        size="small"
        column={1}
        items={[
          { key: 'name', label: t.contactName, children: shown(contact.name) },
          { key: 'phone', label: t.contactPhone, children: shown(contact.phone) },
          { key: 'id', label: t.contactIdNumber, children: shown(contact.idNumber) },
        ]}
      />
    );
  }
  return (
    <Button
      size="small"
      icon={<EyeOutlined />}
      loading={reveal.isPending}
      data-testid={`reveal-contact-${submissionId}`}
      onClick={() =>
        modal.confirm({
          title: t.viewContactConfirmTitle,
          content: t.viewContactConfirm,
          okText: t.viewContactOk,
          cancelText: 'Hủy',
          onOk: () => reveal.mutate(),
        })
      }
    >
      {t.viewContact}
    </Button>
  );
}
