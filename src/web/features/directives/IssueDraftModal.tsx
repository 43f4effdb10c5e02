import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { PartialDate } from '../../api/types.js';
import { errorText } from '../../i18n/errors.js';
import { todayInVietnam } from '../../lib/time.js';
import { AlreadyRegisteredAlert, alreadyRegisteredOf } from './AlreadyRegisteredAlert.js';
import { PartialDateInput } from './PartialDateInput.js';

export interface IssueValues {
  numberSymbol: string;
  date: { year: number; month: number; day: number };
}

/** Today in Vietnam as day / month / year. */
function today(): PartialDate {
  const [year, month, day] = todayInVietnam().split('-').map(Number);
  return { year: year ?? null, month: month ?? null, day: day ?? null };
}

function fullDate(_r: unknown, v: PartialDate | null | undefined): Promise<void> {
  if (!v?.year || !v.month || !v.day) return Promise.reject(new Error('Hãy nhập đủ ngày, tháng, năm ban hành.'));
  const d = new Date(Date.UTC(v.year, v.month - 1, v.day));
  return d.getUTCDate() === v.day ? Promise.resolve() : Promise.reject(new Error('Ngày này không có trong lịch.'));
}

/**
 * "Ban hành": the number and symbol (pre-filled from the draft: the clerk types the number before
 * the symbol) and the date (today, Vietnam time). A directive already registered with that number
 * and date is named with a link instead of being copied.
 */
export function IssueDraftModal(props: { open: boolean; numberSymbol: string; unitName: string; pending: boolean; error: unknown; onIssue: (values: IssueValues) => void; onCancel: () => void }) {
  const [form] = Form.useForm<{ numberSymbol: string; date: PartialDate | null }>();
  const [initial] = useState(() => ({ numberSymbol: props.numberSymbol, date: today() }));
  const existing = alreadyRegisteredOf(props.error);
  const submit = async () => {
    const v = await form.validateFields();
    const date = v.date as PartialDate;
    props.onIssue({ numberSymbol: v.numberSymbol.trim(), date: { year: date.year as number, month: date.month as number, day: date.day as number } });
  };
  return (
    <Modal
      open={props.open}
      title="Ban hành văn bản"
      okText="Ban hành"
      cancelText="Hủy"
      okButtonProps={{ loading: props.pending, 'data-testid': 'draft-issue-confirm' } as never}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph>
        Văn bản được đăng ký vào sổ của {props.unitName}, là văn bản thực hiện văn bản cấp trên; sau khi ban hành, dự thảo chỉ còn để xem.
      </Typography.Paragraph>
      {existing && <AlreadyRegisteredAlert existing={existing} />}
      <Form form={form} layout="vertical" initialValues={initial} name="draft-issue" data-testid="draft-issue-form">
        <Form.Item
          label="Số, ký hiệu"
          name="numberSymbol"
          extra="Điền số văn thư cấp vào trước ký hiệu, ví dụ 15-CV/ĐU."
          rules={[
            { required: true, whitespace: true, message: 'Hãy nhập số, ký hiệu.' },
            { pattern: /^\s*(?:số\s*:?\s*)?\d/iu, message: 'Số, ký hiệu phải bắt đầu bằng số, ví dụ 15-CV/ĐU.' },
          ]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item label="Ngày ban hành (ngày / tháng / năm)" name="date" rules={[{ validator: fullDate }]}>
          <PartialDateInput />
        </Form.Item>
      </Form>
      {props.error !== null && !existing && <Alert type="error" showIcon role="alert" title={errorText(props.error)} />}
    </Modal>
  );
}
