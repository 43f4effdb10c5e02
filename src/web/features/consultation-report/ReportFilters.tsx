import { Col, Form, Row, Select } from 'antd';
import type { ConsultationSummary } from '../../api/types.js';
import { reportText } from '../../i18n/consultation-report.js';
import { UnitTreeSelect } from '../org/UnitTreeSelect.js';

export interface ReportFilterValues {
  code: string | null;
  unitId: number | null;
  periodEnd: string | null;
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
          <Form.Item label={reportText.consultation} style={{ marginBottom: 8 }}>
            <Select
              data-testid="report-consultation"
              value={values.code ?? undefined}
              options={consultations.map((c) => ({ value: c.code, label: c.title }))}
              onChange={(code: string) => onChange({ code, periodEnd: null })}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={reportText.unit} style={{ marginBottom: 8 }}>
            <UnitTreeSelect data-testid="report-unit" value={values.unitId} allowClear={false} onChange={(unitId) => onChange({ unitId })} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={reportText.week} style={{ marginBottom: 8 }} extra={consultation ? `Chốt số liệu ${consultation.cutoff} hằng tuần` : undefined}>
            <Select
              data-testid="report-week"
              value={values.periodEnd ?? undefined}
              options={(consultation?.weeks ?? []).map((w) => ({ value: w.periodEnd, label: w.label }))}
              onChange={(periodEnd: string) => onChange({ periodEnd })}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
