import { api, data } from '../../api/client.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import type { Unit, UnitDetail, UnitInput, UnitKind, UnitPatch } from '../../api/types.js';
import { unitKindOptions } from '../../i18n/unitKinds.js';
import { applyValidationErrors } from '../../lib/formErrors.js';
import { DATE_FORMAT, dayjs } from '../../lib/time.js';
import { subtreeIds } from '../../lib/unitTree.js';
import { useIsMobile } from '../../lib/useIsMobile.js';
import { useNotifyError } from '../../lib/useNotifyError.js';
import { UnitTreeSelect } from './UnitTreeSelect.js';
import { unitKeys, useUnitIndex } from './useUnits.js';

export type UnitFormMode = { type: 'create'; parent: Pick<Unit, 'id' | 'name'> | null } | { type: 'edit'; unit: UnitDetail };

interface Values {
  code: string;
  name: string;
  kind: UnitKind;
  abbreviation?: string;
  parentId: number | null;
  sortOrder?: number | null;
  activeFrom?: Dayjs | null;
  activeTo?: Dayjs | null;
  place?: string;
  signerAuthority?: string;
  signerTitle?: string;
  signerName?: string;
}

/** Where and by whom the unit's reports are signed: free text, blank is null. */
const SIGNING_FIELDS = ['place', 'signerAuthority', 'signerTitle', 'signerName'] as const;
const FIELDS = ['code', 'name', 'kind', 'abbreviation', 'parentId', 'sortOrder', 'activeFrom', 'activeTo', ...SIGNING_FIELDS] as const;

const textOrNull = (v: string | undefined): string | null => (v?.trim() ? v.trim() : null);

function toYmd(d: Dayjs | null | undefined): string | null {
  return d ? d.format('YYYY-MM-DD') : null;
}

function fromYmd(s: string | null): Dayjs | null {
  return s ? dayjs(s, 'YYYY-MM-DD') : null;
}

function toInput(v: Values): UnitInput {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    kind: v.kind,
    abbreviation: v.abbreviation?.trim() ? v.abbreviation.trim() : null,
    parentId: v.parentId ?? null,
    ...(v.sortOrder !== undefined && v.sortOrder !== null ? { sortOrder: v.sortOrder } : {}),
    activeFrom: toYmd(v.activeFrom),
    activeTo: toYmd(v.activeTo),
    place: textOrNull(v.place),
    signerAuthority: textOrNull(v.signerAuthority),
    signerTitle: textOrNull(v.signerTitle),
    signerName: textOrNull(v.signerName),
  };
}

/** Only the fields that differ from the stored unit. */
function diff(unit: Unit, input: UnitInput): UnitPatch {
  const patch: UnitPatch = {};
  if (input.code !== unit.code) patch.code = input.code;
  if (input.name !== unit.name) patch.name = input.name;
  if (input.kind !== unit.kind) patch.kind = input.kind;
  if ((input.abbreviation ?? null) !== unit.abbreviation) patch.abbreviation = input.abbreviation ?? null;
  if (input.parentId !== unit.parentId) patch.parentId = input.parentId;
  if (input.sortOrder !== undefined && input.sortOrder !== unit.sortOrder) patch.sortOrder = input.sortOrder;
  if ((input.activeFrom ?? null) !== unit.activeFrom) patch.activeFrom = input.activeFrom ?? null;
  if ((input.activeTo ?? null) !== unit.activeTo) patch.activeTo = input.activeTo ?? null;
  for (const field of SIGNING_FIELDS) {
    if ((input[field] ?? null) !== unit[field]) patch[field] = input[field] ?? null;
  }
  return patch;
}

export interface UnitFormDrawerProps {
  mode: UnitFormMode | null;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}

export function UnitFormDrawer({ mode, onClose, onSaved }: UnitFormDrawerProps) {
  const [form] = Form.useForm<Values>();
  const isMobile = useIsMobile();
  const { index } = useUnitIndex();
  const mutation = useSaveUnit({ mode, form, onClose, onSaved });

  const initialValues = useMemo<Partial<Values>>(() => initialValuesOf(mode), [mode]);
  const formKey = mode?.type === 'edit' ? `edit-${mode.unit.id}-${mode.unit.updatedAt}` : `create-${mode?.parent?.id ?? 'root'}`;

  // A unit cannot move under itself or one of its descendants.
  const disabledIds = useMemo(
    () => (mode?.type === 'edit' && index ? subtreeIds(index, mode.unit.id) : undefined),
    [mode, index],
  );

  return (
    <Drawer
      open={mode !== null}
      onClose={onClose}
      title={drawerTitle(mode)}
      size={isMobile ? '100%' : 560}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>Hủy</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()} data-testid="unit-form-submit">
            {mode?.type === 'edit' ? 'Lưu thay đổi' : 'Thêm đơn vị'}
          </Button>
        </Flex>
      }
    >
      <Form<Values>
        key={formKey}
        form={form}
        initialValues={initialValues}
        layout="vertical"
        onFinish={(v) => mutation.mutate(v)} data-testid="unit-form">
        <UnitFields disabledIds={disabledIds} isMobile={isMobile} />
        <SigningFields />
      </Form>
    </Drawer>
  );
}

function initialValuesOf(mode: UnitFormMode | null): Partial<Values> {
  if (mode?.type === 'edit') {
    const u = mode.unit;
    return {
      code: u.code,
      name: u.name,
      kind: u.kind,
      abbreviation: u.abbreviation ?? '',
      parentId: u.parentId,
      sortOrder: u.sortOrder,
      activeFrom: fromYmd(u.activeFrom),
      activeTo: fromYmd(u.activeTo),
      place: u.place ?? '',
      signerAuthority: u.signerAuthority ?? '',
      signerTitle: u.signerTitle ?? '',
      signerName: u.signerName ?? '',
    };
  }
  return { parentId: mode?.parent?.id ?? null };
}

function drawerTitle(mode: UnitFormMode | null): string {
  return mode?.type === 'edit'
    ? `Sửa đơn vị: ${mode.unit.name}`
    : mode?.parent
      ? `Thêm đơn vị trực thuộc ${mode.parent.name}`
      : 'Thêm đơn vị cấp cao nhất';
}

/** Creates the unit, or saves only what changed (nothing changed: says so and closes). */
function useSaveUnit(options: { mode: UnitFormMode | null; form: FormInstance<Values>; onClose: () => void; onSaved: (unit: Unit) => void }) {
  const { mode, form, onClose, onSaved } = options;
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  return useMutation({
    mutationFn: async (values: Values): Promise<Unit | null> => {
      const input = toInput(values);
      if (mode?.type === 'edit') {
        const patch = diff(mode.unit, input);
        if (Object.keys(patch).length === 0) return null;
        return data(api.PATCH('/api/v1/units/{id}', { params: { path: { id: mode.unit.id } }, body: patch }));
      }
      return data(api.POST('/api/v1/units', { body: input }));
    },
    onSuccess: async (unit) => {
      if (!unit) {
        void message.info('Không có thay đổi nào để lưu.');
        onClose();
        return;
      }
      await queryClient.invalidateQueries({ queryKey: unitKeys.all });
      void message.success(mode?.type === 'edit' ? `Đã lưu đơn vị “${unit.name}”.` : `Đã thêm đơn vị “${unit.name}”.`);
      onSaved(unit);
    },
    onError: (error) => {
      if (applyValidationErrors(form, error, FIELDS)) {
        void message.error('Dữ liệu chưa hợp lệ. Hãy sửa các ô được đánh dấu rồi lưu lại.');
        return;
      }
      notifyError(error);
    },
  });
}

/** The unit's fields; `disabledIds` are the units it may not move under. */
function UnitFields({ disabledIds, isMobile }: { disabledIds: Set<number> | undefined; isMobile: boolean }) {
  return (
    <>
      <Form.Item
        label="Mã đơn vị"
        name="code"
        rules={[
          { required: true, whitespace: true, message: 'Hãy nhập mã đơn vị.' },
          { max: 64, message: 'Mã đơn vị dài tối đa 64 ký tự.' },
        ]}
        extra="Mã duy nhất, dùng khi nhập/xuất tệp, ví dụ: LCU-SVHTTDL."
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="Tên đơn vị"
        name="name"
        rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên đơn vị.' }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label="Loại đơn vị" name="kind" rules={[{ required: true, message: 'Hãy chọn loại đơn vị.' }]}>
        <Select options={unitKindOptions} placeholder="Chọn loại đơn vị" />
      </Form.Item>
      <Form.Item label="Tên viết tắt" name="abbreviation">
        <Input autoComplete="off" placeholder="Ví dụ: BTGDVTU" />
      </Form.Item>
      <Form.Item label="Đơn vị cấp trên" name="parentId" extra="Để trống nếu là đơn vị cấp cao nhất.">
        <UnitTreeSelect disabledIds={disabledIds} placeholder="Không có (đơn vị cấp cao nhất)" />
      </Form.Item>
      <Form.Item label="Thứ tự hiển thị" name="sortOrder" extra="Số nhỏ đứng trước trong cùng cấp.">
        <InputNumber min={0} step={1} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Flex gap={isMobile ? 0 : 16} vertical={isMobile}>
        <Form.Item label="Hiệu lực từ ngày" name="activeFrom" style={{ flex: 1 }}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder="Chọn ngày" />
        </Form.Item>
        <Form.Item
          label="Hiệu lực đến ngày"
          name="activeTo"
          style={{ flex: 1 }}
          dependencies={['activeFrom']}
          extra="Để trống nếu đơn vị vẫn đang hoạt động."
          rules={[
            ({ getFieldValue }) => ({
              validator: (_r, value: Dayjs | null | undefined) => {
                const from = getFieldValue('activeFrom') as Dayjs | null | undefined;
                return value && from && value.isBefore(from, 'day')
                  ? Promise.reject(new Error('Ngày kết thúc phải từ ngày bắt đầu trở đi.'))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder="Chọn ngày" />
        </Form.Item>
      </Flex>
    </>
  );
}

/** The place and the signer written on the unit's reports (the weekly report DOCX). */
function SigningFields() {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontSize: 16, fontWeight: 600, marginBottom: 8, color: 'inherit', borderBottom: 0 }}>Địa danh và người ký báo cáo</legend>
      <Form.Item
        label="Địa danh"
        name="place"
        rules={[{ max: 100, message: 'Địa danh dài tối đa 100 ký tự.' }]}
        extra="Ghi trước ngày tháng của văn bản, ví dụ: Lai Châu. Để trống để dùng địa danh của đơn vị cấp trên."
      >
        <Input autoComplete="off" placeholder="Ví dụ: Lai Châu" />
      </Form.Item>
      <Form.Item
        label="Thẩm quyền ký"
        name="signerAuthority"
        rules={[{ max: 200, message: 'Tối đa 200 ký tự.' }]}
        extra="Ví dụ: T/M BAN THƯỜNG VỤ (văn bản Đảng), KT. GIÁM ĐỐC (văn bản hành chính). Để trống nếu người ký ký trực tiếp."
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label="Chức vụ người ký" name="signerTitle" rules={[{ max: 200, message: 'Tối đa 200 ký tự.' }]} extra="Ví dụ: PHÓ GIÁM ĐỐC, PHÓ BÍ THƯ.">
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label="Họ và tên người ký" name="signerName" rules={[{ max: 200, message: 'Tối đa 200 ký tự.' }]}>
        <Input autoComplete="off" />
      </Form.Item>
    </fieldset>
  );
}
