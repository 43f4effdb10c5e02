import { App, Button, Card, Form, Typography } from 'antd';
import { manageText as t } from '../../i18n/consultation-manage.js';
import { useNotifyError } from '../../lib/useNotifyError.js';
import { ConsultationSettingsFields, settingsInput, settingsOf, type SettingsValues } from './ConsultationSettingsFields.js';
import { useUpdateConsultation, type ConsultationDetail } from './useConsultationManage.js';

/** The owner's edit of the times, cut-off and units before the consultation closes (opening and cut-off only before it opens). */
export function SettingsCard({ detail }: { detail: ConsultationDetail }) {
  const [form] = Form.useForm<SettingsValues>();
  const update = useUpdateConsultation(detail.code);
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const started = detail.status !== 'upcoming';
  return (
    <Card size="small" title={t.editTitle}>
      {started ? <Typography.Paragraph type="secondary">{t.editHint}</Typography.Paragraph> : null}
      <Form<SettingsValues>
        form={form}
        layout="vertical"
        data-testid="consultation-settings"
        initialValues={settingsOf(detail)}
        onFinish={(values) => {
          const input = settingsInput(values);
          const body = started ? { closesAt: input.closesAt, unitIds: detail.owner ? input.unitIds : undefined } : { ...input, unitIds: detail.owner ? input.unitIds : undefined };
          update.mutate(body, { onSuccess: () => void message.success(t.savedChanges), onError: notifyError });
        }}
      >
        <ConsultationSettingsFields ownerId={detail.owner?.id ?? null} started={started} />
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="consultation-settings-save">
          {t.saveChanges}
        </Button>
      </Form>
    </Card>
  );
}
