import { Card, Flex, Form, Input, Radio, Select } from 'antd';
import { useMemo } from 'react';
import { useUnitList } from '../org/useUnits.js';
import { unitKindOptions } from '../../i18n/unitKinds.js';
import { frequencyKindLabels, regimeTypeLabels, weekdayLabels } from './labels.js';
import type { FrequencyKind } from './regimeForm.js';
import { weekdays } from './types.js';

const required = (message: string) => [{ required: true, whitespace: true, message }];
export const weekdayOptions = weekdays.map((w) => ({ value: w, label: weekdayLabels[w] }));
const frequencyOptions = (Object.keys(frequencyKindLabels) as FrequencyKind[]).map((k) => ({ value: k, label: frequencyKindLabels[k] }));
const hhmm = [{ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'Giờ theo dạng HH:MM, ví dụ 16:00.' }];

/** The units the user sees, as options by code ("Tên (MÃ)"), searched by name or code. */
export function useUnitCodeOptions() {
  const units = useUnitList();
  return useMemo(() => (units.data ?? []).map((u) => ({ value: u.code, label: `${u.name} (${u.code})` })), [units.data]);
}

/** Tên, mã, loại, đơn vị ban hành, tần suất (with weekday and time, or the one-off dates), nơi nhận. */
export function RegimeGeneralFields({ frequencyKind }: { frequencyKind: FrequencyKind | undefined }) {
  const unitOptions = useUnitCodeOptions();
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Thông tin chung</h2>}>
      <Form.Item name="name" label="Tên chế độ báo cáo" rules={required('Nhập tên chế độ báo cáo.')}>
        <Input maxLength={500} data-testid="regime-name" />
      </Form.Item>
      <Flex wrap gap={12}>
        <Form.Item name="code" label="Mã" rules={required('Nhập mã (dùng trong tệp và dòng lệnh).')} style={{ minWidth: 160 }}>
          <Input maxLength={64} data-testid="regime-code" />
        </Form.Item>
        <Form.Item name="type" label="Loại báo cáo">
          <Radio.Group options={Object.entries(regimeTypeLabels).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      </Flex>
      <Form.Item name="issuerUnit" label="Đơn vị ban hành" rules={required('Chọn đơn vị ban hành.')}>
        <Select showSearch optionFilterProp="label" options={unitOptions} data-testid="regime-issuer" />
      </Form.Item>
      <Flex wrap gap={12}>
        <Form.Item name="frequencyKind" label="Tần suất" style={{ minWidth: 220 }}>
          <Select options={frequencyOptions} data-testid="regime-frequency" />
        </Form.Item>
        {frequencyKind === 'weekly' && (
          <>
            <Form.Item name="weekday" label="Chốt số liệu vào" style={{ minWidth: 140 }}>
              <Select options={weekdayOptions} />
            </Form.Item>
            <Form.Item name="time" label="Giờ chốt" rules={hhmm} style={{ width: 110 }}>
              <Input placeholder="16:00" />
            </Form.Item>
          </>
        )}
        {frequencyKind === 'once' && (
          <>
            <Form.Item name="onceStart" label="Từ ngày" rules={required('Chọn ngày bắt đầu.')}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="onceEnd" label="Đến ngày" rules={required('Chọn ngày kết thúc.')}>
              <Input type="date" />
            </Form.Item>
          </>
        )}
      </Flex>
      <Form.Item name="recipientMode" label="Đơn vị gửi báo cáo tới">
        <Radio.Group
          options={[
            { value: 'nearest', label: 'Cấp trên gần nhất (đơn vị báo cáo hoặc đơn vị ban hành)' },
            { value: 'issuer', label: 'Thẳng đơn vị ban hành' },
          ]}
        />
      </Form.Item>
    </Card>
  );
}

/** Đối tượng thực hiện: unit kinds, listed units, listed subtrees of the issuer's subtree; reminders. */
export function ReportingUnitsFields() {
  const unitOptions = useUnitCodeOptions();
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Đơn vị báo cáo</h2>}>
      <Form.Item name="reportingUnitKinds" label="Các loại đơn vị báo cáo" extra="Mọi đơn vị thuộc các loại này trong phạm vi đơn vị ban hành (trừ chính đơn vị ban hành).">
        <Select mode="multiple" options={unitKindOptions} optionFilterProp="label" data-testid="regime-kinds" />
      </Form.Item>
      <Form.Item name="reportingUnits" label="Thêm từng đơn vị">
        <Select mode="multiple" showSearch optionFilterProp="label" options={unitOptions} />
      </Form.Item>
      <Form.Item name="reportingSubtrees" label="Thêm đơn vị cùng toàn bộ đơn vị trực thuộc">
        <Select mode="multiple" showSearch optionFilterProp="label" options={unitOptions} />
      </Form.Item>
      <Form.Item name="reminderHours" label="Nhắc trước hạn (giờ)" extra="Chỉ nhắc đơn vị chưa gửi báo cáo; mặc định 48 giờ và 4 giờ.">
        <Select mode="tags" tokenSeparators={[',', ' ']} />
      </Form.Item>
    </Card>
  );
}
