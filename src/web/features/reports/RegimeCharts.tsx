import * as chartsModule from 'echarts/charts';
import * as componentsModule from 'echarts/components';
import * as coreModule from 'echarts/core';
import * as renderersModule from 'echarts/renderers';
import { Card, Flex, Select, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { formIndicators, type ReportForm } from '../../../shared/report-form.js';
import { ChartDataTable, type ChartTable } from '../consultation-report/ChartDataTable.js';
import { indicatorsChart, ratesChart, type ChartOption } from './monitoringCharts.js';
import type { MonitoringPeriod } from './types.js';

/** The few ECharts calls used here (its declarations do not resolve under NodeNext; see consultation-report/EChart.tsx). */
interface ChartInstance {
  setOption(option: ChartOption, options?: { notMerge?: boolean }): void;
  resize(): void;
  dispose(): void;
}
interface ChartCore {
  init(element: HTMLElement, theme?: string | null, options?: { renderer?: 'canvas' | 'svg' }): ChartInstance;
  use(extensions: unknown[]): void;
}
(coreModule as unknown as ChartCore).use([
  (chartsModule as unknown as Record<'LineChart', unknown>).LineChart,
  (componentsModule as unknown as Record<'GridComponent', unknown>).GridComponent,
  (componentsModule as unknown as Record<'LegendComponent', unknown>).LegendComponent,
  (componentsModule as unknown as Record<'TooltipComponent', unknown>).TooltipComponent,
  (renderersModule as unknown as Record<'CanvasRenderer', unknown>).CanvasRenderer,
]);

/** A line chart over periods; its figures as a table for screen readers. */
function LineChart({ option, ariaLabel, table, testId }: { option: ChartOption; ariaLabel: string; table: ChartTable; testId: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const instance = (coreModule as unknown as ChartCore).init(el, null, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => chart.current?.setOption(option, { notMerge: true }), [option]);
  return (
    <>
      <div ref={element} role="img" aria-label={ariaLabel} data-testid={testId} style={{ width: '100%', height: 260 }} />
      <ChartDataTable caption={ariaLabel} table={table} />
    </>
  );
}

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
        <LineChart option={rates.option} table={rates.table} ariaLabel="Tỷ lệ báo cáo và tỷ lệ đúng hạn theo kỳ" testId="rates-chart" />
      </Card>
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Chỉ tiêu theo kỳ</h2>}>
        <Flex vertical gap={8}>
          <Typography.Text id="chart-indicators-label">Chọn chỉ tiêu</Typography.Text>
          <Select mode="multiple" aria-labelledby="chart-indicators-label" value={codes} onChange={setCodes} options={numeric.map((i) => ({ value: i.code, label: `${i.code} — ${i.label}` }))} style={{ width: '100%' }} />
          <LineChart option={indicators.option} table={indicators.table} ariaLabel="Số liệu tổng hợp các chỉ tiêu đã chọn theo kỳ" testId="indicators-chart" />
        </Flex>
      </Card>
    </Flex>
  );
}
