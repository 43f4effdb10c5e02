import { CameraOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, InputNumber, Select, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { channelOptions } from '../../i18n/campaigns.js';
import { applyValidationErrors } from '../../lib/formErrors.js';
import { todayInVietnam } from '../../lib/time.js';
import { useNotifyError } from '../../lib/useNotifyError.js';
import type { ActivityInput, ChannelCode } from './campaignTypes.js';
import { DateInput } from './TimeInputs.js';
import { useQuantityKinds } from './useCampaignEditing.js';
import { useRecordActivity } from './useTask.js';

/** Photos taken on a phone, PDF and Word files: evidence kept with the activity. */
export const ACTIVITY_FILE_ACCEPT = 'image/*,.pdf,.docx';
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const OTHER = 'other';

interface Values {
  occurredOn: string | null;
  channel: ChannelCode | typeof OTHER | null;
  channelText: string;
  themeIds: number[];
  title: string;
  link: string;
  quantities: Record<string, number | null>;
}

/** The activity's body from the form: "Khác" becomes free text, empty quantities are left out. */
export function activityInput(v: Values): ActivityInput {
  const quantities = Object.fromEntries(Object.entries(v.quantities ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0));
  const other = v.channel === OTHER || v.channel === null;
  return {
    occurredOn: v.occurredOn ?? todayInVietnam(),
    channel: other ? null : (v.channel as ChannelCode),
    ...(other && v.channelText?.trim() ? { channelText: v.channelText.trim() } : {}),
    themeIds: v.themeIds ?? [],
    title: v.title.trim(),
    ...(v.link?.trim() ? { link: v.link.trim() } : {}),
    quantities,
  };
}

const FIELDS = ['occurredOn', 'channel', 'channelText', 'themeIds', 'title', 'link', 'quantities'];

/** Ghi hoạt động: what the unit did for its task, with its quantities and photos or files. */
export function ActivityForm({ taskId, themes }: { taskId: number; themes: { id: number; title: string }[] }) {
  const [form] = Form.useForm<Values>();
  const kinds = useQuantityKinds();
  const record = useRecordActivity(taskId);
  const notifyError = useNotifyError();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const channel = Form.useWatch('channel', form);
  const submit = (values: Values) =>
    record.mutate(
      { input: activityInput(values), files: files.flatMap((f) => (f.originFileObj ? [f.originFileObj] : [])) },
      {
        onSuccess: () => {
          form.resetFields();
          setFiles([]);
        },
        onError: (error) => {
          if (!applyValidationErrors(form, error, FIELDS)) notifyError(error);
        },
      },
    );
  return (
    <Card size="small" title="Ghi hoạt động đã thực hiện" data-testid="activity-form">
      <Form form={form} layout="vertical" initialValues={{ occurredOn: todayInVietnam(), channel: null, channelText: '', themeIds: [], title: '', link: '', quantities: {} }} onFinish={submit}>
        <Flex gap={8} wrap>
          <Form.Item name="occurredOn" label="Ngày thực hiện" rules={[{ required: true, message: 'Hãy chọn ngày.' }]} style={{ flex: '0 1 180px' }}>
            <DateInput label="Ngày thực hiện" />
          </Form.Item>
          <Form.Item name="channel" label="Hình thức" style={{ flex: '1 1 240px' }}>
            <Select aria-label="Hình thức" allowClear placeholder="Chọn hình thức" options={[...channelOptions, { value: OTHER, label: 'Hình thức khác' }]} data-testid="activity-channel" />
          </Form.Item>
        </Flex>
        {channel === OTHER && (
          <Form.Item name="channelText" label="Hình thức khác (ghi rõ)">
            <Input />
          </Form.Item>
        )}
        <Form.Item name="title" label="Nội dung hoạt động" rules={[{ required: true, whitespace: true, message: 'Hãy ghi hoạt động đã làm.' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="Ví dụ: Đăng 3 tin bài về Đại hội trên trang thông tin điện tử của xã" data-testid="activity-title" />
        </Form.Item>
        {themes.length > 0 && (
          <Form.Item name="themeIds" label="Nội dung tuyên truyền liên quan">
            <Select aria-label="Nội dung tuyên truyền liên quan" mode="multiple" allowClear options={themes.map((t) => ({ value: t.id, label: t.title }))} />
          </Form.Item>
        )}
        <Form.Item name="link" label="Đường dẫn (nếu có)" rules={[{ type: 'url', message: 'Đường dẫn phải bắt đầu bằng http:// hoặc https://' }]}>
          <Input inputMode="url" placeholder="https://…" />
        </Form.Item>
        <Form.Item label="Số liệu">
          <Flex gap={8} wrap>
            {(kinds.data ?? []).map((k) => (
              <Form.Item key={k.value} name={['quantities', k.value]} label={k.label} style={{ marginBottom: 0, flex: '1 1 150px' }}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid={`activity-quantity-${k.value}`} />
              </Form.Item>
            ))}
          </Flex>
        </Form.Item>
        <Form.Item label="Ảnh, tệp minh chứng" extra="Ảnh chụp (máy ảnh điện thoại), PDF hoặc Word (.docx), mỗi tệp tối đa 20 MB.">
          <Upload
            accept={ACTIVITY_FILE_ACCEPT}
            multiple
            listType="picture"
            fileList={files}
            beforeUpload={(f) => (f.size > MAX_FILE_BYTES ? Upload.LIST_IGNORE : false)}
            onChange={({ fileList }) => setFiles(fileList)}
            data-testid="activity-files"
          >
            <Button icon={<CameraOutlined />}>Chụp ảnh hoặc chọn tệp</Button>
          </Upload>
        </Form.Item>
        <Flex justify="flex-end">
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={record.isPending} data-testid="activity-save">
            Ghi hoạt động
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
