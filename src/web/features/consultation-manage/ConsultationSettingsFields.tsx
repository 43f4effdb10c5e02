import { Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { manageText as t, weekdayOptions } from '../../i18n/consultation-manage.js';
import { fromVnWallClock, vnWallClock } from '../consultation-intake/intakeValues.js';
import type { ConsultationDetail } from './useConsultationManage.js';
import { ParticipatingUnitsSelect } from './ParticipatingUnitsSelect.js';

/** The times, weekly cut-off and units taking part, as the form holds them (Vietnam wall clock). */
export interface SettingsValues {
  opensAt?: Dayjs;
  closesAt?: Dayjs | null;
  cutoffWeekday: number;
  cutoffTime: string;
  unitsMode: 'all' | 'chosen';
  unitIds?: number[];
}

export const defaultSettings = (): SettingsValues => ({ opensAt: vnWallClock(), closesAt: null, cutoffWeekday: 3, cutoffTime: '16:00', unitsMode: 'all', unitIds: [] });

export function settingsOf(detail: ConsultationDetail): SettingsValues {
  return {
    opensAt: vnWallClock(detail.opensAt),
    closesAt: detail.closesAt ? vnWallClock(detail.closesAt) : null,
    cutoffWeekday: detail.cutoff.weekday,
    cutoffTime: detail.cutoff.time,
    unitsMode: detail.units.all ? 'all' : 'chosen',
    unitIds: detail.units.items.map((u) => u.id),
  };
}

/** The API's shape of the settings (instants with +07:00; null units: the owner's whole subtree). */
export function settingsInput(values: SettingsValues) {
  return {
    opensAt: fromVnWallClock(values.opensAt ?? vnWallClock()),
    closesAt: values.closesAt ? fromVnWallClock(values.closesAt) : null,
    cutoff: { weekday: values.cutoffWeekday, time: values.cutoffTime },
    unitIds: values.unitsMode === 'all' ? null : (values.unitIds ?? []),
  };
}

/**
 * Opening and closing instants (Vietnam time), the weekly cut-off and the units taking part (the
 * owner's subtree, or units chosen within it). `started`: the opening and the cut-off are fixed.
 */
export function ConsultationSettingsFields({ ownerId, started }: { ownerId: number | null; started: boolean }) {
  const form = Form.useFormInstance<SettingsValues>();
  const mode = Form.useWatch('unitsMode', form);
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="opensAt" label={t.opensAt} rules={[{ required: true, message: t.opensAtRequired }]}>
            <DatePicker data-testid="consultation-opens" showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" allowClear={false} disabled={started} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="closesAt"
            label={t.closesAt}
            extra={t.closesAtHint}
            dependencies={['opensAt']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_rule, value: Dayjs | null | undefined) => {
                  const opens = getFieldValue('opensAt') as Dayjs | undefined;
                  if (value && opens && !value.isAfter(opens)) throw new Error(t.closesAfterOpens);
                },
              }),
            ]}
          >
            <DatePicker data-testid="consultation-closes" showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Form.Item name="cutoffWeekday" label={t.cutoffWeekday}>
            <Select data-testid="consultation-cutoff-day" options={weekdayOptions} disabled={started} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="cutoffTime" label={t.cutoffTime} rules={[{ required: true, pattern: /^([01][0-9]|2[0-3]):[0-5][0-9]$/, message: 'Giờ dạng HH:MM, ví dụ 16:00.' }]}>
            <Input data-testid="consultation-cutoff-time" inputMode="numeric" maxLength={5} disabled={started} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label=" " colon={false} style={{ marginBottom: 0 }}>
            <span style={{ color: 'rgba(0,0,0,0.65)' }}>{t.cutoffHint}</span>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="unitsMode" label={t.unitsMode}>
        <Radio.Group data-testid="consultation-units-mode" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          <Radio value="all">{t.unitsAll}</Radio>
          <Radio value="chosen">{t.unitsChosen}</Radio>
        </Radio.Group>
      </Form.Item>
      {mode === 'chosen' ? (
        <Form.Item name="unitIds" label={t.unitsPick} rules={[{ required: true, type: 'array', min: 1, message: t.unitsRequired }]}>
          <ParticipatingUnitsSelect ownerId={ownerId} />
        </Form.Item>
      ) : null}
    </>
  );
}
