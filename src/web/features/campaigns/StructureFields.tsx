import { AimOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import { useContext, type ReactNode } from 'react';
import { channelOptions } from '../../i18n/campaigns.js';
import { FieldFocusContext } from '../directives/FieldZone.js';
import type { CampaignFormValues, ChannelValues, MilestoneValues, PhaseValues, ThemeValues } from './campaignForm.js';
import { CampaignZone } from './CampaignText.js';
import { BoundInput, DateInput, type KeyedOption } from './TimeInputs.js';

let counter = 0;
/** A key for a row added by hand (the proposal's rows have m1, p1, t1 …). */
export const newKey = (prefix: string) => `${prefix}n${++counter}`;

/** The form's milestones or phases as options (their key, their title or "Mốc 2"). */
export function useKeyedOptions(name: 'milestones' | 'phases' | 'themes', fallback: string): KeyedOption[] {
  const rows = Form.useWatch<{ key: string; title: string }[] | undefined>(name, { preserve: true }) ?? [];
  return rows.filter(Boolean).map((r, i) => ({ value: r.key, label: r.title?.trim() || `${fallback} ${i + 1}` }));
}

/** One row: its zone (span in the text), its inputs, "show in the text" when it came from there, and delete. */
function Row({ field, spanned, onRemove, children }: { field: string; spanned: boolean; onRemove: () => void; children: ReactNode }) {
  const focus = useContext(FieldFocusContext);
  return (
    <CampaignZone field={field}>
      <Flex gap={8} align="flex-start" style={{ paddingBlock: 6, borderBottom: '1px solid #f5f5f5' }}>
        <Flex vertical gap={6} style={{ flex: 1, minWidth: 0 }}>
          {children}
        </Flex>
        {spanned && <Button icon={<AimOutlined />} aria-label="Xem trong văn bản" title="Xem trong văn bản" onClick={() => focus?.activate(field)} />}
        <Button icon={<DeleteOutlined />} aria-label="Xóa dòng" title="Xóa dòng" onClick={onRemove} />
      </Flex>
    </CampaignZone>
  );
}

function ListCard<T>(props: { name: keyof CampaignFormValues; part: string; title: string; addLabel: string; blank: () => T; empty: string; render: (index: number) => ReactNode }) {
  const { name, part, title, addLabel, blank, empty, render } = props;
  const rows = Form.useWatch<({ span?: unknown } | undefined)[] | undefined>(name, { preserve: true }) ?? [];
  return (
    <Card size="small" title={title} data-testid={`campaign-${part}s`}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={4}>
            {fields.length === 0 && <Typography.Text type="secondary">{empty}</Typography.Text>}
            {fields.map((f) => (
              <Row key={f.key} field={`${part}.${f.name}`} spanned={!!rows[f.name]?.span} onRemove={() => remove(f.name)}>
                {render(f.name)}
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(blank())} style={{ alignSelf: 'flex-start' }}>
              {addLabel}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}

const titleRule = [{ required: true, whitespace: true, message: 'Hãy nhập tên hoặc xóa dòng này.' }];

/** The text rarely dates its events: a milestone without a date is not kept, and what hangs on it has no instant. */
function UndatedHint({ index }: { index: number }) {
  const starts = Form.useWatch<string | null | undefined>(['milestones', index, 'starts'], { preserve: true });
  if (starts) return null;
  return (
    <Typography.Text type="warning" style={{ fontSize: 13 }}>
      Chưa có ngày: nhập ngày để các đợt và hạn gắn với mốc này được tính; nếu để trống, mốc không được lưu.
    </Typography.Text>
  );
}

export function MilestonesCard() {
  return (
    <ListCard<MilestoneValues>
      name="milestones"
      part="milestone"
      title="Mốc (sự kiện mà các đợt dựa vào)"
      addLabel="Thêm mốc"
      empty="Kế hoạch không nêu mốc nào."
      blank={() => ({ key: newKey('m'), title: '', starts: null, ends: null })}
      render={(i) => (
        <>
          <Form.Item name={[i, 'title']} rules={titleRule} style={{ marginBottom: 0 }}>
            <Input aria-label={`Tên mốc ${i + 1}`} placeholder="Ví dụ: Đại hội XIV của Đảng" />
          </Form.Item>
          <Flex gap={6} wrap align="center">
            <Form.Item name={[i, 'starts']} style={{ marginBottom: 0 }}>
              <DateInput label={`Mốc ${i + 1}: từ ngày`} />
            </Form.Item>
            <span aria-hidden>–</span>
            <Form.Item name={[i, 'ends']} style={{ marginBottom: 0 }}>
              <DateInput label={`Mốc ${i + 1}: đến ngày`} />
            </Form.Item>
          </Flex>
          <UndatedHint index={i} />
        </>
      )}
    />
  );
}

export function PhasesCard() {
  const milestones = useKeyedOptions('milestones', 'Mốc');
  return (
    <ListCard<PhaseValues>
      name="phases"
      part="phase"
      title="Đợt / giai đoạn"
      addLabel="Thêm đợt"
      empty="Kế hoạch không chia đợt."
      blank={() => ({ key: newKey('p'), title: '', starts: { kind: 'none' }, ends: { kind: 'none' } })}
      render={(i) => (
        <>
          <Form.Item name={[i, 'title']} rules={titleRule} style={{ marginBottom: 0 }}>
            <Input aria-label={`Tên đợt ${i + 1}`} />
          </Form.Item>
          <Form.Item name={[i, 'starts']} label="Bắt đầu" style={{ marginBottom: 0 }}>
            <BoundInput milestones={milestones} label={`Đợt ${i + 1}: bắt đầu`} />
          </Form.Item>
          <Form.Item name={[i, 'ends']} label="Kết thúc" style={{ marginBottom: 0 }}>
            <BoundInput milestones={milestones} label={`Đợt ${i + 1}: kết thúc`} />
          </Form.Item>
        </>
      )}
    />
  );
}

export function ThemesCard() {
  const phases = useKeyedOptions('phases', 'Đợt');
  return (
    <ListCard<ThemeValues>
      name="themes"
      part="theme"
      title="Nội dung tuyên truyền"
      addLabel="Thêm nội dung"
      empty="Chưa có nội dung tuyên truyền."
      blank={() => ({ key: newKey('t'), phaseKey: null, title: '' })}
      render={(i) => (
        <Flex gap={6} wrap>
          <Form.Item name={[i, 'title']} rules={titleRule} style={{ marginBottom: 0, flex: '1 1 240px' }}>
            <Input.TextArea aria-label={`Nội dung ${i + 1}`} autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
          <Form.Item name={[i, 'phaseKey']} style={{ marginBottom: 0, flex: '0 1 180px' }}>
            <Select aria-label={`Nội dung ${i + 1}: thuộc đợt`} allowClear placeholder="Cả kế hoạch" options={phases} />
          </Form.Item>
        </Flex>
      )}
    />
  );
}

export function ChannelsCard() {
  return (
    <ListCard<ChannelValues>
      name="channels"
      part="channel"
      title="Hình thức tuyên truyền"
      addLabel="Thêm hình thức"
      empty="Chưa có hình thức nào."
      blank={() => ({ channel: null, text: '' })}
      render={(i) => (
        <Flex gap={6} wrap>
          <Form.Item name={[i, 'channel']} style={{ marginBottom: 0, flex: '1 1 220px' }}>
            <Select aria-label={`Hình thức ${i + 1}: loại`} allowClear placeholder="Hình thức khác (ghi bên cạnh)" options={channelOptions} />
          </Form.Item>
          <Form.Item name={[i, 'text']} style={{ marginBottom: 0, flex: '1 1 220px' }}>
            <Input.TextArea aria-label={`Hình thức ${i + 1}: như văn bản ghi`} autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Flex>
      )}
    />
  );
}
