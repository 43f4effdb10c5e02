import { Col, Form, Row, Select, type SelectProps } from 'antd';
import type { ConsultationSummary } from '../../api/types.js';
import { reportText } from '../../i18n/consultation-report.js';
import { UnitTreeSelect } from '../org/UnitTreeSelect.js';

export interface ReportFilterValues {
  code: string | null;
  unitId: number | null;
  periodEnd: string | null;
}

/**
 * The week picker's options: the weeks that received feedback first (newest first), then the others;
 * the current week is named as such.
 */
export function weekOptions(consultation: ConsultationSummary | null): NonNullable<SelectProps<string>['options']> {
  const weeks = consultation?.weeks ?? [];
  const option = (w: ConsultationSummary['weeks'][number]) => ({
    value: w.periodEnd,
    label: w.periodEnd === consultation?.currentPeriodEnd ? `${w.label} (${reportText.currentWeek})` : w.label,
  });
  const withData = weeks.filter((w) => w.hasData).map(option);
  const others = weeks.filter((w) => !w.hasData).map(option);
  if (withData.length === 0) return others;
  return [
    { label: reportText.weeksWithData, title: reportText.weeksWithData, options: withData },
    ...(others.length > 0 ? [{ label: reportText.weeksWithoutData, title: reportText.weeksWithoutData, options: others }] : []),
  ];
}

/** Consultation, unit and week ("Tuần chốt 16:00 thứ Tư dd/mm/yyyy") of the report shown. */
export function ReportFilters({
  consultations,
  consultation,
  values,
  onChange,
}: {
  consultations: ConsultationSummary[];
  consultation: ConsultationSummary | null;
  values: ReportFilterValues;
  onChange: (changes: Partial<ReportFilterValues>) => void;
}) {
  return (
    <Form layout="vertical" component="div">
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item label={reportText.consultation} htmlFor="bc-dot" style={{ marginBottom: 8 }}>
            <Select
              id="bc-dot"
              data-testid="report-consultation"
              value={values.code ?? undefined}
              options={consultations.map((c) => ({ value: c.code, label: c.title }))}
              onChange={(code: string) => onChange({ code, periodEnd: null })}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={reportText.unit} htmlFor="bc-don-vi" style={{ marginBottom: 8 }}>
            <UnitTreeSelect id="bc-don-vi" data-testid="report-unit" value={values.unitId} allowClear={false} onChange={(unitId) => onChange({ unitId })} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={reportText.week} htmlFor="bc-tuan" style={{ marginBottom: 8 }} extra={consultation ? `Chốt số liệu ${consultation.cutoff} hằng tuần` : undefined}>
            <Select
              id="bc-tuan"
              data-testid="report-week"
              value={values.periodEnd ?? undefined}
              options={weekOptions(consultation)}
              onChange={(periodEnd: string) => onChange({ periodEnd })}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
