import { Button, Flex, Input, InputNumber, Popover, Typography } from 'antd';
import { useState } from 'react';
import { participantGroupLabels } from '../../i18n/contests.js';
import { errorText } from '../../i18n/errors.js';
import { useSaveHeadcount } from './api.js';

/** A unit's headcount (e.g. its party members), set by the unit's admin: the denominator of its participation rate. */
export function HeadcountEditor({ unitId, unitName, headcount }: { unitId: number; unitName: string; headcount: number | null }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<number | null>(headcount);
  const [label, setLabel] = useState<string>(participantGroupLabels['dang-vien']);
  const save = useSaveHeadcount(unitId);
  const content = (
    <Flex vertical gap={8} style={{ width: 260 }}>
      <label htmlFor={`headcount-${unitId}`}>{`Số người của ${unitName}`}</label>
      <InputNumber id={`headcount-${unitId}`} min={0} value={value} onChange={setValue} style={{ width: '100%' }} data-testid="headcount-input" />
      <label htmlFor={`headcount-label-${unitId}`}>Đếm theo</label>
      <Input id={`headcount-label-${unitId}`} value={label} onChange={(e) => setLabel(e.target.value)} />
      {save.isError && <Typography.Text type="danger" role="alert">{errorText(save.error)}</Typography.Text>}
      <Button type="primary" loading={save.isPending} onClick={() => save.mutate({ headcount: value, label }, { onSuccess: () => setOpen(false) })} data-testid="headcount-save">
        Lưu
      </Button>
    </Flex>
  );
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" content={content} title="Số người của đơn vị">
      <Button size="small" type="link" aria-label={`Sửa số người của ${unitName}`}>Sửa</Button>
    </Popover>
  );
}
