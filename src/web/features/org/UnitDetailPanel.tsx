import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Descriptions, Empty, Flex, Skeleton, type DescriptionsProps } from 'antd';
import type { UnitDetail } from '../../api/types.js';
import { ErrorResult } from '../../components/ErrorResult.js';
import { unitKindLabel } from '../../i18n/unitKinds.js';
import { formatDate, formatDateTime } from '../../lib/time.js';
import { UnitStatusTag } from './UnitStatusTag.js';
import { useUnitDetail } from './useUnits.js';
import { useIsMobile } from '../../lib/useIsMobile.js';

export interface UnitDetailPanelProps {
  unitId: number | null;
  onSelect: (id: number) => void;
  onEdit: (unit: UnitDetail) => void;
  onAddChild: (unit: UnitDetail) => void;
}

/** "KT. GIÁM ĐỐC – PHÓ GIÁM ĐỐC – Nguyễn Văn An", or a dash when none is set. */
function signerText(unit: UnitDetail): string {
  const parts = [unit.signerAuthority, unit.signerTitle, unit.signerName].filter((p): p is string => p !== null && p !== '');
  return parts.length > 0 ? parts.join(' – ') : '—';
}

function items(unit: UnitDetail): DescriptionsProps['items'] {
  const parent = unit.ancestors.at(-1);
  return [
    { key: 'code', label: 'Mã', children: unit.code },
    { key: 'name', label: 'Tên', children: unit.name },
    { key: 'kind', label: 'Loại', children: unitKindLabel(unit.kind) },
    { key: 'abbreviation', label: 'Tên viết tắt', children: unit.abbreviation ?? '—' },
    {
      key: 'parent',
      label: 'Đơn vị cấp trên',
      children: parent ? `${parent.name} (${parent.code})` : 'Không có (đơn vị cấp cao nhất)',
    },
    { key: 'sortOrder', label: 'Thứ tự', children: unit.sortOrder },
    { key: 'place', label: 'Địa danh', children: unit.place ?? 'Theo đơn vị cấp trên' },
    { key: 'signer', label: 'Người ký báo cáo', children: signerText(unit) },
    { key: 'activeFrom', label: 'Hiệu lực từ', children: formatDate(unit.activeFrom) },
    {
      key: 'activeTo',
      label: 'Hiệu lực đến',
      children: (
        <Flex gap={8} wrap align="center">
          {formatDate(unit.activeTo)}
          <UnitStatusTag unit={unit} />
        </Flex>
      ),
    },
    { key: 'childCount', label: 'Số đơn vị trực thuộc', children: unit.childCount },
    { key: 'updatedAt', label: 'Cập nhật lần cuối', children: formatDateTime(unit.updatedAt) },
  ];
}

export function UnitDetailPanel({ unitId, onSelect, onEdit, onAddChild }: UnitDetailPanelProps) {
  const detail = useUnitDetail(unitId);
  const isMobile = useIsMobile();
  const bodyStyles = { body: { padding: isMobile ? 12 : 24 } };

  if (unitId === null) {
    return (
      <Card data-testid="unit-detail" styles={bodyStyles}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chọn một đơn vị trên cây để xem thông tin." />
      </Card>
    );
  }
  if (detail.isPending) {
    return (
      <Card data-testid="unit-detail" styles={bodyStyles}>
        <Skeleton active />
      </Card>
    );
  }
  if (detail.isError) {
    return (
      <Card data-testid="unit-detail" styles={bodyStyles}>
        <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} title="Chưa tải được thông tin đơn vị" />
      </Card>
    );
  }
  const unit = detail.data;
  return (
    <Card
      data-testid="unit-detail"
      title={<span style={{ whiteSpace: 'normal' }}>{unit.name}</span>}
      styles={{ header: { paddingBlock: 12, paddingInline: isMobile ? 12 : 24 }, body: bodyStyles.body }}
    >
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          ...unit.ancestors.map((a) => ({
            key: a.id,
            title: (
              <a
                href={`/don-vi?id=${a.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  onSelect(a.id);
                }}
              >
                {a.name}
              </a>
            ),
          })),
          { key: unit.id, title: unit.name },
        ]}
      />
      <Descriptions column={1} bordered size="small" items={items(unit)} styles={{ label: { width: isMobile ? 104 : 160 } }} />
      {unit.canManage && (
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          <Button icon={<EditOutlined />} onClick={() => onEdit(unit)} data-testid="unit-edit">
            Sửa
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => onAddChild(unit)} data-testid="unit-add-child">
            Thêm đơn vị trực thuộc
          </Button>
        </Flex>
      )}
    </Card>
  );
}
