import { App, Button, Card, Flex, Form, Input, Radio, Select, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ErrorResult } from '../components/ErrorResult.js';
import { useSaveContest, useContest } from '../features/contests/api.js';
import { emptyContest, toDefinition, toFormValues, type ContestFormValues } from '../features/contests/contestForm.js';
import type { ContestDetail } from '../features/contests/organiserTypes.js';
import { PrizeList, RoundFields } from '../features/contests/RoundFields.js';
import { useUnitList } from '../features/org/useUnits.js';
import { audienceLabels } from '../i18n/contests.js';
import { errorText } from '../i18n/errors.js';

const required = (message: string) => [{ required: true, message }];

function ContestForm({ id, initial }: { id: number | null; initial: ContestFormValues }) {
  const [form] = Form.useForm<ContestFormValues>();
  const save = useSaveContest(id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const units = useUnitList();
  const unitOptions = useMemo(() => (units.data ?? []).map((u) => ({ value: u.code, label: `${u.name} (${u.code})` })), [units.data]);
  const audience = Form.useWatch('audience', form);
  const onFinish = (values: ContestFormValues) =>
    save.mutate(toDefinition({ ...initial, ...values, rounds: values.rounds.map((r, i) => ({ ...initial.rounds[i], ...r }) as ContestFormValues['rounds'][number]) }), {
      onSuccess: (saved) => {
        void message.success('Đã lưu cuộc thi.');
        // The server's warnings (a pool too small for a round's draw…) stay on screen a while.
        for (const w of saved.warnings) void message.warning(w.message, 10);
        void navigate(`/cuoc-thi/${saved.id}`);
      },
    });
  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} scrollToFirstError data-testid="contest-form">
      <Flex vertical gap={12}>
        <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Thông tin chung</h2>}>
          <Flex wrap gap={12}>
            <Form.Item name="code" label="Mã cuộc thi" rules={required('Nhập mã cuộc thi.')} style={{ minWidth: 200 }}>
              <Input disabled={id !== null} data-testid="contest-code" />
            </Form.Item>
            <Form.Item name="title" label="Tên cuộc thi" rules={required('Nhập tên cuộc thi.')} style={{ flex: 1, minWidth: 280 }}>
              <Input data-testid="contest-title" />
            </Form.Item>
          </Flex>
          <Form.Item name="organiserUnit" label="Đơn vị tổ chức" rules={required('Chọn đơn vị tổ chức.')}>
            <Select showSearch optionFilterProp="label" options={unitOptions} disabled={id !== null} data-testid="contest-organiser" />
          </Form.Item>
          <Form.Item name="audience" label="Đối tượng dự thi">
            <Radio.Group options={Object.entries(audienceLabels).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {audience === 'internal' && (
            <Form.Item name="audienceUnit" label="Tài khoản thuộc đơn vị (cả các đơn vị trực thuộc)">
              <Select showSearch allowClear optionFilterProp="label" options={unitOptions} />
            </Form.Item>
          )}
          <Form.Item name="rules" label="Thể lệ" rules={required('Nhập thể lệ.')}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} data-testid="contest-rules" />
          </Form.Item>
          <PrizeList name={['collectivePrizes']} disabled={false} label="Giải tập thể (xếp theo tỷ lệ tham gia, rồi điểm trung bình lượt đầu)" />
        </Card>
        <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Các vòng thi</h2>}>
          <RoundFields form={form} />
        </Card>
        {save.isError && <Typography.Text type="danger" role="alert">{errorText(save.error)}</Typography.Text>}
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="contest-save">
            Lưu cuộc thi
          </Button>
          <Button onClick={() => void navigate(id === null ? '/cuoc-thi' : `/cuoc-thi/${id}`)}>Hủy</Button>
        </Flex>
      </Flex>
    </Form>
  );
}

/** `/cuoc-thi/moi` and `/cuoc-thi/:id/sua`: the contest editor (contest and rounds; opened rounds read-only). */
export function ContestEditPage() {
  const param = useParams().id;
  const id = param === undefined ? null : Number(param);
  const contest = useContest(id);
  const initial = useMemo(() => (contest.data ? toFormValues(contest.data as ContestDetail) : emptyContest()), [contest.data]);
  let body;
  if (id !== null && contest.isPending) body = <Skeleton active />;
  else if (contest.isError) body = <ErrorResult error={contest.error} onRetry={() => void contest.refetch()} title="Chưa tải được cuộc thi" />;
  else body = <ContestForm key={id ?? 'new'} id={id} initial={initial} />;
  return (
    <Flex vertical gap={12}>
      <title>{`${id === null ? 'Tạo cuộc thi' : 'Sửa cuộc thi'} — Lan Tỏa`}</title>
      <Typography.Title level={1} style={{ margin: 0 }}>
        {id === null ? 'Tạo cuộc thi' : 'Sửa cuộc thi'}
      </Typography.Title>
      {body}
    </Flex>
  );
}
