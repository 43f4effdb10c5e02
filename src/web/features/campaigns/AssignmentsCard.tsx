import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, InputNumber, Select, Tag, Typography, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { channelOptions } from '../../i18n/campaigns.js';
import { foldIncludes } from '../../lib/fold.js';
import { useUnitIndex } from '../org/useUnits.js';
import type { AssignmentValues } from './campaignForm.js';
import type { UnitMatch } from './campaignTypes.js';
import { CampaignZone } from './CampaignText.js';
import { newKey, useKeyedOptions } from './StructureFields.js';
import { DeadlineInput, type KeyedOption } from './TimeInputs.js';
import { matchSummary } from './unitMatching.js';

type UnitOption = { value: number; label: string };

/** Visible units as options, searchable without diacritics. */
function useUnitOptions(): UnitOption[] {
  const { index } = useUnitIndex();
  return useMemo(() => [...(index?.byId.values() ?? [])].map((u) => ({ value: u.id, label: u.name })), [index]);
}

const unitFilter = (input: string, option?: UnitOption) => !!option && foldIncludes(option.label, input);

function UnitsSelect({ label, ...rest }: SelectProps<number | number[] | null, UnitOption> & { label: string }) {
  return <Select<number | number[] | null, UnitOption> {...rest} aria-label={label} allowClear showSearch={{ filterOption: unitFilter }} placeholder="Chọn đơn vị" maxTagCount={rest.mode ? 8 : undefined} style={{ width: '100%' }} />;
}

/** "UBND các xã, phường → 5 đơn vị": what each name written in the plan became. */
function WrittenNames({ names, matches }: { names: readonly string[]; matches: ReadonlyMap<string, UnitMatch> | null }) {
  if (names.length === 0) return null;
  if (!matches) {
    return (
      <Flex wrap gap={4}>
        {names.map((n) => (
          <Tag key={n} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
            {n}
          </Tag>
        ))}
      </Flex>
    );
  }
  return (
    <Flex wrap gap={4} data-testid="assignment-matches">
      {names.map((n) => {
        const m = matches.get(n.trim());
        return (
          <Tag key={n} color={m && m.units.length > 0 ? 'blue' : 'warning'} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
            {matchSummary(m, n)}
          </Tag>
        );
      })}
    </Flex>
  );
}

interface Options {
  units: UnitOption[];
  milestones: KeyedOption[];
  phases: KeyedOption[];
  themes: KeyedOption[];
  quantityKinds: KeyedOption[];
}

function ExpectedOutputs({ i, kinds }: { i: number; kinds: KeyedOption[] }) {
  return (
    <Form.List name={[i, 'expectedOutputs']}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={4}>
          {fields.map((f) => (
            <Flex key={f.key} gap={6}>
              <Form.Item name={[f.name, 'quantity']} style={{ marginBottom: 0 }}>
                <InputNumber aria-label={`Phân công ${i + 1}: số lượng ${f.name + 1}`} min={1} style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'kind']} style={{ marginBottom: 0, flex: 1 }}>
                <Select aria-label={`Phân công ${i + 1}: loại số liệu ${f.name + 1}`} options={kinds} />
              </Form.Item>
              <Button icon={<DeleteOutlined />} aria-label="Xóa kết quả" title="Xóa kết quả" onClick={() => remove(f.name)} />
            </Flex>
          ))}
          <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: kinds[0]?.value ?? '', quantity: 1 })} style={{ alignSelf: 'flex-start' }}>
            Thêm kết quả dự kiến
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

function AssignmentFields({ i, row, matches, o }: { i: number; row: AssignmentValues | undefined; matches: ReadonlyMap<string, UnitMatch> | null; o: Options }) {
  const n = i + 1;
  return (
    <Flex vertical gap={6}>
      <Form.Item name={[i, 'text']} rules={[{ required: true, whitespace: true, message: 'Hãy nhập nội dung nhiệm vụ hoặc xóa phân công này.' }]} style={{ marginBottom: 0 }}>
        <Input.TextArea aria-label={`Phân công ${n}: nội dung`} autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <WrittenNames names={[...(row?.names ?? []), ...(row?.coordinatingNames ?? [])]} matches={matches} />
      <Form.Item
        name={[i, 'unitIds']}
        label="Đơn vị được giao (mỗi đơn vị một nhiệm vụ)"
        extra={row && row.unitIds.length === 0 ? <Typography.Text type="warning">Chưa giao đơn vị nào: phân công vẫn được lưu nhưng không tạo nhiệm vụ.</Typography.Text> : undefined}
        style={{ marginBottom: 0 }}
      >
        <UnitsSelect mode="multiple" label={`Phân công ${n}: đơn vị được giao`} options={o.units} />
      </Form.Item>
      <Flex gap={8} wrap>
        <Form.Item name={[i, 'leadUnitId']} label="Chủ trì" style={{ marginBottom: 0, flex: '1 1 200px' }}>
          <UnitsSelect label={`Phân công ${n}: đơn vị chủ trì`} options={o.units} />
        </Form.Item>
        <Form.Item name={[i, 'coordinatingUnitIds']} label="Phối hợp" style={{ marginBottom: 0, flex: '1 1 200px' }}>
          <UnitsSelect mode="multiple" label={`Phân công ${n}: đơn vị phối hợp`} options={o.units} />
        </Form.Item>
      </Flex>
      <Flex gap={8} wrap>
        <Form.Item name={[i, 'phaseKey']} label="Đợt" style={{ marginBottom: 0, flex: '0 1 200px' }}>
          <Select aria-label={`Phân công ${n}: đợt`} allowClear placeholder="Cả kế hoạch" options={o.phases} />
        </Form.Item>
        <Form.Item name={[i, 'deadline']} label="Hạn" style={{ marginBottom: 0, flex: '1 1 300px' }}>
          <DeadlineInput milestones={o.milestones} phases={o.phases} />
        </Form.Item>
      </Flex>
      <Form.Item name={[i, 'themeKeys']} label="Nội dung liên quan" style={{ marginBottom: 0 }}>
        <Select aria-label={`Phân công ${n}: nội dung`} mode="multiple" allowClear options={o.themes} placeholder="Không gắn nội dung" />
      </Form.Item>
      <Form.Item name={[i, 'channels']} label="Hình thức" style={{ marginBottom: 0 }}>
        <Select aria-label={`Phân công ${n}: hình thức`} mode="multiple" allowClear options={channelOptions} placeholder="Không gắn hình thức" />
      </Form.Item>
      <Form.Item label="Kết quả dự kiến" style={{ marginBottom: 0 }}>
        <ExpectedOutputs i={i} kinds={o.quantityKinds} />
      </Form.Item>
    </Flex>
  );
}

const blankAssignment = (): AssignmentValues => ({
  key: newKey('a'),
  text: '',
  names: [],
  leadName: null,
  coordinatingNames: [],
  unitIds: [],
  leadUnitId: null,
  coordinatingUnitIds: [],
  phaseKey: null,
  deadline: { kind: 'none' },
  themeKeys: [],
  channels: [],
  expectedOutputs: [],
});

/** Tổ chức thực hiện: each assignment with its units as written, the units they matched, and its terms. */
/** `matches` is null until the owner's units are matched (names are then shown as written). */
export function AssignmentsCard({ matches, quantityKinds }: { matches: ReadonlyMap<string, UnitMatch> | null; quantityKinds: KeyedOption[] }) {
  const rows = Form.useWatch<(AssignmentValues | undefined)[] | undefined>('assignments', { preserve: true }) ?? [];
  const options: Options = { units: useUnitOptions(), milestones: useKeyedOptions('milestones', 'Mốc'), phases: useKeyedOptions('phases', 'Đợt'), themes: useKeyedOptions('themes', 'Nội dung'), quantityKinds };
  return (
    <Card size="small" title="Tổ chức thực hiện (phân công)" data-testid="campaign-assignments">
      <Form.List name="assignments">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.length === 0 && <Typography.Text type="secondary">Chưa có phân công nào.</Typography.Text>}
            {fields.map((f) => (
              <CampaignZone key={f.key} field={`assignment.${f.name}`}>
                <Card size="small" type="inner" title={`Phân công ${f.name + 1}`} extra={<Button size="small" icon={<DeleteOutlined />} aria-label={`Xóa phân công ${f.name + 1}`} onClick={() => remove(f.name)} />}>
                  <AssignmentFields i={f.name} row={rows[f.name]} matches={matches} o={options} />
                </Card>
              </CampaignZone>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(blankAssignment())} style={{ alignSelf: 'flex-start' }}>
              Thêm phân công
            </Button>
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}
