import { Card, Flex, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { formIndicators, type ReportForm } from '../../../shared/report-form.js';
import { EChart } from '../consultation-report/EChart.js';
import { indicatorsChart, ratesChart } from './monitoringCharts.js';
import type { MonitoringPeriod } from './types.js';

/** Biểu đồ: reporting and timeliness rates over periods, and the indicators the user picks (loaded on demand with ECharts). */
export function RegimeCharts({ periods, form }: { periods: MonitoringPeriod[]; form: ReportForm }) {
  const numeric = useMemo(() => formIndicators(form).filter((i) => i.type !== 'text' && i.aggregation !== 'none'), [form]);
  const [codes, setCodes] = useState<string[]>(() => numeric.slice(0, 2).map((i) => i.code));
  const rates = useMemo(() => ratesChart(periods), [periods]);
  const labelOf = useMemo(() => (c: string) => numeric.find((i) => i.code === c)?.label ?? c, [numeric]);
  const indicators = useMemo(() => indicatorsChart(periods, codes, labelOf), [periods, codes, labelOf]);
  return (
    <Flex vertical gap={12}>
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Tỷ lệ báo cáo và đúng hạn theo kỳ</h2>}>
        <EChart option={rates.option} table={rates.table} height={260} ariaLabel="Tỷ lệ báo cáo và tỷ lệ đúng hạn theo kỳ" data-testid="rates-chart" />
      </Card>
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Chỉ tiêu theo kỳ</h2>}>
        <Flex vertical gap={8}>
          <Typography.Text id="chart-indicators-label">Chọn chỉ tiêu</Typography.Text>
          <Select mode="multiple" aria-labelledby="chart-indicators-label" value={codes} onChange={setCodes} options={numeric.map((i) => ({ value: i.code, label: `${i.code} — ${i.label}` }))} style={{ width: '100%' }} />
          <EChart option={indicators.option} table={indicators.table} height={260} ariaLabel="Số liệu tổng hợp các chỉ tiêu đã chọn theo kỳ" data-testid="indicators-chart" />
        </Flex>
      </Card>
    </Flex>
  );
}
