import { DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { auditActionOptions } from '../../i18n/auditActions.js';
import { DATE_FORMAT } from '../../lib/time.js';
import { useIsMobile } from '../../lib/useIsMobile.js';
import { UnitTreeSelect } from '../org/UnitTreeSelect.js';

export interface AuditFilterValues {
  unitId: number | null;
  action: string | null;
  range: [Dayjs, Dayjs] | null;
}

export function AuditFilters({
  value,
  onChange,
}: {
  value: AuditFilterValues;
  onChange: (next: AuditFilterValues) => void;
}) {
  const isMobile = useIsMobile();
  return (
    <Form layout={isMobile ? 'vertical' : 'inline'} style={{ rowGap: 8 }} data-testid="audit-filters">
      <Form.Item label="Đơn vị" htmlFor="loc-don-vi" style={{ minWidth: isMobile ? undefined : 260 }}>
        <UnitTreeSelect
          id="loc-don-vi"
          value={value.unitId}
          onChange={(unitId) => onChange({ ...value, unitId })}
          placeholder="Tất cả đơn vị"
        />
      </Form.Item>
      <Form.Item label="Thao tác" htmlFor="loc-thao-tac" style={{ minWidth: isMobile ? undefined : 240 }}>
        <Select
          id="loc-thao-tac"
          allowClear
          placeholder="Tất cả thao tác"
          options={auditActionOptions}
          value={value.action ?? undefined}
          onChange={(action?: string) => onChange({ ...value, action: action ?? null })}
        />
      </Form.Item>
      <Form.Item label="Thời gian" htmlFor="loc-thoi-gian">
        <DatePicker.RangePicker
          id={{ start: 'loc-thoi-gian' }}
          format={DATE_FORMAT}
          value={value.range}
          onChange={(range) =>
            onChange({ ...value, range: range && range[0] && range[1] ? [range[0], range[1]] : null })
          }
          placeholder={['Từ ngày', 'Đến ngày']}
          style={{ width: isMobile ? '100%' : undefined }}
          allowEmpty={[false, false]}
        />
      </Form.Item>
    </Form>
  );
}
