import { Tag } from 'antd';
import type { Unit } from '../../api/types.js';
import { unitStatus } from '../../lib/unitTree.js';

/** Nothing for a unit in force; a tag otherwise. */
export function UnitStatusTag({ unit }: { unit: Pick<Unit, 'activeFrom' | 'activeTo'> }) {
  const status = unitStatus(unit);
  if (status === 'inactive') return <Tag color="default">Đã ngừng hoạt động</Tag>;
  if (status === 'not_yet') return <Tag color="gold">Chưa có hiệu lực</Tag>;
  return null;
}
