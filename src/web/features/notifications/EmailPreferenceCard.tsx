import { Alert, App, Button, Card, Flex, Form, Input, Skeleton, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { ErrorResult } from '../../components/ErrorResult.js';
import { applyValidationErrors } from '../../lib/formErrors.js';
import { useNotifyError } from '../../lib/useNotifyError.js';
import { usePreferences, useSavePreferences } from './useNotifications.js';

/** The profile page's card: one's e-mail address and whether notifications also come by e-mail (in-app ones always do). */
export function EmailPreferenceCard() {
  const preferences = usePreferences();
  const save = useSavePreferences();
  const [form] = Form.useForm<{ email: string }>();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const prefs = preferences.data;
  useEffect(() => {
    if (prefs) form.setFieldsValue({ email: prefs.email ?? '' });
  }, [prefs, form]);

  const saveEmail = (email: string) =>
    save.mutate(
      { email: email.trim() === '' ? null : email.trim() },
      {
        onSuccess: () => void message.success('Đã lưu địa chỉ thư điện tử.'),
        onError: (error) => {
          if (!applyValidationErrors(form, error, ['email'])) notifyError(error);
        },
      },
    );
  const toggle = (on: boolean) =>
    save.mutate(
      { emailNotifications: on },
      {
        onSuccess: () => void message.success(on ? 'Đã bật nhận thông báo qua thư điện tử.' : 'Đã tắt nhận thông báo qua thư điện tử.'),
        onError: notifyError,
      },
    );

  return (
    <Card title="Nhận thông báo" data-testid="notification-preferences">
      {preferences.isError ? (
        <ErrorResult error={preferences.error} onRetry={() => void preferences.refetch()} />
      ) : !prefs ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={12}>
          <Typography.Text>Thông báo trong ứng dụng (biểu tượng chuông) luôn được bật: nhắc hạn báo cáo, báo cáo bị trả lại, đơn vị chưa gửi báo cáo.</Typography.Text>
          {!prefs.emailAvailable && <Alert type="info" showIcon title="Máy chủ chưa được cấu hình gửi thư điện tử; hiện chỉ có thông báo trong ứng dụng." />}
          <Flex gap={8} align="center">
            <Switch checked={prefs.emailNotifications} onChange={toggle} loading={save.isPending} aria-label="Nhận thông báo qua thư điện tử" data-testid="email-notifications" />
            <Typography.Text>Nhận thêm bản sao thông báo qua thư điện tử</Typography.Text>
          </Flex>
          <Form form={form} layout="vertical" onFinish={(v) => saveEmail(v.email)} style={{ maxWidth: 420 }}>
            <Form.Item label="Địa chỉ thư điện tử" name="email" rules={[{ type: 'email', message: 'Địa chỉ thư điện tử không hợp lệ.' }]} extra="Để trống nếu không muốn nhận thư.">
              <Input type="email" autoComplete="email" />
            </Form.Item>
            <Button htmlType="submit" loading={save.isPending}>
              Lưu địa chỉ
            </Button>
          </Form>
        </Flex>
      )}
    </Card>
  );
}
