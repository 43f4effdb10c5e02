import { FilterOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select } from 'antd';
import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { docTypeOptions } from '../../i18n/directives.js';
import { DATE_FORMAT } from '../../lib/time.js';
import { useIsMobile } from '../../lib/useIsMobile.js';

export interface DirectiveFilterValues {
  numberSymbol: string;
  issuer: string;
  docType: string | null;
  range: [Dayjs, Dayjs] | null;
}

/** Number/symbol, issuer, type and date range of the register. Text boxes apply on Enter or blur. */
export function DirectiveFilters({ value, onChange }: { value: DirectiveFilterValues; onChange: (next: DirectiveFilterValues) => void }) {
  const isMobile = useIsMobile();
  const active = [value.numberSymbol, value.issuer, value.docType, value.range].filter(Boolean).length;
  const [shown, setShown] = useState(active > 0);
  const commitText = (key: 'numberSymbol' | 'issuer', text: string) => {
    if (text.trim() !== value[key]) onChange({ ...value, [key]: text.trim() });
  };
  if (isMobile && !shown) {
    return (
      <Button icon={<FilterOutlined />} onClick={() => setShown(true)} style={{ alignSelf: 'flex-start' }} data-testid="directive-filters-toggle">
        Lọc theo số, cơ quan, loại, ngày
      </Button>
    );
  }
  return (
    <Form layout={isMobile ? 'vertical' : 'inline'} style={{ rowGap: 8 }} data-testid="directive-filters">
      <Form.Item label="Số, ký hiệu" htmlFor="loc-so-ky-hieu" style={{ marginBottom: isMobile ? 8 : undefined }}>
        <Input
          id="loc-so-ky-hieu"
          key={`ns-${value.numberSymbol}`}
          defaultValue={value.numberSymbol}
          allowClear
          placeholder="Ví dụ: 167-CV"
          onPressEnter={(e) => commitText('numberSymbol', e.currentTarget.value)}
          onBlur={(e) => commitText('numberSymbol', e.currentTarget.value)}
          onClear={() => commitText('numberSymbol', '')}
          style={{ width: isMobile ? '100%' : 160 }}
        />
      </Form.Item>
      <Form.Item label="Cơ quan ban hành" htmlFor="loc-co-quan" style={{ marginBottom: isMobile ? 8 : undefined }}>
        <Input
          id="loc-co-quan"
          key={`is-${value.issuer}`}
          defaultValue={value.issuer}
          allowClear
          placeholder="Không cần gõ dấu"
          onPressEnter={(e) => commitText('issuer', e.currentTarget.value)}
          onBlur={(e) => commitText('issuer', e.currentTarget.value)}
          onClear={() => commitText('issuer', '')}
          style={{ width: isMobile ? '100%' : 220 }}
        />
      </Form.Item>
      <Form.Item label="Loại" htmlFor="loc-loai" style={{ marginBottom: isMobile ? 8 : undefined }}>
        <Select
          id="loc-loai"
          allowClear
          placeholder="Tất cả"
          options={docTypeOptions}
          value={value.docType ?? undefined}
          onChange={(docType?: string) => onChange({ ...value, docType: docType ?? null })}
          style={{ width: isMobile ? '100%' : 160 }}
        />
      </Form.Item>
      <Form.Item label="Ngày ban hành" htmlFor="loc-ngay">
        <DatePicker.RangePicker
          id={{ start: 'loc-ngay' }}
          format={DATE_FORMAT}
          value={value.range}
          onChange={(range) => onChange({ ...value, range: range && range[0] && range[1] ? [range[0], range[1]] : null })}
          placeholder={['Từ ngày', 'Đến ngày']}
          style={{ width: isMobile ? '100%' : undefined }}
        />
      </Form.Item>
    </Form>
  );
}
